#pragma once

// For the exchange's unit tests: an outgoing student quota (4 places of 5 months a year unless
// told) of an Erasmus agreement signed from 2026/27 (unless told) to 2028/29 with a new partner,
// for offers to be carved from.
#include <cstdint>
#include <string>

#include "core/date.h"
#include "partners/service.h"
#include "store/database.h"

namespace weltcampus::exchange::test_support {

struct TestQuota {
  int64_t quota_id = 0;
  int64_t agreement_id = 0;
  int64_t partnership_id = 0;
};

struct QuotaShape {
  int64_t places_per_year = 4;
  int first_academic_year = 2026;
};

inline TestQuota AddOutgoingQuota(store::Database& database, const std::string& partner,
                                  const std::string& country, const std::string& title,
                                  QuotaShape shape = {}) {
  partners::PartnersService partners(database);
  const auto actor = audit::Actor::System();
  partners::Institution institution;
  institution.name = partner;
  institution.country = country;
  institution = partners.CreateInstitution(actor, institution);
  partners::Partnership partnership;
  partnership.institution_id = institution.id;
  partnership = partners.CreatePartnership(actor, Date{2026, 12, 3}, partnership);
  partners::Agreement agreement;
  agreement.partnership_id = partnership.id;
  agreement.title = title;
  agreement.type = partners::AgreementType::kErasmusIia;
  agreement.status = partners::AgreementStatus::kSigned;
  agreement.first_academic_year = shape.first_academic_year;
  agreement.last_academic_year = 2028;
  agreement.ends_on = "2029-09-30";
  agreement.partner_institution_ids = {institution.id};
  partners::Quota quota;
  quota.direction = partners::Direction::kOutgoing;
  quota.category = partners::QuotaCategory::kStudentStudies;
  quota.places_per_year = shape.places_per_year;
  quota.months_per_place = 5;
  agreement.quotas.push_back(quota);
  agreement = partners.CreateAgreement(actor, agreement);
  return {agreement.quotas.at(0).id, agreement.id, partnership.id};
}

}  // namespace weltcampus::exchange::test_support
