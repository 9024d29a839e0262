// Records with an owner, or with a row-level scope, answer only their own people (issue 4, IDOR;
// issue 13, "Tests that prove what the README says", item 2).
//
// One row of kOwnedRecordTypes (OwnedRecordTypes()) per record type with an owner or a row-level
// scope; a module that adds such a type adds a row. Each row makes two people of the SAME role, A
// and B, each with a record of their own, and then B
// - tries A's record by every route that takes its id: 404 `not_found`, the very answer an id
//   that does not exist gets (nothing tells that A's record exists), while the same route answers
//   B's own record (the refusal is the row's, not the permission layer's);
// - reads every view of their own (lists, exports, routes found by the account, ids smuggled into
//   the query): B's record is there, nothing of A's;
// - uses the routes without an id (found by the account): they reach B's own record only;
// and A's record, read back as A, is unchanged.
//
// Apart from that, the permission layer: a role without a route's permission gets 403 for A's id
// and for an id that does not exist alike (PermissionLayerRefusesEveryIdAlike).
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "allocation_fixture.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// An id no record has (the reference answer for every by-id route).
const std::string kIdorMissingId = "987654321";

// One of a row's two people and their own record.
struct Holder {
  Account account;
  long long record = -1;
  // A text this person's views show (a name, a file name) and the other's must never show.
  std::string marker;
  // Path parameters other than {id}: "{call}", "{run}".
  std::map<std::string, std::string> where;
};

// A request by id: `{id}` in the path is the record's id; POST, PUT and DELETE carry If-Match
// with the version of A's record as A read it (so that a missing row-level check would change
// A's record, not fail on a stale version).
struct ByIdRequest {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;
  Json body;  // for POST/PUT
  // The answer B gets for B's own record (0: not tried, e.g. a change).
  int own_status = 0;
};

// A route the permission layer refuses to every role but `allowed`, whatever the id.
struct PermissionRefusal {
  ByIdRequest request;
  std::set<std::string> allowed;
};

struct OwnedRecordType {
  std::string name;
  std::string role;  // of both people
  // Makes both people, each with their own record.
  std::function<void(Holder* a, Holder* b)> make;
  // The record as its holder reads it (to prove that nothing changed).
  std::function<void(const Holder& holder, Json* record)> read;
  // Every route that reaches a record of this type by id (row level: 404 for another's).
  std::vector<ByIdRequest> by_id;
  // Views of B's own (paths with {call}, {run}; ids smuggled in): B's marker, never A's.
  std::vector<std::string> views;
  // The routes without an id (found by the account) used by B: they reach B's record only.
  std::function<void(const Holder& a, const Holder& b)> own_routes;
  // By-id routes this role's permission does not include (403 to every role but `allowed`).
  std::vector<PermissionRefusal> refused;
};

std::string Expand(const std::string& pattern, const std::string& id, const Holder& holder) {
  std::string path = pattern;
  std::map<std::string, std::string> values = holder.where;
  values["{id}"] = id;
  for (const auto& [name, value] : values) {
    for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) {
      path.replace(at, name.size(), value);
    }
  }
  return path;
}

Response SendById(ApiClient& client, const ByIdRequest& request, const std::string& id,
                  const Holder& holder, long long version) {
  const std::string path = Expand(request.path, id, holder);
  if (request.method == "GET") {
    return client.Get(path);
  }
  if (request.method == "POST") {
    return client.Post(path, request.body, {{"If-Match", Quoted(version)}});
  }
  if (request.method == "PUT") {
    return client.Put(path, request.body, version);
  }
  return client.Delete(path, version);
}

long long VersionOr1(const Json& record) {
  return record.is_object() && record.contains("version") && record["version"].is_number_integer()
             ? record["version"].get<long long>()
             : 1;
}

// A PDF that names its owner.
std::string IdorPdf(const std::string& text) {
  return "%PDF-1.4\n1 0 obj\n<< /Title (" + text + ") >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n";
}

std::string IdorMine(const std::string& call) {
  return "/api/v1/calls/" + call + "/my-application";
}

// ---------------------------------------------------------------------------------------------
// The exchange's people and records, made once per run: two organisational units X and Y (side
// by side under the school), a programme in each, a student in each (an account with a student
// record), a coordinator of each unit, an open call in which both students have applied
// (preferences, a motivation letter, submitted), and a closed call whose allocation run is
// published with a place for each student, to which the student of X has objected.
struct ExchangeWorld {
  bool made = false;
  Account student_x, student_y, coordinator_x, coordinator_y;
  long long record_x = 0, record_y = 0;  // student records
  std::string family_x, family_y;
  std::string letter_x, letter_y;
  std::string open_call, closed_call;
  long long application_x = 0, application_y = 0;  // in the open call
  long long placed_x = 0, placed_y = 0;            // their applications in the closed call
  long long run = 0;
  std::string objection_text_x, objection_text_y;
  long long objection_x = 0;
};

void IdorUnit(long long parent, const std::string& label, long long* id) {
  const std::string letters = UniqueLetters(6);
  Json unit;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/org-units",
                                   {{"parent_id", parent},
                                    {"name", "IDOR unit " + label + " " + letters},
                                    {"name_de", "IDOR-Einheit " + label + " " + letters},
                                    {"kind", "institute"},
                                    {"code", "IDR" + letters}},
                                   &unit));
  *id = IdOf(unit);
}

void IdorProgramme(long long unit, long long* id) {
  Json programme;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/programmes",
                                   {{"code", "T-" + UniqueLetters(6)},
                                    {"name", Unique("IDOR programme")},
                                    {"name_de", Unique("IDOR-Studiengang")},
                                    {"org_unit_id", unit},
                                    {"isced_code", "0919"},
                                    {"eqf_level", 7}},
                                   &programme));
  *id = IdOf(programme);
}

// A student account with a student record in the programme; `family` is their unique name.
void IdorStudent(long long programme, Account* account, long long* record, std::string* family) {
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, account));
  *family = "Idor" + UniqueLetters(8);
  const Response created = Api().Post(
      "/api/v1/students", {{"matriculation_number", std::to_string(7300000 + account->id % 100000)},
                           {"family_name", *family},
                           {"given_name", "Ida"},
                           {"email", account->email},
                           {"programme_id", programme},
                           {"study_semester", 5},
                           {"grade_average", 1.7},
                           {"user_id", account->id}});
  ASSERT_TRUE(IsJson(created, 201)) << created;
  *record = IdOf(created.json);
}

// A call (in the database: a call whose application period lies in the past cannot be made
// through the API) with two offers of one place each, from the demo's first outgoing quota.
void IdorCall(long long unit, const std::string& closes, std::string* call,
              std::vector<std::string>* offers) {
  std::string quota_rows;
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "SELECT q.id, q.agreement_id, a.partnership_id FROM quotas q JOIN agreements a ON a.id = "
      "q.agreement_id WHERE q.direction = 'outgoing' ORDER BY q.id LIMIT 1",
      &quota_rows));
  const auto rows = Rows(quota_rows);
  ASSERT_FALSE(rows.empty()) << "the demo has no outgoing quota";
  const auto quota = Cells(rows.back());
  ASSERT_EQ(quota.size(), 3u) << quota_rows;
  ASSERT_NO_FATAL_FAILURE(
      SqlOne("INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
             "applications_close, selection_by, publication_on, accept_by, nomination_by, "
             "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
             "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (2027, " +
                 std::to_string(unit) + ", 'places', " + SqlText(Unique("IDOR call")) +
                 ", '2000-01-01', '" + closes +
                 "', '2999-12-20', '2999-12-30', '2999-12-31', '2999-12-31', 2, 7, 100, 0, 0, 10, "
                 "'', 1, " +
                 kNow + ", " + kNow + ") RETURNING id",
             call));
  for (const char* term : {"winter", "summer"}) {
    std::string offer;
    ASSERT_NO_FATAL_FAILURE(SqlOne(
        "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, partner_name, "
        "term, places, extra_places, months_per_place, eqf_levels, language, cefr_level, "
        "requires_first_state_exam, version, created_at, updated_at) VALUES (" +
            *call + ", " + quota[0] + ", " + quota[1] + ", " + quota[2] + ", 'Partner', '" + term +
            "', 1, 0, 5, '', NULL, NULL, 0, 1, " + kNow + ", " + kNow + ") RETURNING id",
        &offer));
    offers->push_back(offer);
  }
}

// The student ranks the offer, uploads the letter and submits; `id` is the application's.
void IdorApply(const Account& student, const std::string& call, const std::string& offer,
               const std::string& letter, long long* id) {
  ApiClient client(student.session);
  const Response saved =
      client.Put(IdorMine(call), {{"preferences", {std::stoll(offer)}}}, std::nullopt);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  const Response uploaded =
      client.PostRaw(IdorMine(call) + "/documents/motivation_letter", letter, "application/pdf");
  ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
  const Json& application = uploaded.json["application"];
  const Response submitted = client.PostRaw(IdorMine(call) + "/submit", "", "application/json",
                                            {{"If-Match", Quoted(VersionOf(application))}});
  ASSERT_TRUE(IsJson(submitted, 200)) << submitted;
  ASSERT_EQ(submitted.json["application"]["status"], "submitted") << submitted;
  *id = IdOf(submitted.json["application"]);
}

// The student's objection with this text in the closed call (made when there is none): its id.
void IdorObjection(const ExchangeWorld& world, const Account& student, const std::string& text,
                   long long* id) {
  *id = 0;
  ApiClient client(student.session);
  Response mine = client.Get(IdorMine(world.closed_call));
  ASSERT_TRUE(IsJson(mine, 200)) << mine;
  ASSERT_TRUE(mine.json["objections"].is_object()) << "no published result: " << mine;
  const auto find = [&] {
    for (const Json& item : mine.json["objections"]["items"]) {
      if (item["text"] == text) {
        *id = IdOf(item);
      }
    }
  };
  find();
  if (*id <= 0) {
    mine = client.Post(IdorMine(world.closed_call) + "/objection", {{"text", text}});
    ASSERT_TRUE(IsJson(mine, 200)) << mine;
    find();
  }
  ASSERT_GT(*id, 0) << mine;
}

void MakeExchangeWorld(ExchangeWorld* world) {
  const Response medicine = Api().Get(Query("/api/v1/programmes", {{"q", "MED-STEX"}}));
  ASSERT_TRUE(IsJson(medicine, 200)) << medicine;
  ASSERT_EQ(medicine.json["items"].size(), 1u) << medicine;
  const long long school = medicine.json["items"][0]["org_unit_id"].get<long long>();
  long long unit_x = 0, unit_y = 0, programme_x = 0, programme_y = 0;
  ASSERT_NO_FATAL_FAILURE(IdorUnit(school, "X", &unit_x));
  ASSERT_NO_FATAL_FAILURE(IdorUnit(school, "Y", &unit_y));
  ASSERT_NO_FATAL_FAILURE(IdorProgramme(unit_x, &programme_x));
  ASSERT_NO_FATAL_FAILURE(IdorProgramme(unit_y, &programme_y));
  ASSERT_NO_FATAL_FAILURE(
      IdorStudent(programme_x, &world->student_x, &world->record_x, &world->family_x));
  ASSERT_NO_FATAL_FAILURE(
      IdorStudent(programme_y, &world->student_y, &world->record_y, &world->family_y));
  ASSERT_NO_FATAL_FAILURE(CreateAccountWithRoles(
      Json::array({{{"role", "coordinator"}, {"org_unit_id", unit_x}}}), &world->coordinator_x));
  ASSERT_NO_FATAL_FAILURE(CreateAccountWithRoles(
      Json::array({{{"role", "coordinator"}, {"org_unit_id", unit_y}}}), &world->coordinator_y));

  world->letter_x = IdorPdf("Letter of " + world->family_x);
  world->letter_y = IdorPdf("Letter of " + world->family_y);
  std::vector<std::string> open_offers;
  ASSERT_NO_FATAL_FAILURE(IdorCall(school, "2999-12-30", &world->open_call, &open_offers));
  ASSERT_NO_FATAL_FAILURE(IdorApply(world->student_x, world->open_call, open_offers[0],
                                    world->letter_x, &world->application_x));
  ASSERT_NO_FATAL_FAILURE(IdorApply(world->student_y, world->open_call, open_offers[1],
                                    world->letter_y, &world->application_y));

  // The closed call: checked applications (in the database), a run started by the office, signed
  // off by the committee and published; a place for each.
  std::vector<std::string> closed_offers;
  ASSERT_NO_FATAL_FAILURE(IdorCall(school, "2001-01-31", &world->closed_call, &closed_offers));
  const auto add_application = [&](long long record, const std::string& offer, long long* id) {
    std::string text;
    ASSERT_NO_FATAL_FAILURE(
        SqlOne("INSERT INTO applications (call_id, student_id, status, score, version, "
               "created_at, updated_at) VALUES (" +
                   world->closed_call + ", " + std::to_string(record) + ", 'checked', 0, 1, " +
                   kNow + ", " + kNow + ") RETURNING id",
               &text));
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "INSERT INTO application_preferences (application_id, position, offer_id) VALUES (" + text +
        ", 1, " + offer + ")"));
    *id = std::stoll(text);
  };
  ASSERT_NO_FATAL_FAILURE(add_application(world->record_x, closed_offers[0], &world->placed_x));
  ASSERT_NO_FATAL_FAILURE(add_application(world->record_y, closed_offers[1], &world->placed_y));
  Session office_session, committee_session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office_session));
  ASSERT_NO_FATAL_FAILURE(DemoSession("management", &committee_session));
  ApiClient office(office_session);
  const Response started =
      office.Post("/api/v1/calls/" + world->closed_call + "/allocation-runs", Json::object());
  ASSERT_TRUE(IsJson(started, 201)) << started;
  world->run = IdOf(started.json);
  const std::string run = "/api/v1/allocation-runs/" + std::to_string(world->run);
  const Response signed_off =
      ApiClient(committee_session)
          .Post(run + "/sign-off", Json::object(), {{"If-Match", Quoted(VersionOf(started.json))}});
  ASSERT_TRUE(IsJson(signed_off, 200)) << signed_off;
  const Response published = office.Post(run + "/publish", Json::object(),
                                         {{"If-Match", Quoted(VersionOf(signed_off.json))}});
  ASSERT_TRUE(IsJson(published, 200)) << published;
  EXPECT_EQ(published.json["placed"], 2) << published;

  world->objection_text_x = Unique("Objection of " + world->family_x);
  world->objection_text_y = Unique("Objection of " + world->family_y);
  ASSERT_NO_FATAL_FAILURE(
      IdorObjection(*world, world->student_x, world->objection_text_x, &world->objection_x));
  world->made = true;
}

const ExchangeWorld& IdorWorld() {
  static ExchangeWorld world;
  static bool tried = false;
  if (!tried) {
    tried = true;
    MakeExchangeWorld(&world);
  }
  EXPECT_TRUE(world.made) << "the exchange's records for the IDOR tests could not be made";
  return world;
}

// The holders of a row whose people are the world's students (X: A, Y: B).
void IdorStudents(const ExchangeWorld& world, Holder* a, Holder* b) {
  a->account = world.student_x;
  b->account = world.student_y;
  a->marker = world.family_x;
  b->marker = world.family_y;
  a->where = b->where = {{"{call}", world.open_call},
                         {"{closed}", world.closed_call},
                         {"{run}", std::to_string(world.run)}};
}

// The world's coordinators (X: A, Y: B), with the students of their units as markers.
void IdorCoordinators(const ExchangeWorld& world, Holder* a, Holder* b) {
  IdorStudents(world, a, b);
  a->account = world.coordinator_x;
  b->account = world.coordinator_y;
}

// GET as `session`, expecting JSON 200.
void IdorReadAs(const Session& session, const std::string& path, Json* body) {
  ApiClient client(session);
  const Response answer = client.Get(path);
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  *body = answer.json;
}

// The list's item whose `key` is `id` (every page).
void IdorItemOf(const Session& session, const std::string& list, const std::string& key,
                long long id, Json* item) {
  std::string cursor;
  ApiClient client(session);
  for (;;) {
    const Response page = client.Get(cursor.empty() ? list : Query(list, {{"cursor", cursor}}));
    ASSERT_TRUE(IsJson(page, 200)) << page;
    for (const Json& entry : page.json["items"]) {
      if (entry.value(key, Json()) == Json(id)) {
        *item = entry;
        return;
      }
    }
    if (!page.json["next_cursor"].is_string()) {
      break;
    }
    cursor = page.json["next_cursor"].get<std::string>();
  }
  FAIL() << list << " has no item with " << key << " " << id;
}

// ---------------------------------------------------------------------------------------------
// The rows.

// The account itself: found by the session (/me); by id only through the administrator's routes.
OwnedRecordType AccountRow() {
  OwnedRecordType type;
  type.name = "account";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    for (Holder* holder : {a, b}) {
      ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &holder->account));
      holder->record = holder->account.id;
      holder->marker = holder->account.email;
    }
    a->where = {{"{a}", std::to_string(a->record)}};
    b->where = a->where;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(holder.account.session, "/api/v1/me", record));
  };
  type.views = {"/api/v1/me",      "/api/v1/me?id={a}",      "/api/v1/me?user_id={a}",
                "/api/v1/me/data", "/api/v1/me/data?id={a}", "/api/v1/me/data?user_id={a}"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    // PUT /me with A's id, e-mail and a role in the body changes B's own name at most.
    ApiClient client(b.account.session);
    Json me;
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(b.account.session, "/api/v1/me", &me));
    const Response put = client.Put("/api/v1/me",
                                    Json{{"id", a.account.id},
                                         {"email", a.account.email},
                                         {"display_name", "Changed by someone else"},
                                         {"preferred_language", "de"},
                                         {"roles", Json::array({"admin"})}},
                                    VersionOf(me));
    ASSERT_TRUE(put.status == 200 || put.status == 422) << put;
    const Response session = client.Get("/api/v1/auth/session");
    ASSERT_TRUE(IsJson(session, 200)) << session;
    EXPECT_EQ(IdOf(session.json["user"]), b.account.id) << session;
    EXPECT_EQ(Str(session.json["user"], "email"), b.account.email)
        << "PUT /api/v1/me must not change one's own e-mail to someone else's: " << session;
    EXPECT_EQ(session.json["user"]["roles"], Json::array({"student"}))
        << "PUT /api/v1/me must not grant roles: " << session;
    EXPECT_EQ(SignedInUserId(a.account.session), a.account.id) << "A's session must survive";
  };
  const std::set<std::string> admin = {"admin"};
  type.refused = {
      {{"GET", "/api/v1/users/{id}", nullptr}, admin},
      {{"GET", "/api/v1/users/{id}/data", nullptr}, admin},
      {{"PUT", "/api/v1/users/{id}",
        Json{{"email", "hijacked@example.org"},
             {"display_name", "Hijacked"},
             {"preferred_language", "de"},
             {"active", false},
             {"roles", Json::array({"admin"})}}},
       admin},
      {{"POST", "/api/v1/users/{id}/password-reset", Json::object()}, admin},
      {{"POST", "/api/v1/users/{id}/erasure", Json::object()}, admin},
  };
  return type;
}

// A student's own record: found by the account (/me/student), never by an id.
OwnedRecordType StudentRecordRow() {
  OwnedRecordType type;
  type.name = "student record";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorStudents(world, a, b);
    a->record = world.record_x;
    b->record = world.record_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(holder.account.session, "/api/v1/me/student", record));
  };
  type.views = {"/api/v1/me/student",
                "/api/v1/me/student?id={a}",
                "/api/v1/me/student?student_id={a}",
                "/api/v1/me/student?format=json",
                "/api/v1/me/student?format=csv&id={a}",
                "/api/v1/me/data",
                "/api/v1/me/data?student_id={a}"};
  const std::set<std::string> office = {"admin", "international_office"};
  type.refused = {
      {{"GET", "/api/v1/students/{id}", nullptr}, office},
      {{"GET", "/api/v1/students/{id}/language-certificates", nullptr}, office},
      {{"GET", "/api/v1/students/{id}/stays-abroad", nullptr}, office},
      {{"PUT", "/api/v1/students/{id}", Json{{"family_name", "Hijacked"}}}, office},
      {{"DELETE", "/api/v1/students/{id}", nullptr}, office},
  };
  return type;
}

// A student's application and its documents: found by the account in a call (my-application).
OwnedRecordType OwnApplicationRow() {
  OwnedRecordType type;
  type.name = "application (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorStudents(world, a, b);
    a->record = world.application_x;
    b->record = world.application_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
    a->where["{a_student}"] = b->where["{a_student}"] = std::to_string(world.record_x);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(
        IdorReadAs(holder.account.session, IdorMine(holder.where.at("{call}")), &mine));
    ASSERT_TRUE(mine["application"].is_object()) << mine.dump();
    *record = mine["application"];
    // The letter's bytes are part of the record.
    ApiClient client(holder.account.session);
    const Response letter =
        client.Get(IdorMine(holder.where.at("{call}")) + "/documents/motivation_letter");
    (*record)["letter_bytes"] = letter.status == 200 ? Json(letter.body) : Json(letter.status);
  };
  type.views = {"/api/v1/calls/{call}/my-application", "/api/v1/calls/{call}/my-application?id={a}",
                "/api/v1/calls/{call}/my-application?application_id={a}",
                "/api/v1/calls/{call}/my-application?student_id={a_student}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    const ExchangeWorld& world = IdorWorld();
    const std::string mine = IdorMine(b.where.at("{call}"));
    ApiClient client(b.account.session);
    const auto is_bs = [&](const Response& answer) {
      ASSERT_TRUE(IsJson(answer, 200)) << answer;
      ASSERT_TRUE(answer.json["application"].is_object()) << answer;
      EXPECT_EQ(IdOf(answer.json["application"]), b.record) << answer;
      EXPECT_EQ(Str(answer.json["application"], "family_name"), b.marker) << answer;
      EXPECT_EQ(answer.body.find(a.marker), std::string::npos) << answer;
    };
    Json read;
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(b.account.session, mine, &read));
    // Preferences with A's application and student smuggled into the body.
    const Json& offer = read["application"]["preferences"][0]["offer_id"];
    const Response put = client.Put(mine + "?application_id=" + std::to_string(a.record),
                                    {{"preferences", Json::array({offer})},
                                     {"application_id", a.record},
                                     {"id", a.record},
                                     {"student_id", world.record_x}},
                                    VersionOf(read["application"]));
    if (put.status != 422) {
      ASSERT_NO_FATAL_FAILURE(is_bs(put));
    }
    // The documents: B's letter is B's, a removal removes B's, an upload replaces B's.
    const std::string letter =
        mine + "/documents/motivation_letter?application_id=" + std::to_string(a.record);
    const Response download = client.Get(letter);
    ASSERT_EQ(download.status, 200) << download;
    EXPECT_EQ(download.body, world.letter_y);
    ASSERT_NO_FATAL_FAILURE(is_bs(client.Delete(letter, std::nullopt)));
    EXPECT_TRUE(IsError(client.Get(letter), 404, "not_found"))
        << "B has no letter now; A's is not shown instead";
    EXPECT_TRUE(IsError(client.Delete(letter, std::nullopt), 404, "not_found"));
    ASSERT_NO_FATAL_FAILURE(is_bs(client.PostRaw(letter, world.letter_y, "application/pdf")));
    // Withdraw and submit again: B's application.
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(b.account.session, mine, &read));
    const Response withdrawn =
        client.PostRaw(mine + "/withdraw?application_id=" + std::to_string(a.record), "",
                       "application/json", {{"If-Match", Quoted(VersionOf(read["application"]))}});
    ASSERT_NO_FATAL_FAILURE(is_bs(withdrawn));
    EXPECT_EQ(withdrawn.json["application"]["status"], "withdrawn");
    const Response submitted =
        client.PostRaw(mine + "/submit", "", "application/json",
                       {{"If-Match", Quoted(VersionOf(withdrawn.json["application"]))}});
    ASSERT_NO_FATAL_FAILURE(is_bs(submitted));
    EXPECT_EQ(submitted.json["application"]["status"], "submitted");
  };
  const std::set<std::string> staff = {"admin", "international_office", "coordinator"};
  type.refused = {
      {{"GET", "/api/v1/applications/{id}", nullptr}, staff},
      {{"GET", "/api/v1/applications/{id}/documents/motivation_letter", nullptr}, staff},
      {{"PUT", "/api/v1/applications/{id}/score", Json{{"committee_points", 1}}}, staff},
      {{"PUT", "/api/v1/applications/{id}/completeness", Json{{"complete", true}}}, staff},
  };
  return type;
}

// Applications as coordinators read them: those of their unit's (or field's) programmes only.
OwnedRecordType ScopedApplicationRow() {
  OwnedRecordType type;
  type.name = "application (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorCoordinators(world, a, b);
    a->record = world.application_x;
    b->record = world.application_y;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(
        holder.account.session, "/api/v1/applications/" + std::to_string(holder.record), record));
  };
  type.by_id = {
      {"GET", "/api/v1/applications/{id}", nullptr, 200},
      {"GET", "/api/v1/applications/{id}/documents/motivation_letter", nullptr},
      {"PUT", "/api/v1/applications/{id}/score",
       Json{{"committee_points", 1}, {"office_note", "Scored by another unit"}}},
      {"PUT", "/api/v1/applications/{id}/completeness",
       Json{{"complete", false}, {"reason", "Marked by another unit"}}},
  };
  type.views = {"/api/v1/calls/{call}/applications",
                "/api/v1/calls/{call}/applications?sort=name&limit=1",
                "/api/v1/calls/{call}/applications?status=submitted",
                "/api/v1/calls/{call}/applications?format=csv"};
  return type;
}

// A student's result in a published run: found by the account; answered (accept, decline) by it.
OwnedRecordType OwnResultRow() {
  OwnedRecordType type;
  type.name = "allocation result (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorStudents(world, a, b);
    a->record = world.placed_x;
    b->record = world.placed_y;
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(
        IdorReadAs(holder.account.session, IdorMine(holder.where.at("{closed}")), &mine));
    ASSERT_TRUE(mine["result"].is_object()) << mine.dump();
    EXPECT_EQ(IdOf(mine["application"]), holder.record) << mine.dump();
    *record = {{"result", mine["result"]}, {"application", mine["application"]}};
  };
  type.views = {"/api/v1/calls/{closed}/my-application",
                "/api/v1/calls/{closed}/my-application?application_id={a}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    ApiClient client(b.account.session);
    const std::string mine = IdorMine(b.where.at("{closed}"));
    const Response accepted =
        client.Post(mine + "/accept?application_id=" + std::to_string(a.record),
                    {{"application_id", a.record}});
    ASSERT_TRUE(IsJson(accepted, 200)) << accepted;
    EXPECT_EQ(IdOf(accepted.json["application"]), b.record) << accepted;
    EXPECT_EQ(accepted.json["result"].value("response", Json()), "accepted") << accepted;
    EXPECT_EQ(accepted.body.find(a.marker), std::string::npos) << accepted;
    EXPECT_TRUE(IsError(client.Post(mine + "/decline", Json::object()), 422, "validation_failed",
                        "response"))
        << "B answered once";
  };
  return type;
}

// Results of a run as coordinators read them: those of students within their scope only.
OwnedRecordType ScopedResultRow() {
  OwnedRecordType type;
  type.name = "allocation result (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorCoordinators(world, a, b);
    a->record = world.placed_x;
    b->record = world.placed_y;
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(IdorItemOf(
        holder.account.session, "/api/v1/allocation-runs/" + holder.where.at("{run}") + "/results",
        "application_id", holder.record, record));
  };
  type.views = {"/api/v1/allocation-runs/{run}/results",
                "/api/v1/allocation-runs/{run}/results?sort=name&placed=true",
                "/api/v1/allocation-runs/{run}/results?format=csv"};
  return type;
}

// A student's objection to their result: made and read by the account only.
OwnedRecordType OwnObjectionRow() {
  OwnedRecordType type;
  type.name = "objection (the student's own)";
  type.role = "student";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorStudents(world, a, b);
    a->record = world.objection_x;
    a->marker = world.objection_text_x;
    ASSERT_NO_FATAL_FAILURE(
        IdorObjection(world, world.student_y, world.objection_text_y, &b->record));
    a->where["{a}"] = b->where["{a}"] = std::to_string(a->record);
  };
  type.read = [](const Holder& holder, Json* record) {
    Json mine;
    ASSERT_NO_FATAL_FAILURE(
        IdorReadAs(holder.account.session, IdorMine(holder.where.at("{closed}")), &mine));
    ASSERT_TRUE(mine["objections"].is_object()) << mine.dump();
    *record = mine["objections"];
  };
  type.views = {"/api/v1/calls/{closed}/my-application",
                "/api/v1/calls/{closed}/my-application?objection_id={a}", "/api/v1/me/data"};
  type.own_routes = [](const Holder& a, const Holder& b) {
    const ExchangeWorld& world = IdorWorld();
    ApiClient client(b.account.session);
    const std::string mine = IdorMine(b.where.at("{closed}"));
    // While B's objection is open, B objects no further (A's open one is not B's).
    const std::string again = world.objection_text_y + " again";
    EXPECT_TRUE(IsError(client.Post(mine + "/objection", {{"text", again}}), 409, "conflict"));
    // Once the committee has answered B's, B objects again: one open objection at a time is
    // counted among B's own, never A's (which stays open).
    Session committee_session;
    ASSERT_NO_FATAL_FAILURE(DemoSession("management", &committee_session));
    Json objection;
    ASSERT_NO_FATAL_FAILURE(IdorItemOf(
        committee_session, "/api/v1/allocation-runs/" + b.where.at("{run}") + "/objections", "id",
        b.record, &objection));
    if (objection["status"] == "open") {
      const Response answered =
          ApiClient(committee_session)
              .Put("/api/v1/objections/" + std::to_string(b.record) + "/answer",
                   {{"decision", "rejected"}, {"answer", "No reason found"}}, VersionOf(objection));
      ASSERT_TRUE(IsJson(answered, 200)) << answered;
    }
    const Response objected =
        client.Post(mine + "/objection?objection_id=" + std::to_string(a.record),
                    {{"text", again}, {"id", a.record}, {"application_id", a.record}});
    ASSERT_TRUE(IsJson(objected, 200)) << objected;
    Json read;
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(b.account.session, mine, &read));
    ASSERT_EQ(read["objections"]["items"].size(), 2u) << read.dump();
    for (const Json& item : read["objections"]["items"]) {
      EXPECT_TRUE(item["text"] == world.objection_text_y || item["text"] == again) << item.dump();
      EXPECT_NE(IdOf(item), a.record) << item.dump();
    }
  };
  type.refused = {
      {{"PUT", "/api/v1/objections/{id}/answer",
        Json{{"decision", "upheld"}, {"answer", "Answered by someone without the right"}}},
       {"admin", "coordinator", "management"}},
  };
  return type;
}

// Objections as coordinators read and answer them: those of students within their scope only.
OwnedRecordType ScopedObjectionRow() {
  OwnedRecordType type;
  type.name = "objection (a coordinator's scope)";
  type.role = "coordinator";
  type.make = [](Holder* a, Holder* b) {
    const ExchangeWorld& world = IdorWorld();
    ASSERT_TRUE(world.made);
    IdorCoordinators(world, a, b);
    a->record = world.objection_x;
    ASSERT_NO_FATAL_FAILURE(
        IdorObjection(world, world.student_y, world.objection_text_y, &b->record));
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(
        IdorItemOf(holder.account.session,
                   "/api/v1/allocation-runs/" + holder.where.at("{run}") + "/objections", "id",
                   holder.record, record));
  };
  type.by_id = {
      {"PUT", "/api/v1/objections/{id}/answer",
       Json{{"decision", "rejected"}, {"answer", "Answered by another unit's coordinator"}}},
  };
  type.views = {"/api/v1/allocation-runs/{run}/objections",
                "/api/v1/allocation-runs/{run}/objections?sort=name",
                "/api/v1/allocation-runs/{run}/objections?format=csv"};
  return type;
}

// An import job: its owner's (and, with jobs:all, the administrators'), never another's.
OwnedRecordType ImportJobRow() {
  OwnedRecordType type;
  type.name = "import job";
  type.role = "international_office";
  type.make = [](Holder* a, Holder* b) {
    for (Holder* holder : {a, b}) {
      ASSERT_NO_FATAL_FAILURE(CreateAccount({"international_office"}, &holder->account));
      holder->marker = "idor-" + UniqueLetters(8) + ".csv";
      // A dry run of two rows, one of them broken: a finished job with a report.
      const std::string csv =
          "Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,"
          "Website Url,Erasmus Eche Start,Erasmus Eche End\n"
          "1,F  " +
          UniqueLetters(6) + "01,,,\"" + Unique("Ecole IDOR") +
          "\",Street 1,1000,Town,FR,,2021-01-01,2029-12-31\n"
          "2,F  PARIS 063,,,\"Broken Code School\",Street 1,1000,Town,FR,,2021-01-01,2029-12-31\n";
      ApiClient client(holder->account.session);
      const Response queued = client.PostRaw(
          Query("/api/v1/imports/eche", {{"dry_run", "true"}, {"file_name", holder->marker}}), csv,
          "text/csv");
      ASSERT_TRUE(IsJson(queued, 202)) << queued;
      holder->record = IdOf(queued.json);
      Json job;
      ASSERT_NO_FATAL_FAILURE(WaitForJob(holder->record, &job, client));
      ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
      ASSERT_EQ(job["has_report"], true) << job.dump();
    }
  };
  type.read = [](const Holder& holder, Json* record) {
    ASSERT_NO_FATAL_FAILURE(IdorReadAs(holder.account.session,
                                       "/api/v1/jobs/" + std::to_string(holder.record), record));
    ApiClient client(holder.account.session);
    const Response report = client.Get("/api/v1/jobs/" + std::to_string(holder.record) + "/report");
    ASSERT_EQ(report.status, 200) << report;
    (*record)["report_bytes"] = report.body;
  };
  type.by_id = {
      {"GET", "/api/v1/jobs/{id}", nullptr, 200},
      {"POST", "/api/v1/jobs/{id}/cancel", Json::object(), 409},
      {"GET", "/api/v1/jobs/{id}/report", nullptr, 200},
  };
  type.views = {"/api/v1/jobs", "/api/v1/jobs?all=true", "/api/v1/jobs?limit=1"};
  return type;
}

// kOwnedRecordTypes: one row per record type with an owner or a row-level scope.
const std::vector<OwnedRecordType>& OwnedRecordTypes() {
  static const std::vector<OwnedRecordType> types = {
      AccountRow(),           StudentRecordRow(),   OwnApplicationRow(),
      ScopedApplicationRow(), OwnResultRow(),       ScopedResultRow(),
      OwnObjectionRow(),      ScopedObjectionRow(), ImportJobRow(),
  };
  return types;
}

// The two people of a row, made once per run (both tests use them).
void PeopleOf(const OwnedRecordType& type, Holder* a, Holder* b) {
  static std::map<std::string, std::pair<Holder, Holder>> made;
  const auto found = made.find(type.name);
  if (found != made.end()) {
    *a = found->second.first;
    *b = found->second.second;
    return;
  }
  ASSERT_NO_FATAL_FAILURE(type.make(a, b));
  ASSERT_GT(a->record, 0) << type.name;
  ASSERT_GT(b->record, 0) << type.name;
  ASSERT_NE(a->record, b->record) << type.name;
  ASSERT_NE(a->account.id, b->account.id) << type.name;
  ASSERT_FALSE(a->marker.empty() || b->marker.empty()) << type.name;
  made.emplace(type.name, std::make_pair(*a, *b));
}

// One row: B of the same role as A reaches nothing of A's record (a fatal failure ends this row
// only).
void CheckRowLevel(const OwnedRecordType& type) {
  SCOPED_TRACE("record type " + type.name + " (two people with the role " + type.role + ")");
  Holder a, b;
  ASSERT_NO_FATAL_FAILURE(PeopleOf(type, &a, &b));
  Json before;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &before));
  const long long version = VersionOr1(before);
  ApiClient client(b.account.session);

  for (const ByIdRequest& request : type.by_id) {
    const std::string what = request.method + " " + request.path;
    const Response missing = SendById(client, request, kIdorMissingId, a, version);
    EXPECT_TRUE(IsError(missing, 404, "not_found")) << what << " (an id that does not exist)";
    const Response answer = SendById(client, request, std::to_string(a.record), a, version);
    EXPECT_TRUE(IsError(answer, 404, "not_found")) << what << " (A's record)";
    EXPECT_EQ(answer.body, missing.body)
        << what << ": the answer must not tell whether A's record exists";
    if (request.own_status != 0) {
      const Response own = SendById(client, request, std::to_string(b.record), b, 1);
      EXPECT_EQ(own.status, request.own_status)
          << what << " on B's own record: the route must work for B: " << own;
    }
  }

  for (const std::string& view : type.views) {
    const std::string path = Expand(view, std::to_string(b.record), b);
    const Response answer = client.Get(path);
    ASSERT_EQ(answer.status, 200) << path << ": " << answer;
    EXPECT_NE(answer.body.find(b.marker), std::string::npos)
        << path << " does not show B's own record (" << b.marker << "): " << answer;
    EXPECT_EQ(answer.body.find(a.marker), std::string::npos)
        << path << " shows A's record (" << a.marker << ") to B: " << answer;
  }

  if (type.own_routes) {
    ASSERT_NO_FATAL_FAILURE(type.own_routes(a, b));
  }

  Json after;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &after));
  EXPECT_EQ(after, before) << "A's record changed";
}

// One row's by-id routes through the permission layer.
void CheckPermissionLayer(const OwnedRecordType& type) {
  if (type.refused.empty()) {
    return;
  }
  SCOPED_TRACE("record type " + type.name);
  Holder a, b;
  ASSERT_NO_FATAL_FAILURE(PeopleOf(type, &a, &b));
  Json before;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &before));
  const long long version = VersionOr1(before);
  for (const DemoAccount& attacker : DemoAccounts()) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(attacker.role, &session));
    ApiClient client(session);
    for (const PermissionRefusal& refusal : type.refused) {
      if (refusal.allowed.contains(attacker.role)) {
        continue;
      }
      const ByIdRequest& request = refusal.request;
      const std::string what = attacker.role + " " + request.method + " " + request.path;
      const Response missing = SendById(client, request, kIdorMissingId, a, version);
      EXPECT_TRUE(IsError(missing, 403, "forbidden")) << what << " (missing id)";
      for (const std::string& id :
           {std::to_string(a.record), std::to_string(b.record), std::string("1")}) {
        const Response answer = SendById(client, request, id, a, version);
        EXPECT_EQ(answer.status, missing.status) << what << " id " << id << ": " << answer;
        EXPECT_EQ(answer.body, missing.body)
            << what << " id " << id << ": the answer must not tell whether the record exists";
      }
    }
  }
  Json after;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &after));
  EXPECT_EQ(after, before) << "A's record changed";
  EXPECT_EQ(SignedInUserId(a.account.session), a.account.id) << "A's session must survive";
}

class IdorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

TEST_F(IdorTest, EveryOwnedTypeHasARow) {
  std::set<std::string> names;
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    EXPECT_TRUE(names.insert(type.name).second) << "two rows named " << type.name;
    EXPECT_TRUE(!type.by_id.empty() || !type.views.empty() || type.own_routes)
        << type.name << ": a row that tries nothing";
  }
  for (const char* name :
       {"account", "student record", "application (the student's own)",
        "application (a coordinator's scope)", "allocation result (the student's own)",
        "allocation result (a coordinator's scope)", "objection (the student's own)",
        "objection (a coordinator's scope)", "import job"}) {
    EXPECT_TRUE(names.contains(name)) << "no row for " << name;
  }
}

// Person B of the same role as A reaches nothing of A's record: by id 404 as for a missing id,
// in B's views nothing of A's, through the routes found by the account only B's own; A's record
// is unchanged.
TEST_F(IdorTest, AnotherPersonOfTheSameRoleReachesNothingOfMine) {
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    CheckRowLevel(type);
  }
}

// The permission layer, apart from the rows: a role without a route's permission gets the same
// 403 for A's record, B's, and an id that does not exist; nothing changes.
TEST_F(IdorTest, PermissionLayerRefusesEveryIdAlike) {
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    CheckPermissionLayer(type);
  }
}

// /api/v1/me/data is the caller's account and the audit entries about and by the caller only.
TEST_F(IdorTest, MyDataHoldsOnlyMyOwnAccount) {
  Session session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &session));
  const long long me = SignedInUserId(session);
  ASSERT_GT(me, 0);
  ApiClient client(session);
  const Response data = client.Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200));
  ASSERT_TRUE(data.json.contains("account") && data.json["account"].is_object()) << data;
  EXPECT_EQ(IdOf(data.json["account"]), me);
  EXPECT_EQ(Str(data.json["account"], "email"), DemoEmail("student"));
  for (const DemoAccount& other : DemoAccounts()) {
    if (other.role != "student") {
      EXPECT_EQ(data.body.find(other.email), std::string::npos)
          << "another person's e-mail in my data: " << other.email;
    }
  }
  for (const char* key : {"audit_entries_about_you", "audit_entries_by_you"}) {
    ASSERT_TRUE(data.json.contains(key) && data.json[key].is_array()) << key << ": " << data;
  }
  for (const Json& entry : data.json["audit_entries_about_you"]) {
    EXPECT_EQ(entry.value("subject_user_id", Json()), Json(me)) << entry.dump();
  }
  for (const Json& entry : data.json["audit_entries_by_you"]) {
    EXPECT_EQ(entry.value("actor_user_id", Json()), Json(me)) << entry.dump();
  }
}

}  // namespace
}  // namespace weltcampus::api_test
