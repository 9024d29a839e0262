// A student who accepts a place is nominated (issue 11, item 1): the exchange announces the
// accepted place (exchange/place_hooks.h) and this module writes the mobility in the same
// transaction, with the partner, agreement, quota and semester of the offer, or the stay the
// student planned in a funding call.
#include "mobility/nominations.h"

#include <algorithm>
#include <array>

#include "exchange/funding.h"
#include "mobility/mobilities.h"
#include "partners/repository.h"

namespace weltcampus::mobility {

namespace {

constexpr std::array<std::string_view, 33> kErasmusProgrammeCountries = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
    "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL",
    "PT", "RO", "SE", "SI", "SK", "IS", "LI", "NO", "MK", "RS", "TR"};

std::optional<std::string> PartnerCountry(store::Connection& c, const Mobility& mobility) {
  if (!mobility.partnership_id) {
    return mobility.host_country;
  }
  const auto institution = PartnerInstitution(c, *mobility.partnership_id);
  return institution ? std::optional<std::string>(institution->country) : std::nullopt;
}

QuotaCategory CategoryOfStay(exchange::StayCategory category) {
  switch (category) {
    case exchange::StayCategory::kClinicalElective:
      return QuotaCategory::kClinicalElective;
    case exchange::StayCategory::kFinalYearTertial:
      return QuotaCategory::kFinalYearTertial;
    case exchange::StayCategory::kTraineeship:
      return QuotaCategory::kStudentTraineeship;
  }
  return QuotaCategory::kStudentTraineeship;
}

void Nominate(store::Connection& c, const audit::Actor& actor,
              const exchange::AcceptedPlace& place) {
  if (auto mobility = NominationOf(c, place)) {
    CreateMobility(c, actor, std::move(*mobility));
  }
}

}  // namespace

bool IsErasmusProgrammeCountry(std::string_view country) {
  return std::find(kErasmusProgrammeCountries.begin(), kErasmusProgrammeCountries.end(), country) !=
         kErasmusProgrammeCountries.end();
}

FundingLine ErasmusLineOf(std::string_view country, QuotaCategory category) {
  if (!IsErasmusProgrammeCountry(country)) {
    return FundingLine::kErasmusKa171;
  }
  if (partners::IsStaffCategory(category)) {
    return FundingLine::kErasmusKa131Staff;
  }
  return category == QuotaCategory::kStudentStudies ? FundingLine::kErasmusKa131Studies
                                                    : FundingLine::kErasmusKa131Traineeship;
}

std::optional<Mobility> NominationOf(store::Connection& c, const exchange::AcceptedPlace& place) {
  Mobility mobility;
  mobility.direction = Direction::kOutgoing;
  mobility.student_id = place.student_id;
  mobility.academic_year = place.call->academic_year;
  mobility.application_id = place.application_id;
  bool erasmus_agreement = false;
  if (place.offer) {
    const auto& offer = *place.offer;
    const auto quota = partners::repository::FindQuotaInContext(c, offer.quota_id);
    if (quota) {
      mobility.category = quota->quota.category;
      mobility.isced_code = offer.isced_code ? offer.isced_code : quota->quota.isced_code;
    }
    mobility.partnership_id = offer.partnership_id;
    mobility.agreement_id = offer.agreement_id;
    mobility.quota_id = offer.quota_id;
    mobility.offer_id = offer.id;
    const auto period = exchange::StayPeriodOf(place.call->academic_year, offer.term);
    mobility.planned_start = period.starts_on;
    mobility.planned_end = period.ends_on;
    const auto agreement = partners::repository::FindAgreement(c, offer.agreement_id);
    erasmus_agreement = agreement && agreement->type == partners::AgreementType::kErasmusIia;
  } else if (place.stay) {
    mobility.category = CategoryOfStay(place.stay->category);
    mobility.host_name = place.stay->host;
    mobility.host_country = place.stay->country;
    mobility.planned_start = place.stay->starts_on;
    mobility.planned_end = place.stay->ends_on;
    erasmus_agreement = true;  // a funding call grants Erasmus+ traineeship days
  } else {
    return std::nullopt;
  }
  // A stay too short for Erasmus, or under another agreement, starts without a funding line,
  // which the office sets.
  const auto country = PartnerCountry(c, mobility);
  if (erasmus_agreement && country && PlannedErasmusDays(mobility) >= kMinErasmusDays) {
    mobility.funding_line = ErasmusLineOf(*country, mobility.category);
  }
  return mobility;
}

void RegisterNominations() { exchange::DeclarePlaceAccepted("mobility.nominate", Nominate); }

}  // namespace weltcampus::mobility
