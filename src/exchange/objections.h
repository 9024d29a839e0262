#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/date.h"
#include "core/enum_table.h"
#include "core/record_schema.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/application_scope.h"
#include "exchange/calls.h"
#include "store/database.h"
#include "store/list_query.h"
#include "store/sql.h"

// Objections to a published allocation result (issue 10, item 4; docs/allocation.md
// "Objections"). The student whose application is in the newest published run that includes it
// objects in their own words from the run's publication date until the call's objection_days
// after it (that day included; 422 naming `objection_until` after it), one open objection per
// application and run (409 for a second). The committee answers once: upheld or rejected with a
// text, at the version read (412), never twice (409). An upheld objection is recorded only: the
// office rescores and runs a new round with the existing tools. A coordinator reads and answers
// the objections of students within their scope only (another's is 404), as the results.
namespace weltcampus::exchange {

enum class ObjectionStatus { kOpen, kAnswered };
inline constexpr EnumTable<ObjectionStatus, 2> kObjectionStatusTable(
    "objection_status",
    {{{ObjectionStatus::kOpen, "open"}, {ObjectionStatus::kAnswered, "answered"}}});

enum class ObjectionDecision { kUpheld, kRejected };
inline constexpr EnumTable<ObjectionDecision, 2> kObjectionDecisionTable(
    "objection_decision",
    {{{ObjectionDecision::kUpheld, "upheld"}, {ObjectionDecision::kRejected, "rejected"}}});

inline constexpr std::size_t kMaxObjectionText = 4000;
inline constexpr std::size_t kMaxObjectionAnswer = 4000;

struct Objection {
  int64_t id = 0;
  int64_t run_id = 0;
  int64_t application_id = 0;
  std::string text;
  std::string created_at;
  ObjectionStatus status = ObjectionStatus::kOpen;
  std::optional<ObjectionDecision> decision;
  std::optional<std::string> answer;
  std::optional<int64_t> answered_by;
  std::optional<std::string> answered_by_name;  // read with the page, never stored
  std::optional<std::string> answered_at;
  int64_t version = 1;
  // Read with it, for the committee's list: the student, their programme (a coordinator's scope),
  // the run's round and the student's result in it.
  std::string matriculation_number;
  std::string family_name;
  std::string given_name;
  int64_t programme_id = 0;
  std::optional<int64_t> student_user_id;  // the audit entries are about this account
  int64_t call_id = 0;
  int64_t round = 1;
  double score = 0;
  std::optional<std::string> partner_name;  // the place received, if any
  std::optional<int64_t> preference_rank;
};

// ---- The period (pure) --------------------------------------------------------------------------

// The last day to object to a result published at `published_at` (a stored timestamp or a date):
// its date plus `objection_days` (0: the day of publication only).
Date ObjectionUntil(const std::string& published_at, int64_t objection_days);
// Whether `today` lies in the period: from the publication date to `until`, both included.
bool InObjectionPeriod(const std::string& published_at, Date until, Date today);

// ---- JSON ---------------------------------------------------------------------------------------

nlohmann::json ToJson(const Objection& objection);
NamedSchema ObjectionSchema();
// What the student sees of their objections to the result shown (MyApplication's "objections").
struct MyObjections {
  std::string until;  // ISO date
  bool can_object = false;
  std::vector<Objection> items;  // newest first
};
nlohmann::json ToJson(const MyObjections& mine);
nlohmann::json MyObjectionsSchema();
nlohmann::json ObjectionEnumerations();

// ---- Repository (the caller's transaction) -----------------------------------------------------

namespace objections {

std::optional<Objection> Find(store::Connection& c, int64_t id);
// The application's objections to the run, newest first.
std::vector<Objection> OfApplication(store::Connection& c, int64_t application_id, int64_t run_id);
int64_t Insert(store::Connection& c, const Objection& objection);
// Writes status, decision, answer and who answered when, at the version read (412 otherwise).
void Answer(store::Connection& c, const Objection& objection);

struct ListFilter {
  int64_t run_id = 0;
  std::optional<ObjectionStatus> status;
  ProgrammeScope programmes;  // a coordinator's scope
};
const store::SortTable& Sorts();
store::Page<Objection> List(store::Connection& c, const ListFilter& filter,
                            const PageRequest& page);
// Every objection of the student's applications (the data export), and their removal (erasure).
std::vector<Objection> OfStudent(store::Connection& c, int64_t student_id);
int64_t DeleteOfStudent(store::Connection& c, int64_t student_id);

}  // namespace objections

// The student's objections to the result their screen shows (`mine`: MyResultOf), the last day
// to object and whether they may object today.
MyObjections MyObjectionsOf(store::Connection& c, const Call& call, const MyResult& mine,
                            Date today);

// ---- The rules --------------------------------------------------------------------------------

class ObjectionsService {
 public:
  explicit ObjectionsService(store::Database& database) : database_(database) {}

  // The student (by account) objects to their published result in the call.
  void Object(const audit::Actor& actor, int64_t call_id, Date today, const std::string& text);
  // A run's objections (a coordinator's: of students within their scope), with who answered.
  store::Page<Objection> List(const auth::Principal& person, objections::ListFilter filter,
                              const PageRequest& page);
  Objection Answer(const audit::Actor& actor, const auth::Principal& person, int64_t id,
                   int64_t expected_version, ObjectionDecision decision, const std::string& answer);

 private:
  store::Database& database_;
};

// The personal-data part "allocation_objections" (auth/personal_data.h); registered before the
// student record's, whose erasure unlinks the account.
void RegisterObjectionPersonalData();

}  // namespace weltcampus::exchange
