#include "exchange/calls_demo.h"

#include <algorithm>
#include <array>
#include <random>

#include "core/academic_year.h"
#include "exchange/calls.h"
#include "exchange/demo_dice.h"
#include "partners/repository.h"

namespace weltcampus::exchange {

namespace {

using demo::Dice;

// Partners' deadlines for our nominations (after the call's nomination date in early April).
constexpr std::array<const char*, 3> kWinterDeadlines = {"04-30", "05-15", "06-01"};
constexpr std::array<const char*, 3> kSummerDeadlines = {"10-15", "10-31", "11-15"};

Call NewCall(int year, int64_t unit) {
  Call call;
  call.academic_year = year;
  call.org_unit_id = unit;
  const std::string y = std::to_string(year);
  call.applications_open = y + "-01-04";
  call.applications_close = y + "-02-28";
  call.selection_by = y + "-03-13";
  call.publication_on = y + "-03-16";
  call.accept_by = y + "-03-26";
  call.nomination_by = y + "-04-03";
  call.weight_grade = 50;
  call.weight_language = 25;
  call.weight_committee = 25;
  call.tie_rules = {TieRule::kFirstStayFirst, TieRule::kHigherSemesterFirst};
  return call;
}

// Gives the partner nomination deadlines (a few partners keep them in the register).
void GiveDeadlines(store::Connection& c, int64_t partnership_id, int year, Dice& dice) {
  auto partnership = partners::repository::FindPartnership(c, partnership_id, year);
  if (!partnership || partnership->nomination_deadline_winter) {
    return;
  }
  partnership->nomination_deadline_winter =
      kWinterDeadlines[static_cast<size_t>(dice.Below(static_cast<int>(kWinterDeadlines.size())))];
  partnership->nomination_deadline_summer =
      kSummerDeadlines[static_cast<size_t>(dice.Below(static_cast<int>(kSummerDeadlines.size())))];
  partners::repository::UpdatePartnership(c, *partnership, partnership->version);
}

// Stores the offer when the rules let it through (they always should: the demo asks for no more
// than the quota holds); a refusal leaves the places withheld.
bool Carve(store::Connection& c, Offer offer, DemoCalls& counts) {
  try {
    DeriveOffer(c, offer);
    CheckOffer(c, offer);
  } catch (const ApiError&) {
    return false;
  }
  OfferTable().Insert(c, offer);
  ++counts.offers;
  counts.places += offer.places;
  return true;
}

Offer OfferOf(const Call& call, const UsableQuota& quota, OfferTerm term, int64_t places,
              double months) {
  Offer offer;
  offer.call_id = call.id;
  offer.quota_id = quota.quota_id;
  offer.term = term;
  offer.places = places;
  offer.months_per_place = months;
  offer.requires_first_state_exam =
      quota.category == "clinical_elective" || quota.category == "final_year_tertial";
  return offer;
}

// Splits a quota's places into offers: a full-year place where the quota has the months for it,
// the rest in the winter and the summer semester; one place in four is withheld.
void CarveQuota(store::Connection& c, const Call& call, const UsableQuota& quota, Dice& dice,
                DemoCalls& counts) {
  int64_t places = quota.places_per_year;
  if (places >= 2 && dice.Below(4) == 0) {
    --places;
    ++counts.withheld;
  }
  const double quota_months = quota.months_per_place.value_or(5);
  const bool studies = quota.category == "student_studies";
  const double semester = std::min(std::max(quota_months, studies ? 2.0 : 1.0), 6.0);
  if (studies && quota_months >= 10 && places >= 2 && dice.Below(2) == 0) {
    if (Carve(c, OfferOf(call, quota, OfferTerm::kFullYear, 1, std::min(quota_months, 10.0)),
              counts)) {
      --places;
    }
  }
  const int64_t winter = (places + 1) / 2;
  if (winter > 0) {
    Carve(c, OfferOf(call, quota, OfferTerm::kWinter, winter, semester), counts);
  }
  if (places - winter > 0) {
    Offer summer = OfferOf(call, quota, OfferTerm::kSummer, places - winter, semester);
    // Now and then the partner agrees to one place more than the quota.
    if (dice.Below(8) == 0) {
      ++summer.places;
      summer.extra_places = 1;
    }
    Carve(c, summer, counts);
  }
}

}  // namespace

DemoCalls BuildCallDemo(store::Connection& c, const organisation::DemoOrganisation& organisation,
                        const std::string& profile, unsigned seed, Date today) {
  DemoCalls counts;
  const auto unit = organisation.units.find("MED");
  if (unit == organisation.units.end()) {
    return counts;
  }
  Dice dice(seed + 10);
  const int year = AcademicYear::Containing(today).first_calendar_year() + 1;
  const std::string years = AcademicYear(year).ToString();

  Call places = NewCall(year, unit->second);
  places.title = "Erasmus+ and exchange places " + years;
  places.title_de = "Erasmus+- und Austauschplätze " + years;
  // One optional criterion of the school's own, scored by the committee.
  places.weight_grade = 45;
  places.weight_committee = 20;
  places.criteria = {{"engagement", "Social engagement (student council, tutoring, volunteering)",
                      "Soziales Engagement (Fachschaft, Tutorien, Ehrenamt)", 10, 5}};
  CheckCall(c, places);
  CallTable().Insert(c, places);
  ++counts.calls;
  const auto quotas = UsableQuotas(c, places);
  // Five in six quotas are offered in this call; the rest wait for a later round.
  for (const auto& quota : quotas) {
    if (dice.Below(6) == 0) {
      continue;
    }
    if (dice.Below(5) == 0) {
      GiveDeadlines(c, quota.partnership_id, year, dice);
    }
    CarveQuota(c, places, quota, dice, counts);
  }

  Call traineeships = NewCall(year, unit->second);
  traineeships.kind = CallKind::kFunding;
  traineeships.title =
      "Erasmus+ traineeships " + years + " (clinical electives, final-year tertials)";
  traineeships.title_de = "Erasmus+-Praktika " + years + " (Famulaturen, PJ-Tertiale)";
  traineeships.applications_open = std::to_string(year) + "-02-01";
  traineeships.applications_close = std::to_string(year) + "-04-30";
  traineeships.selection_by = std::to_string(year) + "-05-15";
  traineeships.publication_on = std::to_string(year) + "-05-20";
  traineeships.accept_by = std::to_string(year) + "-05-31";
  traineeships.nomination_by = std::to_string(year) + "-06-15";
  traineeships.weight_grade = 40;
  traineeships.weight_language = 30;
  traineeships.weight_committee = 30;
  traineeships.funded_months = profile == "school" ? 60 : profile == "university" ? 600 : 3000;
  CheckCall(c, traineeships);
  CallTable().Insert(c, traineeships);
  ++counts.calls;
  return counts;
}

}  // namespace weltcampus::exchange
