// The retention of applications (issue 10, item 9) and a student's applications in the account's
// data export (item 9's privacy): a unit of its own with a 2180 call (one application placed and
// accepted, one left without a place, one draft) and a 2181 call whose results are published;
// the office's run deletes the 2180 applications without an accepted place, the demand over the
// years stays as it was, and the schedule is the office's setting (If-Match, bounds).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kRetention = "/api/v1/exchange/application-retention";
const std::string kStamp = "'2001-01-01T10:00:00Z'";

// The cells of the last line SQL printed ("a|b|c").
void LastRow(const std::string& sql, std::vector<std::string>* cells) {
  std::string output;
  ASSERT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  while (!output.empty() && output.back() == '\n') {
    output.pop_back();
  }
  ASSERT_FALSE(output.empty()) << sql << " printed nothing";
  const std::string line = output.substr(output.rfind('\n') + 1);
  cells->clear();
  std::size_t from = 0;
  for (std::size_t bar = line.find('|'); bar != std::string::npos; bar = line.find('|', from)) {
    cells->push_back(line.substr(from, bar - from));
    from = bar + 1;
  }
  cells->push_back(line.substr(from));
}

void One(const std::string& sql, std::string* value) {
  std::vector<std::string> cells;
  ASSERT_NO_FATAL_FAILURE(LastRow(sql, &cells));
  *value = cells.at(0);
}

class ApplicationRetentionApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office_));
    ASSERT_NO_FATAL_FAILURE(LastRow(
        "SELECT q.id, q.agreement_id, a.partnership_id FROM quotas q JOIN agreements a ON a.id = "
        "q.agreement_id WHERE q.direction = 'outgoing' ORDER BY q.id LIMIT 1",
        &quota_));
    ASSERT_EQ(quota_.size(), 3u);
    ASSERT_NO_FATAL_FAILURE(
        One("INSERT INTO org_units (name, kind, version, created_at, updated_at) VALUES (" +
                SqlText(Unique("Retention unit")) + ", 'school', 1, " + kStamp + ", " + kStamp +
                ") RETURNING id",
            &unit_));
    std::string output;
    ASSERT_NO_FATAL_FAILURE(
        ExecSql("SELECT id FROM students WHERE user_id IS NULL ORDER BY id DESC LIMIT 3", &output));
    for (std::size_t at = 0; at < output.size();) {
      const std::size_t end = output.find('\n', at);
      const std::string line = output.substr(at, end == std::string::npos ? end : end - at);
      if (!line.empty()) {
        students_.push_back(line);
      }
      at = end == std::string::npos ? output.size() : end + 1;
    }
    ASSERT_EQ(students_.size(), 3u) << "the demo has fewer than 3 students without an account";
  }

  void AddCall(int year, std::string* call, std::string* offer) {
    const std::string y = std::to_string(year);
    ASSERT_NO_FATAL_FAILURE(
        One("INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
            "applications_close, selection_by, publication_on, accept_by, nomination_by, "
            "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
            "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (" +
                y + ", " + unit_ + ", 'places', " + SqlText(Unique("Retention call")) + ", '" + y +
                "-01-01', '" + y + "-02-01', '" + y + "-03-01', '" + y + "-03-02', '" + y +
                "-03-03', '" + y + "-03-04', 2, 7, 100, 0, 0, 10, '', 1, " + kStamp + ", " +
                kStamp + ") RETURNING id",
            call));
    ASSERT_NO_FATAL_FAILURE(One(
        "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, partner_name, "
        "term, places, extra_places, months_per_place, eqf_levels, requires_first_state_exam, "
        "version, created_at, updated_at) VALUES (" +
            *call + ", " + quota_[0] + ", " + quota_[1] + ", " + quota_[2] +
            ", 'Partner', 'winter', 1, 0, 5, '', 0, 1, " + kStamp + ", " + kStamp +
            ") RETURNING id",
        offer));
  }

  void Apply(const std::string& call, const std::string& student, const std::string& offer,
             const std::string& status, std::string* id) {
    ASSERT_NO_FATAL_FAILURE(
        One("INSERT INTO applications (call_id, student_id, status, office_note, created_at, "
            "updated_at) VALUES (" +
                call + ", " + student + ", '" + status + "', 'Interview went well', " + kStamp +
                ", " + kStamp + ") RETURNING id",
            id));
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "INSERT INTO application_preferences (application_id, position, offer_id) VALUES (" + *id +
        ", 1, " + offer + ")"));
  }

  // A published run of the call, answered long ago.
  void Publish(const std::string& call, std::string* run) {
    ASSERT_NO_FATAL_FAILURE(
        One("INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, "
            "placed, offers, places, created_at, published_at, accept_by, version) VALUES (" +
                call + ", 1, 'published', '7', '{}', 2, 1, 1, 1, " + kStamp + ", " + kStamp +
                ", '2001-02-01', 1) RETURNING id",
            run));
  }

  void Result(const std::string& run, const std::string& application, const std::string& offer,
              const std::string& response) {
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "INSERT INTO allocation_results (run_id, application_id, offer_id, preference_rank, "
        "score, explanation, response) VALUES (" +
        run + ", " + application + ", " + offer + ", " + (offer == "NULL" ? "NULL" : "1") +
        ", 80, '[]', " + response + ")"));
  }

  std::string Count(const std::string& sql) {
    std::string value;
    One(sql, &value);
    return value;
  }

  Session office_;
  std::vector<std::string> quota_;
  std::vector<std::string> students_;
  std::string unit_;
};

TEST_F(ApplicationRetentionApi, TheRunDeletesUnplacedApplicationsAndTheDemandOverTheYearsStays) {
  std::string old_call, old_offer, new_call, new_offer, placed, unplaced, draft, later, run;
  ASSERT_NO_FATAL_FAILURE(AddCall(2180, &old_call, &old_offer));
  ASSERT_NO_FATAL_FAILURE(AddCall(2181, &new_call, &new_offer));
  ASSERT_NO_FATAL_FAILURE(Apply(old_call, students_[0], old_offer, "checked", &placed));
  ASSERT_NO_FATAL_FAILURE(Apply(old_call, students_[1], old_offer, "checked", &unplaced));
  ASSERT_NO_FATAL_FAILURE(Apply(old_call, students_[2], old_offer, "draft", &draft));
  ASSERT_NO_FATAL_FAILURE(Apply(new_call, students_[1], new_offer, "checked", &later));
  ASSERT_NO_FATAL_FAILURE(Publish(old_call, &run));
  ASSERT_NO_FATAL_FAILURE(Result(run, placed, old_offer, "'accepted'"));
  ASSERT_NO_FATAL_FAILURE(Result(run, unplaced, "NULL", "NULL"));

  // Nothing is due while the later call has no published results.
  ApiClient office(office_);
  Response ran = office.Post(kRetention + "/run", Json::object());
  ASSERT_TRUE(IsJson(ran, 200)) << ran;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE call_id = " + old_call), "3");

  std::string later_run;
  ASSERT_NO_FATAL_FAILURE(Publish(new_call, &later_run));

  const std::string years =
      Query("/api/v1/exchange/demand",
            {{"org_unit_id", unit_}, {"from_year", "2180/2181"}, {"to_year", "2181/2182"}});
  const Response before = Api().Get(years);
  ASSERT_TRUE(IsJson(before, 200)) << before;
  ASSERT_EQ(before.json["partners"].size(), 1u) << before;
  ASSERT_EQ(before.json["partners"][0]["years"][0]["first_preference"], 2) << before;
  ASSERT_EQ(before.json["partners"][0]["years"][0]["placed"], 1) << before;
  const Response call_before = Api().Get("/api/v1/calls/" + old_call + "/demand");
  ASSERT_TRUE(IsJson(call_before, 200)) << call_before;
  ran = office.Post(kRetention + "/run", Json::object());
  ASSERT_TRUE(IsJson(ran, 200)) << ran;
  bool purged = false;
  for (const auto& call : ran.json["calls"]) {
    if (std::to_string(call["call_id"].get<long long>()) == old_call) {
      purged = true;
      EXPECT_EQ(call["applications"], 3) << call;
      EXPECT_EQ(call["deleted"], 2) << call;
      EXPECT_EQ(call["kept"], 1) << call;
    }
  }
  EXPECT_TRUE(purged) << ran;
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE call_id = " + old_call), "1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE id = " + placed), "1");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM allocation_results WHERE application_id IN (" + unplaced +
                  ", " + draft + ")"),
            "0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM application_preferences WHERE application_id IN (" +
                  unplaced + ", " + draft + ")"),
            "0");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE call_id = " + new_call), "1");
  EXPECT_TRUE(IsError(Api().Get("/api/v1/applications/" + unplaced), 404, "not_found"));

  const Response after = Api().Get(years);
  ASSERT_TRUE(IsJson(after, 200)) << after;
  EXPECT_EQ(after.json, before.json);
  const Response call_after = Api().Get("/api/v1/calls/" + old_call + "/demand");
  ASSERT_TRUE(IsJson(call_after, 200)) << call_after;
  EXPECT_EQ(call_after.json, call_before.json);

  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries("entity_type=applications", &entries));
  bool audited = false;
  for (const Json& entry : entries) {
    if (Str(entry, "action") == "retention" &&
        entry["after"]["calls"].dump().find("\"call_id\":" + old_call) != std::string::npos) {
      audited = true;
      EXPECT_EQ(entry["after"].dump().find("Interview"), std::string::npos) << entry.dump();
    }
  }
  EXPECT_TRUE(audited) << "the retention run must be audited";
}

TEST_F(ApplicationRetentionApi, TheScheduleIsTheOfficesWithIfMatchAndBounds) {
  ApiClient office(office_);
  const Response read = office.Get(kRetention);
  ASSERT_TRUE(IsJson(read, 200)) << read;
  const long long version = read.json["version"].get<long long>();
  EXPECT_TRUE(IsError(office.Put(kRetention, Json{{"months_after_later_results", 6}}, version + 1),
                      412, "precondition_failed"));
  EXPECT_TRUE(IsError(office.Put(kRetention, Json{{"months_after_later_results", 121}}, version),
                      422, "validation_failed", "months_after_later_results"));
  EXPECT_TRUE(IsError(office.Put(kRetention, Json{{"months_after_later_results", -1}}, version),
                      422, "validation_failed", "months_after_later_results"));
  const Response set = office.Put(kRetention, Json{{"months_after_later_results", 6}}, version);
  ASSERT_TRUE(IsJson(set, 200)) << set;
  EXPECT_EQ(set.json["months_after_later_results"], 6);
  EXPECT_EQ(set.json["version"], version + 1);
  // Back to the default, for the other tests.
  const Response reset =
      office.Put(kRetention, Json{{"months_after_later_results", 0}}, version + 1);
  ASSERT_TRUE(IsJson(reset, 200)) << reset;
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  EXPECT_TRUE(IsError(ApiClient(student).Get(kRetention), 403, "forbidden"));
}

// A student's applications are in their account's data export; the erasure keeps the
// application for the counts and takes the office's notes out.
TEST_F(ApplicationRetentionApi, ApplicationsAreInTheDataExportAndLoseTheirNotesOnErasure) {
  std::string call, offer, application, run;
  ASSERT_NO_FATAL_FAILURE(AddCall(2185, &call, &offer));
  // A student of her own, linked to her account (the shared database's students apply elsewhere).
  Account carla;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &carla));
  std::string programme;
  ASSERT_NO_FATAL_FAILURE(One("SELECT id FROM programmes ORDER BY id LIMIT 1", &programme));
  const Response made =
      Api().Post("/api/v1/students", {{"matriculation_number", std::to_string(7000000 + carla.id)},
                                      {"family_name", "Retention"},
                                      {"given_name", "Carla"},
                                      {"email", carla.email},
                                      {"programme_id", std::stoll(programme)},
                                      {"study_semester", 5},
                                      {"grade_average", 2.0},
                                      {"user_id", carla.id}});
  ASSERT_TRUE(IsJson(made, 201)) << made;
  const std::string student = std::to_string(IdOf(made.json));
  ASSERT_NO_FATAL_FAILURE(Apply(call, student, offer, "checked", &application));
  ASSERT_NO_FATAL_FAILURE(Publish(call, &run));
  ASSERT_NO_FATAL_FAILURE(Result(run, application, offer, "'declined'"));

  const Response data = ApiClient(carla.session).Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200)) << data;
  const Json& mine = data.json["records"]["applications"];
  ASSERT_TRUE(mine.is_array()) << data;
  ASSERT_EQ(mine.size(), 1u) << data;
  EXPECT_EQ(std::to_string(mine[0]["call"]["id"].get<long long>()), call);
  EXPECT_EQ(mine[0]["call"]["academic_year"], "2185/2186");
  EXPECT_EQ(std::to_string(IdOf(mine[0]["application"])), application);
  EXPECT_EQ(mine[0]["application"]["status"], "checked");
  ASSERT_EQ(mine[0]["application"]["preferences"].size(), 1u);
  EXPECT_EQ(mine[0]["result"]["response"], "declined") << mine.dump();
  EXPECT_EQ(mine[0]["result"]["preference_rank"], 1) << mine.dump();
  const std::string account = "/api/v1/users/" + std::to_string(carla.id);
  const Response staff_view = Api().Get(account + "/data");
  ASSERT_TRUE(IsJson(staff_view, 200)) << staff_view;
  EXPECT_EQ(staff_view.json["records"]["applications"], mine);
  const Response office_data = Api().Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(office_data, 200)) << office_data;
  EXPECT_TRUE(office_data.json["records"]["applications"].is_null());

  // A planned stay's host and city (a funding call's; set here on the same row) go too.
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "UPDATE applications SET stay_host = 'Hopital Edouard Herriot', stay_city = 'Lyon' WHERE "
      "id = " +
      application));
  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk(account, &user));
  ASSERT_TRUE(IsJson(
      Api().Post(account + "/erasure", Json::object(), {{"If-Match", Quoted(VersionOf(user))}}),
      200));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM applications WHERE id = " + application +
                  " AND office_note IS NULL AND completeness_note IS NULL AND stay_host IS NULL "
                  "AND stay_city IS NULL"),
            "1");
  // The record stays for the counts, pseudonymised; the office still reads it (and the list).
  Json kept;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/students/" + student, &kept));
  EXPECT_EQ(Str(kept, "matriculation_number"), "erased-" + student) << kept;
  EXPECT_TRUE(kept["user_id"].is_null()) << kept;
  EXPECT_TRUE(IsJson(Api().Get(Query("/api/v1/students", {{"q", "erased-" + student}})), 200));
  const Response erased = Api().Get(account + "/data");
  ASSERT_TRUE(IsJson(erased, 200)) << erased;
  EXPECT_TRUE(erased.json["records"]["applications"].is_null()) << erased;
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries("entity_type=applications", &entries));
  bool audited = false;
  for (const Json& entry : entries) {
    audited = audited || (Str(entry, "action") == "erase" &&
                          entry.value("entity_id", Json()) == Json(student));
  }
  EXPECT_TRUE(audited) << "the erasure of the applications' notes must be audited";
}

}  // namespace
}  // namespace weltcampus::api_test
