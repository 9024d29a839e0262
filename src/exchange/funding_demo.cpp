#include "exchange/funding_demo.h"

#include <array>

#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange/demo_dice.h"
#include "exchange/funding.h"
#include "exchange/scoring.h"

namespace weltcampus::exchange {

namespace {

struct DemoHost {
  const char* name;
  const char* city;
  const char* country;
};

constexpr std::array<DemoHost, 8> kDemoHosts = {{
    {"Hospices Civils de Lyon", "Lyon", "FR"},
    {"Hospital Clínic de Barcelona", "Barcelona", "ES"},
    {"Karolinska Universitetssjukhuset", "Stockholm", "SE"},
    {"Uniwersytecki Szpital Kliniczny", "Wrocław", "PL"},
    {"Guy's and St Thomas' NHS Foundation Trust", "London", "GB"},
    {"Policlinico Universitario A. Gemelli", "Roma", "IT"},
    {"Royal Adelaide Hospital", "Adelaide", "AU"},
    {"Inselspital", "Bern", "CH"},
}};

// A stay in the spring of the call's academic year: a tertial of 16 weeks (110 days as Erasmus
// counts), now and then half of one (55 days), an elective of 2 or 3 months, or a traineeship.
PlannedStay DemoStay(int spring_year, demo::Dice& dice) {
  PlannedStay stay;
  const auto& host =
      kDemoHosts[static_cast<size_t>(dice.Below(static_cast<int>(kDemoHosts.size())))];
  stay.host = host.name;
  stay.city = host.city;
  stay.country = host.country;
  const std::string y = std::to_string(spring_year);
  const int kind = dice.Below(10);
  if (kind < 4) {
    stay.category = StayCategory::kFinalYearTertial;
    stay.starts_on = y + "-03-06";
    stay.ends_on = kind == 0 ? y + "-04-30" : y + "-06-25";
  } else if (kind < 8) {
    stay.category = StayCategory::kClinicalElective;
    stay.starts_on = y + "-07-01";
    stay.ends_on = dice.Below(2) == 0 ? y + "-08-31" : y + "-09-30";
  } else {
    stay.category = StayCategory::kTraineeship;
    stay.starts_on = y + "-04-01";
    stay.ends_on = y + "-06-30";
  }
  stay.days = ErasmusDays(*Date::Parse(stay.starts_on), *Date::Parse(stay.ends_on));
  return stay;
}

ApplicationStatus DrawFundingStatus(demo::Dice& dice) {
  const int draw = dice.Below(10);
  if (draw < 2) {
    return ApplicationStatus::kDraft;
  }
  if (draw < 4) {
    return ApplicationStatus::kSubmitted;
  }
  return draw < 9 ? ApplicationStatus::kChecked : ApplicationStatus::kWithdrawn;
}

}  // namespace

DemoApplications BuildFundingDemo(store::Connection& c, unsigned seed) {
  DemoApplications summary;
  store::Filter funding;
  funding.Add("kind = 'funding'");
  const auto calls = CallTable().All(c, funding, "id");
  if (calls.empty()) {
    return summary;
  }
  const Call& call = calls.back();
  const auto weights = WeightsOf(call);
  demo::Dice dice(seed + 26);
  for (const auto& student : StudentTable().All(c, store::Filter(), "id")) {
    if (student.user_id || dice.Below(8) != 0) {
      continue;
    }
    const auto facts = StudentFactsOf(c, student);
    Application application;
    application.call_id = call.id;
    application.student_id = student.id;
    application.stay = DemoStay(call.academic_year + 1, dice);
    application.status = DrawFundingStatus(dice);
    // Only a stay Erasmus+ can fund is sent.
    if (application.status != ApplicationStatus::kDraft &&
        !FundingIneligibilityReasons(facts, *application.stay, call.academic_year).empty()) {
      application.status = ApplicationStatus::kDraft;
    }
    if (application.status != ApplicationStatus::kDraft) {
      application.submitted_at = call.applications_open.substr(0, 8) + "20T10:00:00Z";
      ++summary.submitted;
    }
    if (application.status == ApplicationStatus::kChecked) {
      application.committee_points = dice.Below(static_cast<int>(call.committee_points_max) + 1);
    }
    application.score =
        CommonScore(weights, ApplicantOf(student, facts, application.committee_points)).total;
    applications::Insert(c, application);
    ++summary.applications;
  }
  return summary;
}

}  // namespace weltcampus::exchange
