#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "core/date.h"
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
  // Places by category, each direction apart (our people going out, the partner's coming in).
  std::map<QuotaCategory, int64_t> outgoing_by_category;
  std::map<QuotaCategory, int64_t> incoming_by_category;
};

// Everything about one partner in one answer, for the partner page.
struct PartnerOverview {
  Partnership partnership;
  std::vector<Agreement> agreements;
  std::vector<YearPlaces> places_by_year;
  std::vector<JointStructure> joint_structures;
};

// The world map's partners and the map version they were read at (repository::MapVersion).
struct VersionedMap {
  repository::MapVersion version;
  std::vector<MapPoint> points;
};

// Places per academic year from the quotas of agreements that are or were in force.
std::vector<YearPlaces> PlacesByYear(const std::vector<Agreement>& agreements);

// The rules of the partners module; each call is one transaction. Every change is made by an
// actor (audited in their name); where a rule or an answer depends on the day (the academic year
// whose agreements are active), the caller says which day it is: no rule reads the clock.
// Whether an institution is the school's own, which cannot be its own partner. The home settings
// that tell are the system module's; the application passes this in (cli/app.cpp).
using IsHomeInstitution = std::function<bool(store::Connection&, const Institution&)>;

class PartnersService {
 public:
  explicit PartnersService(store::Database& database, IsHomeInstitution is_home = {})
      : database_(database), is_home_(std::move(is_home)) {}

  Institution GetInstitution(int64_t id);
  Page<Institution> ListInstitutions(const InstitutionFilter& filter, const PageRequest& page);
  Institution CreateInstitution(const audit::Actor& actor, Institution institution);
  Institution UpdateInstitution(const audit::Actor& actor, int64_t id, Institution institution,
                                int64_t expected_version);
  void DeleteInstitution(const audit::Actor& actor, int64_t id, int64_t expected_version);

  Partnership GetPartnership(int64_t id, Date today);
  Page<Partnership> ListPartnerships(const PartnershipFilter& filter, const PageRequest& page,
                                     Date today);
  std::vector<MapPoint> ListMapPoints(const PartnershipFilter& filter);
  // How often the map's data has changed: one small read.
  repository::MapVersion GetMapVersion();
  // The map's partners with the version read before them, so that they are at least that new.
  VersionedMap LoadMap(const PartnershipFilter& filter);
  Partnership CreatePartnership(const audit::Actor& actor, Date today, Partnership partnership);
  Partnership UpdatePartnership(const audit::Actor& actor, Date today, int64_t id,
                                Partnership partnership, int64_t expected_version);
  // The same change inside the caller's transaction (partners/bulk.h: several records at once):
  // the same rules, write and audit entry.
  Partnership UpdatePartnershipIn(store::Connection& c, const audit::Actor& actor, Date today,
                                  int64_t id, Partnership partnership, int64_t expected_version);
  void DeletePartnership(const audit::Actor& actor, Date today, int64_t id,
                         int64_t expected_version);
  PartnerOverview GetOverview(int64_t partnership_id, Date today);

  Agreement GetAgreement(int64_t id);
  // With the children as the text kept with each agreement unless `children` asks for records
  // (an answer that leaves some of them out: partners/visibility.h).
  Page<Agreement> ListAgreements(
      const AgreementFilter& filter, const PageRequest& page,
      repository::AgreementChildren children = repository::AgreementChildren::kKeptText);
  Agreement CreateAgreement(const audit::Actor& actor, Agreement agreement);
  Agreement UpdateAgreement(const audit::Actor& actor, int64_t id, Agreement agreement,
                            int64_t expected_version);
  // The same change inside the caller's transaction (partners/bulk.h). `agreement` has passed
  // the rules across its fields (CheckAgreementFields, partners/input.h).
  Agreement UpdateAgreementIn(store::Connection& c, const audit::Actor& actor, int64_t id,
                              Agreement agreement, int64_t expected_version);
  void DeleteAgreement(const audit::Actor& actor, int64_t id, int64_t expected_version);
  // Renews a signed, active or expired agreement: its successor as a draft with the same
  // conditions (partners, unit, contacts, quotas) for the next period of the same length, linked
  // to it. 409 when it has a successor already.
  Agreement RenewAgreement(const audit::Actor& actor, int64_t id);

  repository::Summary GetSummary(Date today);
  std::vector<std::pair<std::string, int64_t>> ListPartnerCountries();

 private:
  void CheckPartnershipReferences(store::Connection& c, const Partnership& partnership) const;

  store::Database& database_;
  IsHomeInstitution is_home_;
};

// The academic year a day falls in, as the calendar year it starts in.
int AcademicYearOf(Date day);

}  // namespace weltcampus::partners
