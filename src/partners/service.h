#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "partners/model.h"
#include "partners/repository.h"
#include "store/database.h"

namespace weltcampus::partners {

using store::Page;

struct YearPlaces {
  int academic_year = 0;
  int64_t outgoing = 0;
  int64_t incoming = 0;
  std::map<std::string, int64_t> by_category;
};

// Everything about one partner in one answer, for the partner page.
struct PartnerOverview {
  Partnership partnership;
  std::vector<Agreement> agreements;
  std::vector<YearPlaces> places_by_year;
  std::vector<JointStructure> joint_structures;
};

// Places per academic year from the quotas of agreements that are or were in force.
std::vector<YearPlaces> PlacesByYear(const std::vector<Agreement>& agreements);

// The rules of the partners module; each call is one transaction.
class PartnersService {
 public:
  explicit PartnersService(store::Database& database) : database_(database) {}

  Institution GetInstitution(int64_t id);
  Page<Institution> ListInstitutions(const InstitutionFilter& filter, const PageRequest& page);
  Institution CreateInstitution(Institution institution);
  Institution UpdateInstitution(int64_t id, Institution institution, int64_t expected_version);
  void DeleteInstitution(int64_t id, int64_t expected_version);

  OrgUnit GetOrgUnit(int64_t id);
  std::vector<OrgUnit> ListOrgUnits(const std::optional<std::string>& q);
  OrgUnit CreateOrgUnit(OrgUnit unit);
  OrgUnit UpdateOrgUnit(int64_t id, OrgUnit unit, int64_t expected_version);
  void DeleteOrgUnit(int64_t id, int64_t expected_version);

  Partnership GetPartnership(int64_t id);
  Page<Partnership> ListPartnerships(const PartnershipFilter& filter, const PageRequest& page);
  std::vector<MapPoint> ListMapPoints(const PartnershipFilter& filter);
  Partnership CreatePartnership(Partnership partnership);
  Partnership UpdatePartnership(int64_t id, Partnership partnership, int64_t expected_version);
  void DeletePartnership(int64_t id, int64_t expected_version);
  PartnerOverview GetOverview(int64_t partnership_id);

  Agreement GetAgreement(int64_t id);
  Page<Agreement> ListAgreements(const AgreementFilter& filter, const PageRequest& page);
  Agreement CreateAgreement(Agreement agreement);
  Agreement UpdateAgreement(int64_t id, Agreement agreement, int64_t expected_version);
  void DeleteAgreement(int64_t id, int64_t expected_version);

  std::vector<JointStructure> ListJointStructures(int64_t partnership_id);
  JointStructure GetJointStructure(int64_t id);
  JointStructure CreateJointStructure(int64_t partnership_id, JointStructure structure);
  JointStructure UpdateJointStructure(int64_t id, JointStructure structure, int64_t expected_version);
  void DeleteJointStructure(int64_t id, int64_t expected_version);

  repository::Summary GetSummary();

 private:
  store::Database& database_;
};

int CurrentAcademicYear();

}  // namespace weltcampus::partners
