// Applications (issue 10, item 4): a student applies in a call by their own account (preferences
// checked for eligibility, count and duplicates, documents told by their bytes, only inside the
// application period: a 4xx naming the problem and nothing written), the office lists, checks and
// scores, and a coordinator sees only applications of their unit or field (another's: 404).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

std::vector<std::string> Columns(const std::string& line) {
  std::vector<std::string> columns;
  std::istringstream in(line);
  for (std::string column; std::getline(in, column, '|');) {
    columns.push_back(column);
  }
  return columns;
}

// One value from SQL that answers one row of one column.
void SqlValue(const std::string& sql, std::string* value) {
  std::string output;
  ASSERT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  const auto lines = Lines(output);
  ASSERT_FALSE(lines.empty()) << sql << " answered nothing";
  *value = Columns(lines.back()).at(0);
}

class ApplicationsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student_));
    const Response programmes = Api().Get(Query("/api/v1/programmes", {{"q", "MED-STEX"}}));
    ASSERT_TRUE(IsJson(programmes, 200)) << programmes;
    ASSERT_EQ(programmes.json["items"].size(), 1u);
    medicine_unit_ = programmes.json["items"][0]["org_unit_id"].get<long long>();
    std::string quota_row;
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "SELECT q.id, q.agreement_id, a.partnership_id FROM quotas q JOIN agreements a ON a.id = "
        "q.agreement_id WHERE q.direction = 'outgoing' ORDER BY q.id LIMIT 1",
        &quota_row));
    const auto lines = Lines(quota_row);
    ASSERT_FALSE(lines.empty()) << "the demo has no outgoing quota";
    quota_ = Columns(lines.back());
    ASSERT_EQ(quota_.size(), 3u) << quota_row;
    ASSERT_NO_FATAL_FAILURE(AddCall("2999-12-30", &call_));
    // Two offers every student may take, one that needs Icelandic at C2.
    ASSERT_NO_FATAL_FAILURE(AddOffer(call_, "winter", "NULL", "NULL", &open_));
    ASSERT_NO_FATAL_FAILURE(AddOffer(call_, "summer", "'is'", "'C2'", &icelandic_));
    ASSERT_NO_FATAL_FAILURE(AddOffer(call_, "full_year", "NULL", "NULL", &second_));
  }

  // A call (made in the database: the calls' own routes are tested with them) whose application
  // period runs from 2000 to `closes`.
  void AddCall(const std::string& closes, std::string* id) {
    const std::string now = "'2026-12-03T12:00:00Z'";
    ASSERT_NO_FATAL_FAILURE(SqlValue(
        "INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
        "applications_close, selection_by, publication_on, accept_by, nomination_by, "
        "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
        "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (2027, " +
            std::to_string(medicine_unit_) + ", 'places', " + SqlText(Unique("Call")) +
            ", '2000-01-01', '" + closes +
            "', '2999-12-31', '2999-12-31', '2999-12-31', '2999-12-31', 2, 7, 50, 30, 20, 10, "
            "'first_stay_first', 1, " +
            now + ", " + now + ") RETURNING id",
        id));
  }

  void AddOffer(const std::string& call, const std::string& term, const std::string& language,
                const std::string& level, std::string* id) {
    const std::string now = "'2026-12-03T12:00:00Z'";
    ASSERT_NO_FATAL_FAILURE(SqlValue(
        "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, partner_name, "
        "term, places, extra_places, months_per_place, eqf_levels, language, cefr_level, "
        "requires_first_state_exam, version, created_at, updated_at) VALUES (" +
            call + ", " + quota_[0] + ", " + quota_[1] + ", " + quota_[2] + ", 'Partner', '" +
            term + "', 1, 0, 5, '', " + language + ", " + level + ", 0, 1, " + now + ", " + now +
            ") RETURNING id",
        id));
  }

  std::string Mine(const std::string& call) const {
    return "/api/v1/calls/" + call + "/my-application";
  }
  static long long Id(const std::string& text) { return std::stoll(text); }

  // The student's application as the screen reads it, and its version (0: none).
  void Read(ApiClient& client, const std::string& call, Json* mine, long long* version) {
    const Response answer = client.Get(Mine(call));
    ASSERT_TRUE(IsJson(answer, 200)) << answer;
    *mine = answer.json;
    *version = answer.json["application"].is_null() ? 0 : VersionOf(answer.json["application"]);
  }

  Session student_;
  long long medicine_unit_ = 0;
  std::vector<std::string> quota_;
  std::string call_, open_, icelandic_, second_;
};

TEST_F(ApplicationsApi, AStudentRanksEligibleOffersAndBadInputChangesNothing) {
  ApiClient client(student_);
  Json mine;
  long long version = 0;
  ASSERT_NO_FATAL_FAILURE(Read(client, call_, &mine, &version));
  EXPECT_TRUE(mine["open"].get<bool>());
  EXPECT_TRUE(mine["application"].is_null());
  ASSERT_EQ(mine["offers"].size(), 3u);
  for (const auto& entry : mine["offers"]) {
    if (IdOf(entry["offer"]) == Id(icelandic_)) {
      EXPECT_FALSE(entry["eligible"].get<bool>());
      ASSERT_EQ(entry["reasons"].size(), 1u) << entry;
      EXPECT_EQ(entry["reasons"][0]["code"], "language");
      EXPECT_EQ(entry["reasons"][0]["details"]["required"], "C2");
      EXPECT_FALSE(Str(entry["reasons"][0], "message_de").empty());
    } else {
      EXPECT_TRUE(entry["eligible"].get<bool>()) << entry;
    }
  }

  const auto put = [&](Json preferences) {
    return client.Put(Mine(call_), {{"preferences", std::move(preferences)}}, std::nullopt);
  };
  EXPECT_TRUE(
      IsError(put({Id(open_), Id(icelandic_)}), 422, "validation_failed", "preferences[1]"));
  EXPECT_TRUE(IsError(put({Id(open_), Id(open_)}), 422, "validation_failed", "preferences[1]"));
  EXPECT_TRUE(
      IsError(put({Id(open_), Id(second_), 987654321}), 422, "validation_failed", "preferences"));
  EXPECT_TRUE(IsError(put({987654321}), 422, "validation_failed", "preferences[0]"));
  EXPECT_TRUE(IsError(put({"x"}), 422, "validation_failed", "preferences[0]"));
  std::string closed;
  ASSERT_NO_FATAL_FAILURE(AddCall("2001-01-31", &closed));
  const Response late = client.Put(Mine(closed), {{"preferences", Json::array()}}, std::nullopt);
  EXPECT_TRUE(IsError(late, 422, "validation_failed", "applications_close")) << late;
  EXPECT_NE(Str(late.json["error"], "message").find("2001-01-31"), std::string::npos) << late;
  ASSERT_NO_FATAL_FAILURE(Read(client, call_, &mine, &version));
  EXPECT_TRUE(mine["application"].is_null()) << "a refused change wrote something";

  const Response saved = put({Id(second_), Id(open_)});
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  const Json& application = saved.json["application"];
  EXPECT_EQ(application["status"], "draft");
  ASSERT_EQ(application["preferences"].size(), 2u);
  EXPECT_EQ(application["preferences"][0]["offer_id"], Id(second_));
  EXPECT_EQ(application["preferences"][0]["rank"], 1);
  EXPECT_EQ(saved.Header("ETag"), Quoted(VersionOf(application)));
  // A second change needs the version read.
  EXPECT_TRUE(IsError(put({Id(open_)}), 428, "precondition_required"));
  const Response stale =
      client.Put(Mine(call_), {{"preferences", {Id(open_)}}}, VersionOf(application) + 1);
  EXPECT_TRUE(IsError(stale, 412, "precondition_failed")) << stale;
  // The version is looked at before any rule of the body (docs/api.md): a stale one with a
  // body that breaks a rule is still 412, and without one 428.
  const Response stale_and_wrong =
      client.Put(Mine(call_), {{"preferences", {987654321}}}, VersionOf(application) + 1);
  EXPECT_TRUE(IsError(stale_and_wrong, 412, "precondition_failed")) << stale_and_wrong;
  EXPECT_TRUE(IsError(put({987654321}), 428, "precondition_required"));
  const Response changed =
      client.Put(Mine(call_), {{"preferences", {Id(open_)}}}, VersionOf(application));
  ASSERT_TRUE(IsJson(changed, 200)) << changed;
  EXPECT_EQ(changed.json["application"]["preferences"].size(), 1u);
}

TEST_F(ApplicationsApi, DocumentsAreToldByTheirBytesAndSizeLimited) {
  ApiClient client(student_);
  const std::string path = Mine(call_) + "/documents/motivation_letter";
  EXPECT_TRUE(IsError(client.PostRaw(path, "just text", "application/pdf"), 422,
                      "validation_failed", "file"));
  EXPECT_TRUE(
      IsError(client.PostRaw(path, SmallPdf("x"), "text/plain"), 422, "validation_failed", "file"));
  const std::string large = "%PDF-1.4\n" + std::string(5 * 1024 * 1024, 'x') + "\n%%EOF\n";
  EXPECT_TRUE(
      IsError(client.PostRaw(path, large, "application/pdf"), 413, "payload_too_large", "file"));
  EXPECT_TRUE(
      IsError(client.PostRaw(Mine(call_) + "/documents/cv", SmallPdf("x"), "application/pdf"), 404,
              "not_found"));
  Json mine;
  long long version = 0;
  ASSERT_NO_FATAL_FAILURE(Read(client, call_, &mine, &version));
  EXPECT_TRUE(mine["application"].is_null()) << "a refused upload wrote something";

  const std::string letter = SmallPdf("Why Wroclaw");
  const Response uploaded = client.PostRaw(Query(path, {{"file_name", "C:\\me\\Motivation.pdf"}}),
                                           letter, "application/pdf");
  ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
  const Json& documents = uploaded.json["application"]["documents"];
  ASSERT_EQ(documents.size(), 1u);
  EXPECT_EQ(documents[0]["kind"], "motivation_letter");
  EXPECT_EQ(documents[0]["file_name"], "Motivation.pdf");
  EXPECT_EQ(documents[0]["size_bytes"], static_cast<long long>(letter.size()));
  const Response download = client.Get(path);
  ASSERT_EQ(download.status, 200) << download;
  EXPECT_EQ(download.body, letter);
  EXPECT_EQ(download.Header("Content-Type"), "application/pdf");
  const Response removed = client.Delete(path, std::nullopt);
  ASSERT_TRUE(IsJson(removed, 200)) << removed;
  EXPECT_TRUE(removed.json["application"]["documents"].empty());
  EXPECT_TRUE(IsError(client.Get(path), 404, "not_found"));
}

TEST_F(ApplicationsApi, SubmittedTheOfficeScoresACoordinatorOnlyInScope) {
  ApiClient client(student_);
  Response saved = client.Put(Mine(call_), {{"preferences", {Id(open_)}}}, std::nullopt);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  const long long id = IdOf(saved.json["application"]);
  Response submitted = client.PostRaw(Mine(call_) + "/submit", "", "application/json",
                                      {{"If-Match", Quoted(VersionOf(saved.json["application"]))}});
  ASSERT_TRUE(IsJson(submitted, 200)) << submitted;
  EXPECT_EQ(submitted.json["application"]["status"], "submitted");
  EXPECT_FALSE(submitted.json["application"]["submitted_at"].is_null());

  // Another student sees their own (none), never this one.
  Account other;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &other));
  const Response student_record = Api().Post(
      "/api/v1/students", {{"matriculation_number", std::to_string(5200000 + other.id % 100000)},
                           {"family_name", "Zimmer"},
                           {"given_name", "Zoe"},
                           {"email", other.email},
                           {"programme_id", saved.json["application"]["programme_id"]},
                           {"study_semester", 3},
                           {"user_id", other.id}});
  ASSERT_TRUE(IsJson(student_record, 201)) << student_record;
  ApiClient other_client(other.session);
  const Response theirs = other_client.Get(Mine(call_));
  ASSERT_TRUE(IsJson(theirs, 200)) << theirs;
  EXPECT_TRUE(theirs.json["application"].is_null());

  // The office lists, reads and scores.
  const std::string list = "/api/v1/calls/" + call_ + "/applications";
  const Response listed = Api().Get(Query(list, {{"status", "submitted"}, {"sort", "-score"}}));
  ASSERT_TRUE(IsJson(listed, 200)) << listed;
  ASSERT_EQ(listed.json["total"], 1) << listed;
  EXPECT_EQ(IdOf(listed.json["items"][0]), id);
  const Response by_offer = Api().Get(Query(list, {{"offer_id", second_}}));
  ASSERT_TRUE(IsJson(by_offer, 200)) << by_offer;
  EXPECT_EQ(by_offer.json["total"], 0);
  const Response csv = Api().Get(Query(list, {{"format", "csv"}}));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_NE(csv.body.find("Matriculation number"), std::string::npos);
  const std::string one = "/api/v1/applications/" + std::to_string(id);
  Json application;
  ASSERT_NO_FATAL_FAILURE(GetOk(one, &application));
  EXPECT_EQ(application["status"], "submitted");
  const Response too_many =
      Api().Put(one + "/score", {{"committee_points", 11}}, VersionOf(application));
  EXPECT_TRUE(IsError(too_many, 422, "validation_failed", "committee_points")) << too_many;
  const Response scored =
      Api().Put(one + "/score", {{"committee_points", 10}, {"office_note", "Strong letter"}},
                VersionOf(application));
  ASSERT_TRUE(IsJson(scored, 200)) << scored;
  EXPECT_EQ(scored.json["committee_points"], 10);
  EXPECT_GT(scored.json["score"].get<double>(), application["score"].get<double>());
  // The audit log keeps the change without names or the note's words (the retention deletes them).
  std::vector<Json> changes;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries(
      "action=update&entity_type=application&entity_id=" + std::to_string(id), &changes));
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes[0]["after"]["committee_points"], 10);
  EXPECT_EQ(changes[0]["after"]["office_note_length"], 13);
  for (const Json& change : changes) {
    const std::string content = change["before"].dump() + change["after"].dump();
    for (const std::string& personal :
         {std::string("Strong letter"), Str(application, "family_name"),
          Str(application, "matriculation_number")}) {
      EXPECT_EQ(content.find(personal), std::string::npos) << change.dump();
    }
  }
  const Response checked =
      Api().Put(one + "/completeness", {{"complete", false}}, VersionOf(scored.json));
  EXPECT_TRUE(IsError(checked, 422, "validation_failed", "reason")) << checked;

  // The call publishes an optional criterion (10 % of its weights): its points count in the score.
  Json call;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/calls/" + call_, &call));
  Json changed = call;
  changed["weight_grade"] = 40;
  changed["criteria"] = {{{"code", "engagement"},
                          {"name", "Social engagement"},
                          {"name_de", "Soziales Engagement"},
                          {"weight", 10},
                          {"points_max", 5}}};
  const Response with_criterion = Api().Put("/api/v1/calls/" + call_, changed, VersionOf(call));
  ASSERT_TRUE(IsJson(with_criterion, 200)) << with_criterion;
  EXPECT_EQ(with_criterion.json["criteria"][0]["code"], "engagement");
  for (const Json& bad : {Json{{"engagement", 6}}, Json{{"interview", 1}}}) {
    const Response refused =
        Api().Put(one + "/score", {{"committee_points", 10}, {"criteria_points", bad}},
                  VersionOf(scored.json));
    EXPECT_TRUE(IsError(refused, 422, "validation_failed", "criteria_points." + bad.begin().key()))
        << refused;
  }
  EXPECT_TRUE(IsError(Api().Put(one + "/score", {{"criteria_points", "5"}}, VersionOf(scored.json)),
                      422, "validation_failed", "criteria_points"));
  const Response with_points = Api().Put(
      one + "/score", {{"committee_points", 10}, {"criteria_points", {{"engagement", 5}}}},
      VersionOf(scored.json));
  ASSERT_TRUE(IsJson(with_points, 200)) << with_points;
  EXPECT_EQ(with_points.json["criteria_points"], Json({{"engagement", 5}}));
  const Response without_points =
      Api().Put(one + "/score", {{"committee_points", 10}}, VersionOf(with_points.json));
  ASSERT_TRUE(IsJson(without_points, 200)) << without_points;
  EXPECT_EQ(without_points.json["criteria_points"], Json::object());
  // The whole criterion's weight: 10 points of the score.
  EXPECT_NEAR(with_points.json["score"].get<double>() - without_points.json["score"].get<double>(),
              10.0, 0.01);
  const Response version_back =
      Api().Put("/api/v1/calls/" + call_, call, VersionOf(with_criterion.json));
  ASSERT_TRUE(IsJson(version_back, 200)) << version_back;
  const Json& scored_json = without_points.json;

  // The demo coordinator has no scope: nothing listed, the application is missing.
  Session coordinator;
  ASSERT_NO_FATAL_FAILURE(DemoSession("coordinator", &coordinator));
  ApiClient unscoped(coordinator);
  const Response none = unscoped.Get(list);
  ASSERT_TRUE(IsJson(none, 200)) << none;
  EXPECT_EQ(none.json["total"], 0);
  EXPECT_TRUE(IsError(unscoped.Get(one), 404, "not_found"));
  EXPECT_TRUE(
      IsError(unscoped.Put(one + "/score", {{"committee_points", 1}}, VersionOf(scored_json)), 404,
              "not_found"));
  // Scoped to the programme's unit: sees and scores it; to another field: 404.
  Account scoped;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"coordinator"}, &scoped));
  // (The server keeps a session's person until the account's version changes.)
  const std::string bump =
      "; UPDATE users SET version = version + 1 WHERE id = " + std::to_string(scoped.id);
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE user_roles SET org_unit_id = " + std::to_string(medicine_unit_) +
              " WHERE user_id = " + std::to_string(scoped.id) + bump));
  ApiClient in_scope(scoped.session);
  const Response seen = in_scope.Get(one);
  ASSERT_TRUE(IsJson(seen, 200)) << seen;
  const Response mine_listed = in_scope.Get(list);
  ASSERT_TRUE(IsJson(mine_listed, 200)) << mine_listed;
  EXPECT_EQ(mine_listed.json["total"], 1);
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE user_roles SET org_unit_id = NULL, isced_code = '0411' "
              "WHERE user_id = " +
              std::to_string(scoped.id) + bump));
  EXPECT_TRUE(IsError(in_scope.Get(one), 404, "not_found"));
  const Response out_listed = in_scope.Get(Query(list, {{"format", "csv"}}));
  ASSERT_EQ(out_listed.status, 200) << out_listed;
  EXPECT_EQ(out_listed.body.find(Str(application, "matriculation_number")), std::string::npos);

  // After the deadline the student changes nothing.
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE calls SET applications_close = '2001-01-31' WHERE id = " + call_));
  Json mine;
  long long version = 0;
  ASSERT_NO_FATAL_FAILURE(Read(client, call_, &mine, &version));
  EXPECT_FALSE(mine["open"].get<bool>());
  const Response withdraw = client.PostRaw(Mine(call_) + "/withdraw", "", "application/json",
                                           {{"If-Match", Quoted(version)}});
  EXPECT_TRUE(IsError(withdraw, 422, "validation_failed", "applications_close")) << withdraw;
}

}  // namespace
}  // namespace weltcampus::api_test
