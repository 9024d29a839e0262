#include "exchange/allocation_runs_service.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <random>
#include <set>

#include "audit/record_changes.h"
#include "core/error.h"
#include "exchange/allocation_json.h"
#include "exchange/application_scope.h"
#include "exchange/applications.h"
#include "exchange/funding_runs.h"
#include "exchange/place_hooks.h"
#include "exchange/students.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

namespace {

std::mutex running_mutex;
std::set<int64_t> running_calls;

// PostgreSQL's advisory lock of a call's runs ("Allo" and the call's id), so that two servers of
// one database run a call's allocation one after the other.
int64_t RunLockKey(int64_t call_id) { return (int64_t{0x416C6C6F} << 32) | (call_id & 0xFFFFFFFF); }

// Below the score's last decimal lie the tie rules' keys (AllocationValue): shown are hundredths.
double Hundredths(double value) { return std::floor(value * 100.0 + 1e-6) / 100.0; }

std::chrono::sys_days Days(const std::string& iso) {
  const auto date = Date::Parse(iso).value_or(Date{});
  return std::chrono::sys_days(std::chrono::year(date.year) / date.month / date.day);
}

std::string IsoOf(std::chrono::sys_days days) {
  const std::chrono::year_month_day ymd(days);
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))}
      .ToString();
}

// The last day to answer a place published today: the call's accept_by, or as many days after
// today as the call gives between publication and accept_by, whichever is later.
std::string AcceptByOf(const Call& call, Date today) {
  const auto period = Days(call.accept_by) - Days(call.publication_on);
  const std::string later = IsoOf(Days(today.ToString()) + period);
  return std::max(call.accept_by, later);
}

// Shown: a place not answered by the run's accept_by is lapsed.
void ShowLapsed(RunResult& result, const std::optional<std::string>& accept_by, Date today) {
  if (Offered(result) && !result.response && accept_by && today.ToString() > *accept_by) {
    result.response = PlaceResponse::kLapsed;
  }
}

Call CallOfRuns(store::Connection& c, int64_t id) { return store::Found(FindCall(c, id), "Call"); }

void CheckMayRun(store::Connection& c, const Call& call, Date today) {
  if (today.ToString() <= call.applications_close) {
    throw ValidationError("applications_close", "The application period of this call ends on " +
                                                    call.applications_close +
                                                    "; places are allocated after it");
  }
  const int64_t waiting = runs::CountApplications(
      c, call.id, kApplicationStatusTable.Name(ApplicationStatus::kSubmitted));
  if (waiting > 0) {
    throw ValidationError(
        "applications",
        std::to_string(waiting) + " submitted application(s) of this call are not yet checked");
  }
}

// The round a new run is of and what earlier published rounds leave for it.
RoundBasis BasisOf(store::Connection& c, const Call& call, Date today) {
  RoundBasis basis;
  const auto published = runs::PublishedOfCall(c, call.id);
  if (published.empty()) {
    return basis;
  }
  int64_t last = 0;
  std::optional<std::string> last_accept_by;
  for (const auto& place : published) {
    if (place.round >= last) {
      last = place.round;
      last_accept_by = place.accept_by;
    }
  }
  basis.round = last + 1;
  const std::string day = today.ToString();
  if (last_accept_by && day <= *last_accept_by) {
    throw ValidationError("accept_by", "Round " + std::to_string(basis.round) +
                                           " can start after " + *last_accept_by +
                                           ", the last day to accept the places of round " +
                                           std::to_string(last));
  }
  std::set<int64_t> placed;
  std::set<int64_t> seen;
  for (const auto& place : published) {
    seen.insert(place.application_id);
    if (!place.offer_id && place.days_granted <= 0) {
      continue;
    }
    if (place.response == PlaceResponse::kReleased) {
      if (place.offer_id) {
        basis.refused[place.application_id].insert(*place.offer_id);
      }
      continue;
    }
    placed.insert(place.application_id);
    const bool still_offered = !place.response && place.accept_by && day <= *place.accept_by;
    if (place.response == PlaceResponse::kAccepted || still_offered) {
      if (place.offer_id) {
        ++basis.taken[*place.offer_id];
      }
      basis.taken_days += place.days_granted;
    }
  }
  basis.applications.emplace();
  for (const int64_t id : seen) {
    if (!placed.contains(id)) {
      basis.applications->insert(id);
    }
  }
  return basis;
}

// The call's seed: drawn by its first run and kept on the call.
uint64_t SeedOf(store::Connection& c, const Call& call) {
  if (call.lottery_seed) {
    return static_cast<uint64_t>(*call.lottery_seed);
  }
  std::random_device device;
  const uint64_t seed = (static_cast<uint64_t>(device()) << 32) | device();
  c.Exec("UPDATE calls SET lottery_seed = :seed WHERE id = :id",
         store::Params().Set("seed", static_cast<int64_t>(seed)).Set("id", call.id));
  return seed;
}

std::vector<RunResult> ResultsOf(const CallInput& built, const CallInstance& solved,
                                 const Allocation& allocation,
                                 const std::vector<Explanation>& explanations,
                                 const std::map<int64_t, Offer>& offers) {
  std::vector<RunResult> results;
  for (size_t i = 0; i < solved.application_ids.size(); ++i) {
    RunResult result;
    result.application_id = solved.application_ids[i];
    result.score = built.scores[i];
    const auto& prefs = built.input.applicants[i].prefs;
    const auto rank_of = [&](uint32_t offer) {
      const std::string key = built.input.offers[offer].id;
      return static_cast<int64_t>(std::find(prefs.begin(), prefs.end(), key) - prefs.begin()) + 1;
    };
    if (allocation.assignment[i] >= 0) {
      result.offer_id = solved.offer_ids[allocation.assignment[i]];
      result.preference_rank = rank_of(allocation.assignment[i]);
    }
    nlohmann::json why = nlohmann::json::array();
    for (const auto& higher : explanations[i].higher) {
      const auto& offer = offers.at(solved.offer_ids[higher.offer]);
      const bool eligible = higher.reason != PreferenceExplanation::Reason::kNotEligible;
      why.push_back(
          {{"rank", rank_of(higher.offer)},
           {"offer_id", offer.id},
           {"partner_name", offer.partner_name},
           {"term", kOfferTermTable.Name(offer.term)},
           {"reason", ReasonName(higher.reason)},
           {"cutoff", eligible && higher.cutoff ? nlohmann::json(Hundredths(*higher.cutoff))
                                                : nlohmann::json()},
           {"own", Hundredths(higher.own)},
           {"lost_on_lottery", higher.lost_on_lottery}});
    }
    result.explanation = why.dump();
    results.push_back(std::move(result));
  }
  return results;
}

AllocationRun RunFound(store::Connection& c, int64_t id) {
  return store::Found(runs::Find(c, id), "Allocation run");
}

AllocationRun RunForChange(store::Connection& c, int64_t id, int64_t expected_version,
                           RunStatus required, const std::string& step) {
  auto run = audit::LoadForChangeNamed(c, "allocation_run", id, runs::Find(c, id), expected_version,
                                       "Allocation run");
  if (run.status != required) {
    throw ValidationError("status", "This run is " + std::string(kRunStatusTable.Name(run.status)) +
                                        "; only a " + std::string(kRunStatusTable.Name(required)) +
                                        " run can be " + step);
  }
  return run;
}

// Stores a computed run of the round, superseding the round's runs that are not published.
AllocationRun Stored(store::Connection& c, const audit::Actor& actor, AllocationRun run,
                     const std::string& input, const std::vector<RunResult>& results) {
  run.created_by = actor.user_id;
  run.created_at = NowUtcTimestamp();
  const auto superseded = runs::Supersede(c, run.call_id, run.round);
  runs::Insert(c, run, input, results);
  auto created = RunFound(c, run.id);
  auto after = ToJson(created);
  after["superseded"] = superseded;
  audit::RecordChange(c, actor, "allocation_run", run.id, nullptr, after);
  return created;
}

AllocationRun Changed(store::Connection& c, const audit::Actor& actor, const AllocationRun& before,
                      const AllocationRun& after) {
  runs::Update(c, after);
  auto read = RunFound(c, before.id);
  audit::RecordChange(c, actor, "allocation_run", before.id, ToJson(before), ToJson(read));
  return read;
}

}  // namespace

RunningCall::RunningCall(int64_t call_id) : call_id_(call_id) {
  const std::lock_guard lock(running_mutex);
  if (!running_calls.insert(call_id).second) {
    throw ApiError(ErrorCode::kConflict,
                   "An allocation run of this call is being computed; try again when it is done");
  }
}

RunningCall::~RunningCall() {
  const std::lock_guard lock(running_mutex);
  running_calls.erase(call_id_);
}

AllocationRun AllocationRunsService::Start(const audit::Actor& actor, int64_t call_id, Date today) {
  const RunningCall running(call_id);
  return database_.Write([&](store::Connection& c) {
    store::LockForThisTransaction(c, RunLockKey(call_id));
    const auto call = CallOfRuns(c, call_id);
    CheckMayRun(c, call, today);
    const auto basis = BasisOf(c, call, today);
    const uint64_t seed = SeedOf(c, call);
    if (call.kind == CallKind::kFunding) {
      auto funded = ComputeFundingRun(c, call, basis, seed);
      return Stored(c, actor, std::move(funded.run), funded.input, funded.results);
    }
    const auto built = BuildCallInput(c, call, basis, seed);
    if (built.application_ids.empty()) {
      throw ValidationError("applications",
                            basis.round == 1
                                ? "This call has no checked applications to allocate"
                                : "No applicant of earlier rounds is left without a place");
    }
    if (built.offer_ids.empty()) {
      throw ValidationError("offers", "This call has no offers to allocate");
    }
    // Solved from the input as stored, so that the run is what its input gives.
    const std::string input = AllocationInputJson(built.input);
    const auto solved = CallInstanceOf(ReadAllocationInput(nlohmann::json::parse(input)));
    const auto allocation = Allocate(solved.instance);
    const auto explanations = ExplainAllocation(solved.instance, allocation);
    std::map<int64_t, Offer> offers;
    for (auto& offer : OffersOfCall(c, call.id)) {
      offers.emplace(offer.id, std::move(offer));
    }
    const auto results = ResultsOf(built, solved, allocation, explanations, offers);

    AllocationRun run;
    run.call_id = call.id;
    run.round = basis.round;
    run.seed = seed;
    run.applicants = static_cast<int64_t>(results.size());
    for (const auto& result : results) {
      run.placed += result.offer_id ? 1 : 0;
    }
    run.offers = static_cast<int64_t>(built.offer_ids.size());
    for (const auto& offer : solved.instance.offers) {
      run.places += offer.capacity;
    }
    return Stored(c, actor, std::move(run), input, results);
  });
}

std::vector<AllocationRun> AllocationRunsService::OfCall(int64_t call_id) {
  return database_.Read([&](store::Connection& c) {
    CallOfRuns(c, call_id);
    return runs::OfCall(c, call_id);
  });
}

AllocationRun AllocationRunsService::Get(int64_t id) {
  return database_.Read([&](store::Connection& c) { return RunFound(c, id); });
}

store::Page<RunResult> AllocationRunsService::Results(const auth::Principal& person,
                                                      runs::ResultFilter filter,
                                                      const PageRequest& page, Date today) {
  return database_.Read([&](store::Connection& c) {
    const auto run = RunFound(c, filter.run_id);
    // The committee's management sees every result; a coordinator those of their scope.
    if (!person.HasRole(auth::Role::kManagement)) {
      filter.programmes = ScopeOf(c, person);
    }
    auto list = runs::Results(c, filter, page);
    for (auto& result : list.items) {
      ShowLapsed(result, run.accept_by, today);
    }
    return list;
  });
}

std::string AllocationRunsService::Input(int64_t id) {
  return database_.Read([&](store::Connection& c) { return runs::Input(c, id); });
}

bool AllocationRunsService::Repeat(int64_t id) {
  return database_.Read([&](store::Connection& c) {
    if (CallOfRuns(c, RunFound(c, id).call_id).kind == CallKind::kFunding) {
      return RepeatFundingRun(c, id);
    }
    const auto instance = RunInstance(c, id);
    const auto allocation = Allocate(instance.instance);
    std::map<int64_t, std::optional<int64_t>> stored;
    for (const auto& result : runs::AllResults(c, id)) {
      stored[result.application_id] = result.offer_id;
    }
    if (stored.size() != instance.application_ids.size()) {
      return false;
    }
    for (size_t i = 0; i < instance.application_ids.size(); ++i) {
      const auto it = stored.find(instance.application_ids[i]);
      const std::optional<int64_t> offer =
          allocation.assignment[i] >= 0
              ? std::optional<int64_t>(instance.offer_ids[allocation.assignment[i]])
              : std::nullopt;
      if (it == stored.end() || it->second != offer) {
        return false;
      }
    }
    return true;
  });
}

AllocationRun AllocationRunsService::SignOff(const audit::Actor& actor, int64_t id,
                                             int64_t expected_version) {
  return database_.Write([&](store::Connection& c) {
    const auto before = RunForChange(c, id, expected_version, RunStatus::kComputed, "signed off");
    // Four eyes: an administrator holds both permissions, so the rule is about the person.
    if (before.created_by && before.created_by == actor.user_id) {
      throw ApiError(ErrorCode::kForbidden,
                     "You started this run; another member of the committee signs it off")
          .WithDetail("reason", "four_eyes");
    }
    auto after = before;
    after.status = RunStatus::kSignedOff;
    after.signed_off_by = actor.user_id;
    after.signed_off_at = NowUtcTimestamp();
    return Changed(c, actor, before, after);
  });
}

AllocationRun AllocationRunsService::Publish(const audit::Actor& actor, int64_t id,
                                             int64_t expected_version, Date today) {
  return database_.Write([&](store::Connection& c) {
    const auto before = RunForChange(c, id, expected_version, RunStatus::kSignedOff, "published");
    const auto call = CallOfRuns(c, before.call_id);
    auto after = before;
    after.status = RunStatus::kPublished;
    after.published_at = NowUtcTimestamp();
    after.accept_by = AcceptByOf(call, today);
    return Changed(c, actor, before, after);
  });
}

std::optional<MyResult> MyResultOf(store::Connection& c, int64_t application_id, Date today) {
  auto result = runs::PublishedResultOf(c, application_id);
  if (!result) {
    return std::nullopt;
  }
  MyResult mine;
  mine.run = RunFound(c, result->run_id);
  mine.result = std::move(*result);
  mine.can_respond = Offered(mine.result) && !mine.result.response && mine.run.accept_by &&
                     today.ToString() <= *mine.run.accept_by;
  ShowLapsed(mine.result, mine.run.accept_by, today);
  return mine;
}

void ReleaseAcceptedPlace(store::Connection& c, const audit::Actor& actor, int64_t application_id) {
  const auto result = runs::PublishedResultOf(c, application_id);
  if (!result || result->response != PlaceResponse::kAccepted) {
    return;
  }
  runs::SetResponse(c, result->id, PlaceResponse::kReleased, NowUtcTimestamp());
  nlohmann::json before = {{"run_id", result->run_id},
                           {"response", kPlaceResponseTable.Name(PlaceResponse::kAccepted)}};
  if (result->offer_id) {
    before["offer_id"] = *result->offer_id;
  } else {
    before["days_granted"] = result->days_granted.value_or(0);
  }
  auto after = before;
  after["response"] = kPlaceResponseTable.Name(PlaceResponse::kReleased);
  audit::RecordChange(c, actor, "application", application_id, before, after);
}

void AllocationRunsService::Respond(const audit::Actor& actor, int64_t call_id, Date today,
                                    PlaceResponse response) {
  database_.Write([&](store::Connection& c) {
    const auto student =
        actor.user_id ? FindStudentOfUser(c, *actor.user_id) : std::optional<Student>();
    if (!student) {
      throw NotFoundError("Student record");
    }
    const auto call = CallOfRuns(c, call_id);
    const auto application = applications::FindOfStudent(c, call_id, student->id);
    if (!application) {
      throw NotFoundError("Application");
    }
    const auto mine = MyResultOf(c, application->id, today);
    if (!mine || !Offered(mine->result)) {
      throw ValidationError("offer", "You have not been offered a place in this call");
    }
    if (mine->result.response == PlaceResponse::kLapsed) {
      throw ValidationError(
          "accept_by", "The last day to answer this place was " + mine->run.accept_by.value_or(""));
    }
    if (mine->result.response) {
      throw ValidationError("response",
                            "You have already " +
                                std::string(kPlaceResponseTable.Name(*mine->result.response)) +
                                " this place");
    }
    runs::SetResponse(c, mine->result.id, response, NowUtcTimestamp());
    nlohmann::json before = {{"run_id", mine->run.id}, {"response", nullptr}};
    if (mine->result.offer_id) {
      before["offer_id"] = *mine->result.offer_id;
    } else {
      before["days_granted"] = mine->result.days_granted.value_or(0);
    }
    auto after = before;
    after["response"] = kPlaceResponseTable.Name(response);
    audit::RecordChange(c, actor, "application", application->id, before, after);
    if (response == PlaceResponse::kAccepted) {
      AcceptedPlace place;
      place.application_id = application->id;
      place.student_id = student->id;
      place.call = &call;
      if (mine->result.offer_id) {
        place.offer = FindOffer(c, *mine->result.offer_id);
      } else {
        place.stay = application->stay;
        place.days_granted = mine->result.days_granted.value_or(0);
      }
      RunPlaceAccepted(c, actor, place);
    }
  });
}

}  // namespace weltcampus::exchange
