#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/enum_table.h"
#include "exchange/allocation.h"
#include "exchange/calls.h"
#include "store/list_query.h"
#include "store/sql.h"

// Stored allocation runs of a call (issue 10, item 5; docs/allocation.md "Runs"): the instance a
// call's round is allocated on, built from its checked applications (allocation_runs.cpp), kept as
// it ran in the `allocation solve` JSON format (offers "o<offer id>", applicants "a<application
// id>"), with one result per applicant. The rules (rounds, sign-off, publication, the students'
// answers) are in allocation_runs_service.h; this is the repository and the instance.
namespace weltcampus::exchange {

enum class RunStatus { kComputed, kSignedOff, kPublished, kSuperseded };
inline constexpr EnumTable<RunStatus, 4> kRunStatusTable(
    "allocation_run_status", {{{RunStatus::kComputed, "computed"},
                               {RunStatus::kSignedOff, "signed_off"},
                               {RunStatus::kPublished, "published"},
                               {RunStatus::kSuperseded, "superseded"}}});

// A student's answer to an offered place; `lapsed` is never stored: a place not answered by the
// run's accept_by.
// Released: an accepted place given back because the partner did not accept the nomination
// (mobility/ rejects it): the place is free again and the student back in the next round, without
// that offer.
enum class PlaceResponse { kAccepted, kDeclined, kLapsed, kReleased };
inline constexpr EnumTable<PlaceResponse, 4> kPlaceResponseTable(
    "place_response", {{{PlaceResponse::kAccepted, "accepted"},
                        {PlaceResponse::kDeclined, "declined"},
                        {PlaceResponse::kLapsed, "lapsed"},
                        {PlaceResponse::kReleased, "released"}}});

struct AllocationRun {
  int64_t id = 0;
  int64_t call_id = 0;
  int64_t round = 1;
  RunStatus status = RunStatus::kComputed;
  uint64_t seed = 0;
  int64_t applicants = 0;
  int64_t placed = 0;
  int64_t offers = 0;
  int64_t places = 0;
  std::optional<int64_t> created_by;  // user ids, with their names for the answer
  std::string created_by_name;
  std::string created_at;
  std::optional<int64_t> signed_off_by;
  std::optional<std::string> signed_off_by_name;
  std::optional<std::string> signed_off_at;
  std::optional<std::string> published_at;
  std::optional<std::string> accept_by;  // set on publication
  // A funding call's run (exchange/funding_runs.h): the round's budget and what it granted, in
  // days (30/360); none for a call for places.
  std::optional<int64_t> budget_days;
  std::optional<int64_t> days_granted;
  int64_t version = 1;
};

struct RunResult {
  int64_t id = 0;
  int64_t run_id = 0;
  int64_t application_id = 0;
  std::optional<int64_t> offer_id;
  std::optional<int64_t> preference_rank;
  double score = 0;
  // A funding call's result: the days granted (0: not funded); none for a call for places.
  std::optional<int64_t> days_granted;
  // JSON text: an array of the preferences above the place; a funding result's ranking facts
  std::string explanation;
  std::optional<PlaceResponse> response;  // as stored: accepted or declined
  std::optional<std::string> responded_at;
  // Read with it: the student, the programme (a coordinator's scope), the offer's partner, term.
  std::string matriculation_number;
  std::string family_name;
  std::string given_name;
  int64_t programme_id = 0;
  std::string partner_name;
  std::optional<OfferTerm> term;
};

// Whether the result offers something to accept: a place, or funded days.
inline bool Offered(const RunResult& result) {
  return result.offer_id.has_value() || result.days_granted.value_or(0) > 0;
}

// ---- The instance ------------------------------------------------------------------------------

struct CallInstance {
  AllocationInstance instance;
  std::vector<int64_t> application_ids;  // per applicant index
  std::vector<int64_t> offer_ids;        // per offer index
};
// The instance of a stored run exactly as it ran (from its stored input); ApiError 404 when
// missing.
CallInstance RunInstance(store::Connection& c, int64_t run_id);
// The newest run of the call that is not superseded, if any.
std::optional<int64_t> LatestRunId(store::Connection& c, int64_t call_id);

// What earlier published rounds leave for a round: round 1 takes every checked application and
// every offer's places; a later round the places not accepted or still offered, and only the
// applicants of earlier rounds who never had a place or whose place was released (without the
// offer whose partner refused them).
struct RoundBasis {
  int64_t round = 1;
  std::map<int64_t, int64_t> taken;               // offer id → places taken
  int64_t taken_days = 0;                         // a funding call: days granted and kept
  std::optional<std::set<int64_t>> applications;  // later rounds: who may take part
  std::map<int64_t, std::set<int64_t>> refused;   // application id → offers released
};

// A call's instance by ids: offers in id order with their capacity (places + extra places, less
// what is taken) and their own ranking of the applicants eligible for them (AllocationValue of
// the offer's score); applicants (the call's checked applications, in id order) with their common
// score's AllocationValue and their preferences. No partner caps: offers are carved within their
// quotas. `scores` holds each applicant's common score as shown (2 decimals).
struct CallInput {
  AllocationInput input;
  std::vector<int64_t> application_ids;
  std::vector<int64_t> offer_ids;
  std::vector<double> scores;
};
CallInput BuildCallInput(store::Connection& c, const Call& call, const RoundBasis& basis,
                         uint64_t seed);

// The input as the `allocation solve` JSON text, and back to ids (ApiError 500 if damaged).
std::string AllocationInputJson(const AllocationInput& input);
CallInstance CallInstanceOf(const AllocationInput& input);

// ---- Repository (the caller's transaction) ----------------------------------------------------

namespace runs {

std::optional<AllocationRun> Find(store::Connection& c, int64_t id);
// The call's runs, newest first.
std::vector<AllocationRun> OfCall(store::Connection& c, int64_t call_id);
std::string Input(store::Connection& c, int64_t run_id);
// Inserts the run (its id set) and its results.
void Insert(store::Connection& c, AllocationRun& run, const std::string& input,
            const std::vector<RunResult>& results);
// Marks the round's runs that are not published as superseded; answers their ids.
std::vector<int64_t> Supersede(store::Connection& c, int64_t call_id, int64_t round);
// Writes status, sign-off, publication and accept_by at the version read (412 otherwise).
void Update(store::Connection& c, const AllocationRun& run);

struct ResultFilter {
  int64_t run_id = 0;
  std::optional<bool> placed;
  std::optional<int64_t> offer_id;
  std::optional<std::vector<int64_t>> programmes;  // a coordinator's scope
};
const store::SortTable& ResultSorts();
store::Page<RunResult> Results(store::Connection& c, const ResultFilter& filter,
                               const PageRequest& page);
std::vector<RunResult> AllResults(store::Connection& c, int64_t run_id);
// The result of the application in the newest published run that includes it.
std::optional<RunResult> PublishedResultOf(store::Connection& c, int64_t application_id);
void SetResponse(store::Connection& c, int64_t result_id, PlaceResponse response,
                 const std::string& at);

// Every result of the call's published runs, for the next round.
struct PublishedPlace {
  int64_t round = 1;
  std::optional<std::string> accept_by;
  int64_t application_id = 0;
  std::optional<int64_t> offer_id;
  int64_t days_granted = 0;               // a funding call's
  std::optional<PlaceResponse> response;  // as stored
};
std::vector<PublishedPlace> PublishedOfCall(store::Connection& c, int64_t call_id);
// How many of the call's applications have this status.
int64_t CountApplications(store::Connection& c, int64_t call_id, std::string_view status);

}  // namespace runs

}  // namespace weltcampus::exchange
