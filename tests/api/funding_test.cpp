// Funding-only calls (issue 10, item 6): a student describes the stay they organise themselves in
// their application to a traineeship call (the same my-application routes as a call for places),
// Erasmus+'s rules say whether it can be funded, and the office's run ranks the checked
// applications by the call's score and grants days (30/360) in rank order within the call's budget
// of funded months; sign-off, publication and the students' answers as for places, and a later
// round gives the days declined back to those not yet funded.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// The first column of each row SQL answers.
void FundSqlColumn(const std::string& sql, std::vector<std::string>* values) {
  std::string output;
  ASSERT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) {
      values->push_back(line.substr(0, line.find('|')));
    }
  }
  ASSERT_FALSE(values->empty()) << sql << " answered nothing";
}

void FundSqlValue(const std::string& sql, std::string* value) {
  std::vector<std::string> values;
  ASSERT_NO_FATAL_FAILURE(FundSqlColumn(sql, &values));
  *value = values.back();
}

const std::string kStamp = "'2026-12-03T12:00:00Z'";

Json Stay(const std::string& category, const std::string& from, const std::string& to) {
  return {{"category", category}, {"host", "Hospices Civils de Lyon"},
          {"city", "Lyon"},       {"country", "FR"},
          {"starts_on", from},    {"ends_on", to}};
}

class FundingApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student_));
    ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office_));
    ASSERT_NO_FATAL_FAILURE(DemoSession("coordinator", &coordinator_));
    ASSERT_NO_FATAL_FAILURE(
        FundSqlValue("SELECT s.id FROM students s JOIN users u ON u.id = s.user_id WHERE u.email = " +
                     SqlText(DemoEmail("student")),
                 &student_id_));
    ASSERT_NO_FATAL_FAILURE(
        FundSqlValue("SELECT org_unit_id FROM programmes ORDER BY id LIMIT 1", &unit_));
  }

  // A call of 2027/2028 ranked by committee points alone, with `months` funded; its applications
  // close on `closes`, its places are answered until 2999.
  void AddCall(const std::string& kind, const std::string& closes, const std::string& months,
               std::string* id) {
    ASSERT_NO_FATAL_FAILURE(FundSqlValue(
        "INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
        "applications_close, selection_by, publication_on, accept_by, nomination_by, "
        "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
        "committee_points_max, tie_rules, funded_months, version, created_at, updated_at) VALUES "
        "(2027, " +
            unit_ + ", '" + kind + "', " + SqlText(Unique("Traineeships")) + ", '2000-01-01', '" +
            closes +
            "', '2999-12-20', '2999-12-30', '2999-12-31', '2999-12-31', 3, 7, 0, 0, 100, 10, '', " +
            months + ", 1, " + kStamp + ", " + kStamp + ") RETURNING id",
        id));
  }

  // A checked application planning a clinical elective from `from` to `to` (`days` as Erasmus
  // counts them), with committee points.
  void AddChecked(const std::string& call, const std::string& student, const std::string& from,
                  const std::string& to, int days, int points, std::string* id) {
    ASSERT_NO_FATAL_FAILURE(FundSqlValue(
        "INSERT INTO applications (call_id, student_id, status, committee_points, score, "
        "stay_category, stay_host, stay_city, stay_country, stay_starts_on, stay_ends_on, "
        "stay_days, version, created_at, updated_at) VALUES (" +
            call + ", " + student + ", 'checked', " + std::to_string(points) + ", " +
            std::to_string(points * 10) + ", 'clinical_elective', 'Hospital', 'Porto', 'PT', '" +
            from + "', '" + to + "', " + std::to_string(days) + ", 1, " + kStamp + ", " + kStamp +
            ") RETURNING id",
        id));
  }

  // Students without an account, in a single-cycle programme, with no stay abroad and no end of
  // enrolment: every Erasmus month left.
  void FreshStudents(std::vector<std::string>* ids) {
    ASSERT_NO_FATAL_FAILURE(FundSqlColumn(
        "SELECT s.id FROM students s JOIN programmes p ON p.id = s.programme_id WHERE s.user_id "
        "IS NULL AND s.enrolled_until IS NULL AND p.single_cycle = 1 AND NOT EXISTS (SELECT 1 "
        "FROM student_stays_abroad a WHERE a.student_id = s.id) ORDER BY s.id LIMIT 2",
        ids));
    ASSERT_EQ(ids->size(), 2u);
  }

  static std::string Mine(const std::string& call) {
    return "/api/v1/calls/" + call + "/my-application";
  }
  static std::string Runs(const std::string& call) {
    return "/api/v1/calls/" + call + "/allocation-runs";
  }
  static std::string Run(long long id) { return "/api/v1/allocation-runs/" + std::to_string(id); }
  static Headers IfMatch(long long version) { return {{"If-Match", Quoted(version)}}; }

  // Runs, signs off and publishes the call's next round; answers the published run.
  void RunAndPublish(const std::string& call, Json* published) {
    ApiClient office(office_);
    ApiClient coordinator(coordinator_);
    const Response started = office.Post(Runs(call), Json::object());
    ASSERT_TRUE(IsJson(started, 201)) << started;
    const long long id = IdOf(started.json);
    const Response signed_off =
        coordinator.Post(Run(id) + "/sign-off", Json::object(), IfMatch(VersionOf(started.json)));
    ASSERT_TRUE(IsJson(signed_off, 200)) << signed_off;
    const Response done =
        office.Post(Run(id) + "/publish", Json::object(), IfMatch(VersionOf(signed_off.json)));
    ASSERT_TRUE(IsJson(done, 200)) << done;
    *published = done.json;
  }

  // The results of a run by application id: the funding facts.
  void FundingOf(long long run, std::map<std::string, Json>* by_application) {
    const Response results = ApiClient(office_).Get(Run(run) + "/results?limit=100");
    ASSERT_TRUE(IsJson(results, 200)) << results;
    for (const auto& result : results.json["items"]) {
      ASSERT_FALSE(result["funding"].is_null()) << result;
      EXPECT_TRUE(result["offer"].is_null()) << result;
      (*by_application)[result["application_id"].dump()] = result["funding"];
    }
  }

  Session student_, office_, coordinator_;
  std::string student_id_, unit_;
};

TEST_F(FundingApi, AStudentPlansAStayAndSubmitsItWhenErasmusCanFundIt) {
  std::string call;
  ASSERT_NO_FATAL_FAILURE(AddCall("funding", "2999-01-31", "60", &call));
  ApiClient student(student_);

  // Preferences, or both, are refused for a funding call; nothing is written.
  EXPECT_TRUE(IsError(student.Put(Mine(call), {{"preferences", Json::array()}}, std::nullopt), 422,
                      "validation_failed", "stay"));
  EXPECT_TRUE(IsError(student.Put(Mine(call),
                                  {{"preferences", Json::array()},
                                   {"stay", Stay("clinical_elective", "2028-03-01", "2028-04-30")}},
                                  std::nullopt),
                      422, "validation_failed", "stay"));
  auto bad = Stay("clinical_elective", "2028-03-01", "2028-04-30");
  bad["country"] = "XX";
  EXPECT_TRUE(IsError(student.Put(Mine(call), {{"stay", bad}}, std::nullopt), 422,
                      "validation_failed", "stay.country"));
  bad = Stay("clinical_elective", "2028-03-01", "2028-02-28");
  EXPECT_TRUE(IsError(student.Put(Mine(call), {{"stay", bad}}, std::nullopt), 422,
                      "validation_failed", "stay.ends_on"));
  Response read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  EXPECT_TRUE(read.json["application"].is_null());
  EXPECT_EQ(read.json["offers"].size(), 0u);
  EXPECT_TRUE(read.json["stay_eligibility"].is_null());

  // A half tertial (8 weeks) is saved, told why Erasmus+ cannot fund it, and not submitted.
  Response saved = student.Put(
      Mine(call), {{"stay", Stay("final_year_tertial", "2028-03-06", "2028-04-30")}}, std::nullopt);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  EXPECT_EQ(saved.json["application"]["stay"]["days"], 55);
  EXPECT_EQ(saved.json["application"]["stay"]["country"], "FR");
  Json eligibility = saved.json["stay_eligibility"];
  EXPECT_FALSE(eligibility["eligible"].get<bool>());
  ASSERT_EQ(eligibility["reasons"].size(), 1u) << eligibility;
  EXPECT_EQ(eligibility["reasons"][0]["code"], "stay_length");
  EXPECT_NE(eligibility["reasons"][0]["message"].get<std::string>().find("half tertial of 8 weeks"),
            std::string::npos);
  long long version = saved.json["application"]["version"];
  EXPECT_TRUE(IsError(student.Post(Mine(call) + "/submit", Json::object(), IfMatch(version)), 422,
                      "validation_failed", "stay"));

  // A whole tertial of 16 weeks: 110 days, 3.67 months; submitted.
  saved = student.Put(Mine(call),
                      {{"stay", Stay("final_year_tertial", "2028-03-06", "2028-06-25")}}, version);
  ASSERT_TRUE(IsJson(saved, 200)) << saved;
  eligibility = saved.json["stay_eligibility"];
  EXPECT_TRUE(eligibility["eligible"].get<bool>()) << eligibility;
  EXPECT_EQ(eligibility["days"], 110);
  EXPECT_EQ(eligibility["months"], 3.67);
  version = saved.json["application"]["version"];
  const Response submitted = student.Post(Mine(call) + "/submit", Json::object(), IfMatch(version));
  ASSERT_TRUE(IsJson(submitted, 200)) << submitted;
  EXPECT_EQ(submitted.json["application"]["status"], "submitted");

  // A call for places takes no stay.
  std::string places;
  ASSERT_NO_FATAL_FAILURE(AddCall("places", "2999-01-31", "NULL", &places));
  EXPECT_TRUE(IsError(
      student.Put(Mine(places), {{"stay", Stay("clinical_elective", "2028-03-01", "2028-04-30")}},
                  std::nullopt),
      422, "validation_failed", "preferences"));
}

TEST_F(FundingApi, ARunGrantsWithinTheBudgetAndARoundGivesDeclinedDaysToTheNext) {
  std::string call, mine, second, third;
  std::vector<std::string> others;
  ASSERT_NO_FATAL_FAILURE(FreshStudents(&others));
  ASSERT_NO_FATAL_FAILURE(AddCall("funding", "2001-01-31", "5", &call));  // 150 days
  // Ranked by committee points: Stefan (110 days), then 90 days, then 60 days.
  ASSERT_NO_FATAL_FAILURE(
      AddChecked(call, student_id_, "2028-03-06", "2028-06-25", 110, 10, &mine));
  ASSERT_NO_FATAL_FAILURE(AddChecked(call, others[0], "2028-03-01", "2028-05-30", 90, 8, &second));
  ASSERT_NO_FATAL_FAILURE(AddChecked(call, others[1], "2028-03-01", "2028-04-30", 60, 5, &third));
  ApiClient office(office_);
  ApiClient student(student_);

  const Response started = office.Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(started, 201)) << started;
  const long long first_run = IdOf(started.json);
  EXPECT_EQ(started.json["applicants"], 3);
  EXPECT_EQ(started.json["placed"], 1);
  EXPECT_EQ(started.json["funding"]["budget_days"], 150);
  EXPECT_EQ(started.json["funding"]["days_granted"], 110);
  EXPECT_EQ(started.json["funding"]["days_left"], 40);
  std::map<std::string, Json> round1;
  ASSERT_NO_FATAL_FAILURE(FundingOf(first_run, &round1));
  ASSERT_EQ(round1.size(), 3u);
  EXPECT_EQ(round1[mine]["status"], "funded");
  EXPECT_EQ(round1[mine]["rank"], 1);
  EXPECT_EQ(round1[mine]["days_granted"], 110);
  // 40 days left are fewer than the 60 a traineeship needs: the budget is spent at Stefan's score.
  EXPECT_EQ(round1[second]["status"], "budget_spent");
  EXPECT_EQ(round1[second]["days_granted"], 0);
  EXPECT_EQ(round1[second]["cutoff"], 100.0);
  EXPECT_EQ(round1[third]["status"], "budget_spent");
  const Response unfunded = office.Get(Run(first_run) + "/results?placed=false");
  ASSERT_TRUE(IsJson(unfunded, 200)) << unfunded;
  EXPECT_EQ(unfunded.json["total"], 2);

  const Response input = office.Get(Run(first_run) + "/input");
  ASSERT_TRUE(IsJson(input, 200)) << input;
  EXPECT_EQ(input.json["budget_days"], 150);
  ASSERT_EQ(input.json["applicants"].size(), 3u);
  const Response repeated = office.Post(Run(first_run) + "/repeat", Json::object());
  ASSERT_TRUE(IsJson(repeated, 200)) << repeated;
  EXPECT_EQ(repeated.json["identical"], true);
  // A funding run has no places to add.
  EXPECT_TRUE(IsError(office.Post(Run(first_run) + "/what-if", {{"offer_id", 1}, {"places", 1}}),
                      422, "validation_failed"));

  // A second run of the round gives the same result.
  const Response again = office.Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(again, 201)) << again;
  std::map<std::string, Json> repeat1;
  ASSERT_NO_FATAL_FAILURE(FundingOf(IdOf(again.json), &repeat1));
  for (const auto& [application, funding] : round1) {
    EXPECT_EQ(repeat1[application]["days_granted"], funding["days_granted"]) << application;
    EXPECT_EQ(repeat1[application]["rank"], funding["rank"]) << application;
  }

  Json published;
  ASSERT_NO_FATAL_FAILURE(RunAndPublish(call, &published));
  Response read = student.Get(Mine(call));
  ASSERT_TRUE(IsJson(read, 200)) << read;
  const Json result = read.json["result"];
  ASSERT_FALSE(result.is_null()) << read;
  EXPECT_TRUE(result["offer"].is_null());
  EXPECT_EQ(result["funding"]["months_granted"], 3.67);
  EXPECT_TRUE(result["can_respond"].get<bool>());
  const Response declined = student.Post(Mine(call) + "/decline", Json::object());
  ASSERT_TRUE(IsJson(declined, 200)) << declined;
  EXPECT_EQ(declined.json["result"]["response"], "declined");
  EXPECT_TRUE(IsError(student.Post(Mine(call) + "/accept", Json::object()), 422,
                      "validation_failed", "response"));

  // An objection to a funding result, as to a place: the office reads it, with no partner.
  ASSERT_TRUE(read.json["objections"].is_object()) << read;
  EXPECT_TRUE(read.json["objections"]["can_object"].get<bool>());
  const Response objected =
      student.Post(Mine(call) + "/objection", {{"text", "My stay is longer than counted."}});
  ASSERT_TRUE(IsJson(objected, 200)) << objected;
  ASSERT_EQ(objected.json["objections"]["items"].size(), 1u) << objected;
  const Response objections = office.Get(Run(IdOf(published)) + "/objections");
  ASSERT_TRUE(IsJson(objections, 200)) << objections;
  ASSERT_EQ(objections.json["items"].size(), 1u) << objections;
  EXPECT_EQ(objections.json["items"][0]["application_id"].dump(), mine);
  EXPECT_TRUE(objections.json["items"][0]["partner_name"].is_null()) << objections;
  EXPECT_TRUE(objections.json["items"][0]["preference_rank"].is_null()) << objections;

  // Round 2 after the last day to answer (set back here): the 110 declined days go back to the
  // budget, for those not yet funded: 90 and then 60 days, the whole 150.
  EXPECT_TRUE(
      IsError(office.Post(Runs(call), Json::object()), 422, "validation_failed", "accept_by"));
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "UPDATE allocation_runs SET accept_by = '2001-02-01' WHERE id = " + published["id"].dump()));
  const Response round2 = office.Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(round2, 201)) << round2;
  EXPECT_EQ(round2.json["round"], 2);
  EXPECT_EQ(round2.json["applicants"], 2);
  EXPECT_EQ(round2.json["funding"]["budget_days"], 150);
  EXPECT_EQ(round2.json["funding"]["days_granted"], 150);
  std::map<std::string, Json> second_round;
  ASSERT_NO_FATAL_FAILURE(FundingOf(IdOf(round2.json), &second_round));
  ASSERT_EQ(second_round.size(), 2u);
  EXPECT_EQ(second_round[second]["days_granted"], 90);
  EXPECT_EQ(second_round[second]["rank"], 1);
  EXPECT_EQ(second_round[third]["days_granted"], 60);
  EXPECT_EQ(second_round[third]["status"], "funded");
}

TEST_F(FundingApi, AnIneligibleStayIsRankedNowhereAndSaysWhy) {
  std::string call, mine;
  ASSERT_NO_FATAL_FAILURE(AddCall("funding", "2001-01-31", "12", &call));
  // Checked before its stay was shortened to 59 days (1 March to 29 April).
  ASSERT_NO_FATAL_FAILURE(AddChecked(call, student_id_, "2028-03-02", "2028-04-30", 59, 10, &mine));
  const Response started = ApiClient(office_).Post(Runs(call), Json::object());
  ASSERT_TRUE(IsJson(started, 201)) << started;
  EXPECT_EQ(started.json["placed"], 0);
  std::map<std::string, Json> results;
  ASSERT_NO_FATAL_FAILURE(FundingOf(IdOf(started.json), &results));
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[mine]["status"], "not_eligible");
  EXPECT_TRUE(results[mine]["rank"].is_null());
  ASSERT_EQ(results[mine]["reasons"].size(), 1u);
  EXPECT_EQ(results[mine]["reasons"][0]["code"], "stay_length");
}

}  // namespace
}  // namespace weltcampus::api_test
