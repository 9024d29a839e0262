#pragma once

// The allocation's API tests (allocation_runs_test.cpp, objections_test.cpp) write calls, offers
// and applications straight into the database: a call whose application period lies in the past
// cannot be made through the API.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {

inline std::vector<std::string> Rows(const std::string& text) {
  std::vector<std::string> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      rows.push_back(line);
    }
  }
  return rows;
}

inline std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells;
  std::istringstream in(line);
  for (std::string cell; std::getline(in, cell, '|');) {
    cells.push_back(cell);
  }
  return cells;
}

// The first column of the last row SQL answers.
inline void SqlOne(const std::string& sql, std::string* value) {
  std::string output;
  ASSERT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  const auto rows = Rows(output);
  ASSERT_FALSE(rows.empty()) << sql << " answered nothing";
  *value = Cells(rows.back()).at(0);
}

inline const std::string kNow = "'2026-12-03T12:00:00Z'";

class AllocationApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student_));
    ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office_));
    ASSERT_NO_FATAL_FAILURE(DemoSession("coordinator", &coordinator_));
    std::string quota_row;
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "SELECT q.id, q.agreement_id, a.partnership_id FROM quotas q JOIN agreements a ON a.id = "
        "q.agreement_id WHERE q.direction = 'outgoing' ORDER BY q.id LIMIT 1",
        &quota_row));
    const auto rows = Rows(quota_row);
    ASSERT_FALSE(rows.empty()) << "the demo has no outgoing quota";
    quota_ = Cells(rows.back());
    ASSERT_EQ(quota_.size(), 3u) << quota_row;
    ASSERT_NO_FATAL_FAILURE(
        SqlOne("SELECT s.id FROM students s JOIN users u ON u.id = s.user_id "
               "WHERE u.email = " +
                   SqlText(DemoEmail("student")),
               &student_id_));
    ASSERT_NO_FATAL_FAILURE(
        SqlOne("SELECT org_unit_id FROM programmes ORDER BY id LIMIT 1", &unit_));
  }

  // A call whose applications closed in 2001, with places to accept until 2999, graded alone.
  void AddCall(const std::string& closes, std::string* id) {
    ASSERT_NO_FATAL_FAILURE(SqlOne(
        "INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
        "applications_close, selection_by, publication_on, accept_by, nomination_by, "
        "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
        "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (2027, " +
            unit_ + ", 'places', " + SqlText(Unique("Run call")) + ", '2000-01-01', '" + closes +
            "', '2999-12-20', '2999-12-30', '2999-12-31', '2999-12-31', 2, 7, 100, 0, 0, 10, '', "
            "1, " +
            kNow + ", " + kNow + ") RETURNING id",
        id));
  }

  void AddOffer(const std::string& call, std::string* id) {
    ASSERT_NO_FATAL_FAILURE(SqlOne(
        "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, partner_name, "
        "term, places, extra_places, months_per_place, eqf_levels, language, cefr_level, "
        "requires_first_state_exam, version, created_at, updated_at) VALUES (" +
            call + ", " + quota_[0] + ", " + quota_[1] + ", " + quota_[2] +
            ", 'Partner', 'winter', 1, 0, 5, '', NULL, NULL, 0, 1, " + kNow + ", " + kNow +
            ") RETURNING id",
        id));
  }

  // An application of the student in the call, ranking the offers, with this status.
  void AddApplication(const std::string& call, const std::string& student,
                      const std::vector<std::string>& offers, const std::string& status,
                      std::string* id) {
    ASSERT_NO_FATAL_FAILURE(
        SqlOne("INSERT INTO applications (call_id, student_id, status, score, version, "
               "created_at, updated_at) VALUES (" +
                   call + ", " + student + ", '" + status + "', 0, 1, " + kNow + ", " + kNow +
                   ") RETURNING id",
               id));
    for (size_t i = 0; i < offers.size(); ++i) {
      ASSERT_NO_FATAL_FAILURE(ExecSql(
          "INSERT INTO application_preferences (application_id, position, offer_id) VALUES (" +
          *id + ", " + std::to_string(i + 1) + ", " + offers[i] + ")"));
    }
  }

  // A student record linked to the account (POST /api/v1/students), in the first programme: its id.
  void StudentRecordOf(const Account& account, const std::string& family_name, double grade,
                       std::string* id) {
    std::string programme;
    ASSERT_NO_FATAL_FAILURE(SqlOne("SELECT id FROM programmes ORDER BY id LIMIT 1", &programme));
    static long long counter = 0;
    const long long number = 6000000 + (account.id * 100 + ++counter % 100) % 1000000;
    const Response created =
        Api().Post("/api/v1/students", {{"matriculation_number", std::to_string(number)},
                                        {"family_name", family_name},
                                        {"given_name", "Greta"},
                                        {"email", account.email},
                                        {"programme_id", std::stoll(programme)},
                                        {"study_semester", 5},
                                        {"grade_average", grade},
                                        {"user_id", account.id}});
    ASSERT_TRUE(IsJson(created, 201)) << created;
    *id = std::to_string(IdOf(created.json));
  }

  // A run's steps as the office and the committee take them: started by the office, signed off
  // by the demo coordinator (another person), published by the office; each the run as answered.
  void StartRun(const std::string& call, Json* run) {
    const Response started = ApiClient(office_).Post(Runs(call), Json::object());
    ASSERT_TRUE(IsJson(started, 201)) << started;
    *run = started.json;
  }
  void SignOff(Json* run) {
    const Response signed_off =
        ApiClient(coordinator_)
            .Post(Run(IdOf(*run)) + "/sign-off", Json::object(), IfMatch(VersionOf(*run)));
    ASSERT_TRUE(IsJson(signed_off, 200)) << signed_off;
    *run = signed_off.json;
  }
  void Publish(Json* run) {
    const Response published = ApiClient(office_).Post(Run(IdOf(*run)) + "/publish", Json::object(),
                                                       IfMatch(VersionOf(*run)));
    ASSERT_TRUE(IsJson(published, 200)) << published;
    *run = published.json;
  }

  // Another student without an account.
  void OtherStudent(std::string* id) {
    ASSERT_NO_FATAL_FAILURE(
        SqlOne("SELECT id FROM students WHERE user_id IS NULL ORDER BY id LIMIT 1", id));
  }

  static std::string Runs(const std::string& call) {
    return "/api/v1/calls/" + call + "/allocation-runs";
  }
  static std::string Run(long long id) { return "/api/v1/allocation-runs/" + std::to_string(id); }
  static std::string Mine(const std::string& call) {
    return "/api/v1/calls/" + call + "/my-application";
  }
  static Headers IfMatch(long long version) { return {{"If-Match", Quoted(version)}}; }

  Session student_, office_, coordinator_;
  std::vector<std::string> quota_;
  std::string student_id_, unit_;
};

}  // namespace weltcampus::api_test
