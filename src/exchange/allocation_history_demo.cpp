#include "exchange/allocation_history_demo.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "auth/demo_accounts.h"
#include "auth/repository.h"
#include "core/academic_year.h"
#include "core/error.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange/demo_dice.h"
#include "exchange/scoring.h"

namespace weltcampus::exchange {

namespace {

using demo::Dice;

Call HistoryCall(int year, int64_t unit, Dice& dice) {
  Call call;
  call.academic_year = year;
  call.org_unit_id = unit;
  const std::string y = std::to_string(year);
  const std::string years = AcademicYear(year).ToString();
  call.title = "Erasmus+ and exchange places " + years;
  call.title_de = "Erasmus+- und Austauschplätze " + years;
  call.applications_open = y + "-01-05";
  call.applications_close = y + "-02-27";
  call.selection_by = y + "-03-12";
  call.publication_on = y + "-03-16";
  call.accept_by = y + "-03-26";
  call.nomination_by = y + "-04-02";
  call.max_preferences = 3;
  call.weight_grade = 50;
  call.weight_language = 25;
  call.weight_committee = 25;
  call.tie_rules = {TieRule::kFirstStayFirst};
  call.lottery_seed = 1000 + dice.Below(1000000);  // drawn by the first run otherwise
  return call;
}

// One offer per usable quota: up to three places in the winter semester.
std::vector<Offer> CarveOffers(store::Connection& c, const Call& call) {
  std::vector<Offer> offers;
  for (const auto& quota : UsableQuotas(c, call)) {
    Offer offer;
    offer.call_id = call.id;
    offer.quota_id = quota.quota_id;
    offer.term = OfferTerm::kWinter;
    offer.places = std::min<int64_t>(quota.places_per_year, 3);
    offer.months_per_place = std::clamp(quota.months_per_place.value_or(5.0), 1.0, 6.0);
    offer.requires_first_state_exam =
        quota.category == "clinical_elective" || quota.category == "final_year_tertial";
    try {
      DeriveOffer(c, offer);
      CheckOffer(c, offer);
    } catch (const ApiError&) {
      continue;
    }
    OfferTable().Insert(c, offer);
    offers.push_back(std::move(offer));
  }
  return offers;
}

ApplicationStatus DrawHistoryStatus(Dice& dice) {
  const int draw = dice.Below(100);
  if (draw < 82) {
    return ApplicationStatus::kChecked;
  }
  if (draw < 90) {
    return ApplicationStatus::kIncomplete;
  }
  return draw < 96 ? ApplicationStatus::kWithdrawn : ApplicationStatus::kDraft;
}

struct Applied {
  int64_t id = 0;
  std::vector<int64_t> preferences;
};

// The offer of Stefan's one wish and the student who outranks him there: the first offer open to
// him at which another checked applicant has a higher priority (the offer's own ranking as the run
// builds it).
std::pair<int64_t, int64_t> WishAndRival(store::Connection& c, const Call& call, int64_t stefans) {
  const auto built =
      BuildCallInput(c, call, RoundBasis{}, static_cast<uint64_t>(*call.lottery_seed));
  const std::string stefan = "a" + std::to_string(stefans);
  for (size_t i = 0; i < built.input.offers.size(); ++i) {
    const auto& priority = *built.input.offers[i].priority;
    const auto own = std::find_if(priority.begin(), priority.end(),
                                  [&](const auto& entry) { return entry.first == stefan; });
    if (own == priority.end()) {
      continue;
    }
    const auto best =
        std::max_element(priority.begin(), priority.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second > own->second) {
      return {built.offer_ids[i], std::stoll(best->first.substr(1))};
    }
  }
  return {0, 0};
}

std::chrono::sys_days DaysOf(Date date) {
  return std::chrono::sys_days(std::chrono::year(date.year) / date.month / date.day);
}

Date DateOf(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd(days);
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

audit::Actor DemoActor(store::Database& database, auth::Role role) {
  const auto& accounts = auth::DemoAccounts();
  const auto account =
      std::find_if(accounts.begin(), accounts.end(), [&](const auto& a) { return a.role == role; });
  const auto user = database.Read(
      [&](store::Connection& c) { return auth::repository::FindUserByEmail(c, account->email); });
  return audit::Actor{user ? std::optional<int64_t>(user->id) : std::nullopt, "demo", "demo"};
}

// Answers the run's offered places: of every hundred, `accepted` accepted and `declined` declined;
// the rest are left unanswered. `declines` (and `open`) are answered so (and left) whatever the
// dice say.
int64_t Answer(store::Database& database, int64_t run_id, Dice& dice, int accepted, int declined,
               int64_t declines, int64_t open, const std::string& at) {
  return database.Write([&](store::Connection& c) {
    int64_t placed = 0;
    for (const auto& result : runs::AllResults(c, run_id)) {
      if (!result.offer_id) {
        continue;
      }
      ++placed;
      const int draw = dice.Below(100);
      if (result.application_id == open) {
        continue;
      }
      if (result.application_id == declines || (draw >= accepted && draw < accepted + declined)) {
        runs::SetResponse(c, result.id, PlaceResponse::kDeclined, at);
      } else if (draw < accepted) {
        runs::SetResponse(c, result.id, PlaceResponse::kAccepted, at);
      }
    }
    return placed;
  });
}

}  // namespace

DemoAllocationHistory BuildAllocationHistoryCall(store::Connection& c,
                                                 const organisation::DemoOrganisation& organisation,
                                                 unsigned seed, Date today) {
  DemoAllocationHistory history;
  const auto unit = organisation.units.find("MED");
  if (unit == organisation.units.end()) {
    return history;
  }
  Dice dice(seed + 30);
  const int year = AcademicYear::Containing(today).first_calendar_year();
  Call call = HistoryCall(year, unit->second, dice);
  CheckCall(c, call);
  CallTable().Insert(c, call);
  history.call_id = call.id;
  const auto offers = CarveOffers(c, call);
  const auto weights = WeightsOf(call);

  std::map<int64_t, Applied> applied;  // by student id
  int64_t stefans = 0;
  for (const auto& student : StudentTable().All(c, store::Filter(), "id")) {
    if (!student.user_id && dice.Below(2) == 0) {  // about half the students applied last time
      continue;
    }
    const auto facts = StudentFactsOf(c, student);
    std::vector<int64_t> open;
    for (const auto& offer : offers) {
      if (IneligibilityReasons(facts, RequirementsOf(offer, StayPeriodOf(year, offer.term)))
              .empty()) {
        open.push_back(offer.id);
      }
    }
    if (open.empty()) {
      continue;
    }
    for (size_t i = open.size(); i > 1; --i) {
      std::swap(open[i - 1], open[static_cast<size_t>(dice.Below(static_cast<int>(i)))]);
    }
    open.resize(std::min<size_t>(open.size(), 1 + static_cast<size_t>(dice.Below(3))));
    Application application;
    application.call_id = call.id;
    application.student_id = student.id;
    application.status = student.user_id ? ApplicationStatus::kChecked : DrawHistoryStatus(dice);
    if (application.status != ApplicationStatus::kDraft) {
      application.submitted_at =
          std::to_string(year) + "-02-" + std::to_string(10 + dice.Below(17)) + "T10:00:00Z";
    }
    if (application.status == ApplicationStatus::kChecked) {
      application.committee_points = dice.Below(static_cast<int>(call.committee_points_max) + 1);
    }
    if (application.status == ApplicationStatus::kIncomplete) {
      application.completeness_note = "No language certificate";
    }
    application.score =
        CommonScore(weights, ApplicantOf(student, facts, application.committee_points)).total;
    const int64_t id = applications::Insert(c, application);
    applications::ReplacePreferences(c, id, open);
    applied[student.id] = {id, open};
    stefans = student.user_id ? id : stefans;
    ++history.applications;
  }
  if (stefans == 0) {
    return history;
  }
  // Stefan's one wish is an offer of one place that only he and his rival rank.
  const auto [wish, rival] = WishAndRival(c, call, stefans);
  if (wish == 0) {
    return history;
  }
  for (auto& [student, application] : applied) {
    const bool theirs = application.id == stefans || application.id == rival;
    auto& prefs = application.preferences;
    const auto found = std::find(prefs.begin(), prefs.end(), wish);
    if (theirs) {
      prefs = {wish};
    } else if (found != prefs.end()) {
      prefs.erase(found);
    } else {
      continue;
    }
    applications::ReplacePreferences(c, application.id, prefs);
  }
  history.stefans_application = stefans;
  history.rival_application = rival;
  auto offer = *OfferTable().Find(c, wish);
  offer.places = 1;
  offer.extra_places = 0;
  OfferTable().Update(c, offer, offer.version);
  return history;
}

void RunAllocationHistory(store::Database& database, DemoAllocationHistory& history, unsigned seed,
                          Date today) {
  if (history.call_id == 0) {
    return;
  }
  const auto call =
      *database.Read([&](store::Connection& c) { return FindCall(c, history.call_id); });
  const auto office = DemoActor(database, auth::Role::kInternationalOffice);
  const auto committee = DemoActor(database, auth::Role::kManagement);
  AllocationRunsService runs(database);
  const auto step = [&](Date day) {
    auto run = runs.Start(office, call.id, day);
    run = runs.SignOff(committee, run.id, run.version);
    ++history.runs;
    return runs.Publish(office, run.id, run.version, day);
  };
  // Stefan's rival declines the wish in round 1; Stefan leaves it open in round 2.
  Dice dice(seed + 31);
  const std::string y = std::to_string(call.academic_year);
  const auto first = step(Date{call.academic_year, 3, 16});
  history.placed += Answer(database, first.id, dice, 60, 20, history.rival_application, 0,
                           y + "-03-20T09:00:00Z");
  const Date second_day = DateOf(DaysOf(today) - std::chrono::days(3));
  const auto second = step(second_day);
  history.placed += Answer(database, second.id, dice, 40, 20, 0, history.stefans_application,
                           second_day.ToString() + "T15:00:00Z");
}

}  // namespace weltcampus::exchange
