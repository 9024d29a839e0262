// The demo's allocation history (issue 10, item 11) and the export of a run's results (item 10):
// the school profile's call of this academic year has a published round-1 run whose places were
// answered (accepted, declined, lapsed) and a published round-2 run in which the demo student
// (Stefan, by account) holds a place he can still accept or decline; the results export as CSV
// with the rows of the JSON list, a coordinator's within their scope.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// The CSV's lines without the header (names hold no line breaks).
std::vector<std::string> CsvRows(const std::string& body) {
  std::vector<std::string> rows;
  std::istringstream in(body);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    if (!line.empty() && line != "\r") {
      rows.push_back(line);
    }
  }
  return rows;
}

void AllResults(ApiClient& client, long long run, std::vector<Json>* items) {
  items->clear();
  std::string cursor;
  for (int page = 0; page < 100; ++page) {
    std::map<std::string, std::string> query = {{"limit", "200"}};
    if (!cursor.empty()) {
      query["cursor"] = cursor;
    }
    const Response answer =
        client.Get(Query("/api/v1/allocation-runs/" + std::to_string(run) + "/results", query));
    ASSERT_TRUE(IsJson(answer, 200)) << answer;
    for (const auto& item : answer.json["items"]) {
      items->push_back(item);
    }
    if (answer.json["next_cursor"].is_null()) {
      return;
    }
    cursor = answer.json["next_cursor"].get<std::string>();
  }
  FAIL() << "more than 100 pages of results";
}

class AllocationDemo : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student_));
    ApiClient student(student_);
    std::vector<Json> calls;
    ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/calls", 100, &calls));
    // The demo's calls by their title: other tests add calls in which the demo student applies.
    int with_result = 0;
    for (const auto& call : calls) {
      if (Str(call, "kind") != "places" ||
          Str(call, "title").rfind("Erasmus+ and exchange places ", 0) != 0) {
        continue;
      }
      const Response mine =
          student.Get("/api/v1/calls/" + std::to_string(IdOf(call)) + "/my-application");
      ASSERT_TRUE(IsJson(mine, 200)) << mine;
      if (mine.json["result"].is_object()) {
        ++with_result;
        call_ = IdOf(call);
        mine_ = mine.json;
      }
    }
    ASSERT_EQ(with_result, 1) << "the demo student has a published result in one demo call";
    const Response runs = Api().Get("/api/v1/calls/" + std::to_string(call_) + "/allocation-runs");
    ASSERT_TRUE(IsJson(runs, 200)) << runs;
    for (const auto& run : runs.json["items"]) {
      if (Str(run, "status") == "published") {
        (run["round"] == 1 ? first_ : second_) = IdOf(run);
      }
    }
    ASSERT_NE(first_, 0) << runs;
    ASSERT_NE(second_, 0) << runs;
  }

  Session student_;
  long long call_ = 0, first_ = 0, second_ = 0;
  Json mine_;
};

TEST_F(AllocationDemo, StefanHoldsAPlaceOfRoundTwoHeCanStillAnswer) {
  const Json& result = mine_["result"];
  EXPECT_EQ(result["round"], 2) << result;
  EXPECT_EQ(result["run_id"], second_) << result;
  EXPECT_TRUE(result["offer"].is_object()) << result;
  EXPECT_TRUE(result["response"].is_null()) << result;
  EXPECT_EQ(result["can_respond"], true) << result;
  EXPECT_EQ(Str(mine_["application"], "status"), "checked");
}

TEST_F(AllocationDemo, RoundOnesPlacesWereAcceptedDeclinedAndLapsedByDifferentPeopleSignedOff) {
  std::vector<Json> results;
  ASSERT_NO_FATAL_FAILURE(AllResults(Api(), first_, &results));
  std::set<std::string> answers;
  for (const auto& result : results) {
    if (result["offer"].is_object()) {
      answers.insert(result["response"].is_null() ? "open" : Str(result, "response"));
    }
  }
  EXPECT_EQ(answers, (std::set<std::string>{"accepted", "declined", "lapsed"}));
  for (const long long id : {first_, second_}) {
    Json run;
    ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/allocation-runs/" + std::to_string(id), &run));
    EXPECT_FALSE(run["signed_off_by"].is_null()) << run;
    EXPECT_NE(run["signed_off_by"], run["created_by"]) << run;
  }
}

TEST_F(AllocationDemo, TheResultsExportHasTheListsRowsWithinACoordinatorsScope) {
  std::vector<Json> all;
  ASSERT_NO_FATAL_FAILURE(AllResults(Api(), first_, &all));
  ASSERT_GT(all.size(), 10u);
  const std::string path = "/api/v1/allocation-runs/" + std::to_string(first_) + "/results";
  const Response csv = Api().Get(path + "?format=csv");
  ASSERT_EQ(csv.status, 200) << csv;
  const auto rows = CsvRows(csv.body);
  ASSERT_EQ(rows.size(), all.size());
  for (const auto& result : all) {
    EXPECT_NE(csv.body.find(Str(result["student"], "matriculation_number")), std::string::npos);
  }
  const Response xlsx = Api().Get(path + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx;
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  // A coordinator of the first result's field sees and exports only results in that field.
  std::string field;
  {
    std::string output;
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "SELECT p.isced_code FROM applications a JOIN students s ON s.id = a.student_id JOIN "
        "programmes p ON p.id = s.programme_id WHERE a.id = " +
            std::to_string(all[0]["application_id"].get<long long>()),
        &output));
    field = output.substr(0, output.find('\n'));
  }
  ASSERT_FALSE(field.empty());
  Account scoped;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"coordinator"}, &scoped));
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE user_roles SET isced_code = " + SqlText(field) +
              " WHERE user_id = " + std::to_string(scoped.id) +
              "; UPDATE users SET version = version + 1 WHERE id = " + std::to_string(scoped.id)));
  ApiClient coordinator(scoped.session);
  std::vector<Json> theirs;
  ASSERT_NO_FATAL_FAILURE(AllResults(coordinator, first_, &theirs));
  ASSERT_GE(theirs.size(), 1u);
  ASSERT_LT(theirs.size(), all.size()) << "every applicant of the demo's run is in one field";
  const Response scoped_csv = coordinator.Get(path + "?format=csv");
  ASSERT_EQ(scoped_csv.status, 200) << scoped_csv;
  EXPECT_EQ(CsvRows(scoped_csv.body).size(), theirs.size());
  std::set<long long> seen;
  for (const auto& result : theirs) {
    seen.insert(result["application_id"].get<long long>());
    EXPECT_NE(scoped_csv.body.find(Str(result["student"], "matriculation_number")),
              std::string::npos);
  }
  for (const auto& result : all) {
    if (!seen.contains(result["application_id"].get<long long>())) {
      EXPECT_EQ(scoped_csv.body.find(Str(result["student"], "matriculation_number")),
                std::string::npos);
    }
  }
}

}  // namespace
}  // namespace weltcampus::api_test
