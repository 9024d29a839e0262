#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/date.h"
#include "core/record_schema.h"
#include "exchange/allocation_runs.h"
#include "store/database.h"

// The rules of allocation runs (issue 10, item 5; docs/allocation.md "Runs"):
// - a run takes the call's checked applications, only after its application deadline, never while
//   an application waits to be checked, and only with checked applications and offers (422);
// - one run at a time per call (409 while one computes); a new run of a round supersedes the
//   round's runs that are not published; the call's lottery seed is drawn by its first run and
//   reused by every later one;
// - round 1 until a round-1 run is published; then each run is of the next round, only after the
//   last published round's accept_by, on the places not accepted or still offered and the
//   applicants of earlier rounds who never had a place;
// - sign-off (computed → signed_off, the committee) and publication (signed_off → published, the
//   office) at the version read (412), each one transaction with one audit entry; the account
//   that started a run never signs it off (403, reason "four_eyes");
// - a student accepts or declines an offered place of the newest published run that includes
//   their application, until the run's accept_by (422 after, and on a second answer); a place
//   not answered by then is lapsed.
// `today` comes from the caller.
namespace weltcampus::exchange {

// The published result of a student's application, for their screen (MyApplication.result).
struct MyResult {
  AllocationRun run;
  RunResult result;  // response as shown: lapsed when not answered by accept_by
  bool can_respond = false;
};
std::optional<MyResult> MyResultOf(store::Connection& c, int64_t application_id, Date today);

nlohmann::json ToJson(const AllocationRun& run);
nlohmann::json ToJson(const RunResult& result);
nlohmann::json ToJson(const MyResult& mine);
NamedSchema AllocationRunSchema();
NamedSchema AllocationResultSchema();
nlohmann::json MyResultSchema();
nlohmann::json AllocationRunEnumerations();

// Holds the call's run in this process: a second one while it is held is refused (409).
class RunningCall {
 public:
  explicit RunningCall(int64_t call_id);
  ~RunningCall();
  RunningCall(const RunningCall&) = delete;
  RunningCall& operator=(const RunningCall&) = delete;

 private:
  int64_t call_id_;
};

// In the caller's transaction: the application's accepted place of its newest published run is
// released (the partner did not accept the nomination; mobility/ calls it): the place is free for
// the next round and the student takes part in it without that offer. Nothing when the
// application holds no accepted place.
void ReleaseAcceptedPlace(store::Connection& c, const audit::Actor& actor, int64_t application_id);

class AllocationRunsService {
 public:
  explicit AllocationRunsService(store::Database& database) : database_(database) {}

  AllocationRun Start(const audit::Actor& actor, int64_t call_id, Date today);
  std::vector<AllocationRun> OfCall(int64_t call_id);
  AllocationRun Get(int64_t id);
  // A coordinator's results only of students within their scope; lapsed places as of `today`.
  store::Page<RunResult> Results(const auth::Principal& person, runs::ResultFilter filter,
                                 const PageRequest& page, Date today);
  std::string Input(int64_t id);
  // Recomputed from the stored input: whether every applicant gets the stored place.
  bool Repeat(int64_t id);
  AllocationRun SignOff(const audit::Actor& actor, int64_t id, int64_t expected_version);
  AllocationRun Publish(const audit::Actor& actor, int64_t id, int64_t expected_version,
                        Date today);
  // The student (by account) answers their offered place in the call.
  void Respond(const audit::Actor& actor, int64_t call_id, Date today, PlaceResponse response);

 private:
  store::Database& database_;
};

}  // namespace weltcampus::exchange
