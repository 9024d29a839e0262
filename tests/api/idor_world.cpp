#include "idor_world.h"

#include <gtest/gtest.h>

#include "allocation_fixture.h"
#include "fixtures.h"

namespace weltcampus::api_test::idor {

namespace {

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
      client.Put(Mine(call), {{"preferences", {std::stoll(offer)}}}, std::nullopt);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  const Response uploaded =
      client.PostRaw(Mine(call) + "/documents/motivation_letter", letter, "application/pdf");
  ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
  const Json& application = uploaded.json["application"];
  const Response submitted = client.PostRaw(Mine(call) + "/submit", "", "application/json",
                                            {{"If-Match", Quoted(VersionOf(application))}});
  ASSERT_TRUE(IsJson(submitted, 200)) << submitted;
  ASSERT_EQ(submitted.json["application"]["status"], "submitted") << submitted;
  *id = IdOf(submitted.json["application"]);
}

}  // namespace

// The student's objection with this text in the closed call (made when there is none): its id.
void Objection(const ExchangeWorld& world, const Account& student, const std::string& text,
               long long* id) {
  *id = 0;
  ApiClient client(student.session);
  Response mine = client.Get(Mine(world.closed_call));
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
    mine = client.Post(Mine(world.closed_call) + "/objection", {{"text", text}});
    ASSERT_TRUE(IsJson(mine, 200)) << mine;
    find();
  }
  ASSERT_GT(*id, 0) << mine;
}

namespace {

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

  world->letter_x = SmallPdf("Letter of " + world->family_x);
  world->letter_y = SmallPdf("Letter of " + world->family_y);
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
      Objection(*world, world->student_x, world->objection_text_x, &world->objection_x));
  world->made = true;
}

}  // namespace

const ExchangeWorld& World() {
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
void Students(const ExchangeWorld& world, Holder* a, Holder* b) {
  a->account = world.student_x;
  b->account = world.student_y;
  a->marker = world.family_x;
  b->marker = world.family_y;
  a->where = b->where = {{"{call}", world.open_call},
                         {"{closed}", world.closed_call},
                         {"{run}", std::to_string(world.run)}};
}

// The world's coordinators (X: A, Y: B), with the students of their units as markers.
void Coordinators(const ExchangeWorld& world, Holder* a, Holder* b) {
  Students(world, a, b);
  a->account = world.coordinator_x;
  b->account = world.coordinator_y;
}

// GET as `session`, expecting JSON 200.
void ReadAs(const Session& session, const std::string& path, Json* body) {
  ApiClient client(session);
  const Response answer = client.Get(path);
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  *body = answer.json;
}

// The list's item whose `key` is `id` (every page).
void ItemOf(const Session& session, const std::string& list, const std::string& key, long long id,
            Json* item) {
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

std::string Mine(const std::string& call) { return "/api/v1/calls/" + call + "/my-application"; }

}  // namespace weltcampus::api_test::idor
