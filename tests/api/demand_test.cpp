// The demand for exchange places (issue 10, item 7) and what-ifs on a stored run (item 5). A call
// of its own (made in the database, as the applications' tests do: far in the future, so that no
// other call shares its unit's year) with two offers of one partnership, applications of known
// statuses and preferences, and a stored run over its checked applications: the counts, the
// run's placements, the demand over the years, the validation of every input, and who would move
// with more places.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

constexpr int kYear = 2190;  // AcademicYear takes 1950..2200

std::vector<std::vector<std::string>> Rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) {
      continue;
    }
    std::vector<std::string> columns;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, '|');) {
      columns.push_back(cell);
    }
    rows.push_back(columns);
  }
  return rows;
}

void Returning(const std::string& sql, std::string* id) {
  std::string output;
  ASSERT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  const auto rows = Rows(output);
  ASSERT_FALSE(rows.empty()) << sql;
  *id = rows.back().at(0);
}

class DemandApi : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    ASSERT_NO_FATAL_FAILURE(ExecSql(
        "SELECT q.id, q.agreement_id, a.partnership_id FROM quotas q JOIN agreements a ON a.id = "
        "q.agreement_id WHERE q.direction = 'outgoing' ORDER BY q.id LIMIT 1",
        &output));
    const auto quota = Rows(output);
    ASSERT_FALSE(quota.empty()) << "the demo has no outgoing quota";
    quota_ = quota.back();
    partnership_ = quota_.at(2);
    // A unit of its own for the demand over the years (no other call in it).
    ASSERT_NO_FATAL_FAILURE(
        Returning("INSERT INTO org_units (name, kind, version, created_at, updated_at) VALUES (" +
                      SqlText(Unique("Demand unit")) +
                      ", 'school', 1, '2026-12-03T12:00:00Z', '2026-12-03T12:00:00Z') RETURNING id",
                  &unit_));
    ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT id FROM students ORDER BY id LIMIT 5", &output));
    for (const auto& row : Rows(output)) {
      students_.push_back(row.at(0));
    }
    ASSERT_EQ(students_.size(), 5u) << "the demo has fewer than 5 students";

    const std::string now = "'2026-12-03T12:00:00Z'";
    ASSERT_NO_FATAL_FAILURE(Returning(
        "INSERT INTO calls (academic_year, org_unit_id, kind, title, applications_open, "
        "applications_close, selection_by, publication_on, accept_by, nomination_by, "
        "max_preferences, objection_days, weight_grade, weight_language, weight_committee, "
        "committee_points_max, tie_rules, version, created_at, updated_at) VALUES (" +
            std::to_string(kYear) + ", " + unit_ + ", 'places', " + SqlText(Unique("Demand")) +
            ", '2190-01-01', '2190-02-01', '2190-03-01', '2190-03-02', '2190-03-03', "
            "'2190-03-04', 2, 7, 50, 30, 20, 10, '', 1, " +
            now + ", " + now + ") RETURNING id",
        &call_));
    ASSERT_NO_FATAL_FAILURE(AddOffer("winter", &a_));
    ASSERT_NO_FATAL_FAILURE(AddOffer("summer", &b_));
    // Counted: checked and submitted; the draft is not.
    ASSERT_NO_FATAL_FAILURE(Apply(0, "checked", {a_}, &apps_[0]));
    ASSERT_NO_FATAL_FAILURE(Apply(1, "checked", {a_, b_}, &apps_[1]));
    ASSERT_NO_FATAL_FAILURE(Apply(2, "checked", {b_}, &apps_[2]));
    ASSERT_NO_FATAL_FAILURE(Apply(3, "submitted", {a_}, &apps_[3]));
    ASSERT_NO_FATAL_FAILURE(Apply(4, "draft", {a_, b_}, &apps_[4]));
  }

  void AddOffer(const std::string& term, std::string* id) {
    const std::string now = "'2026-12-03T12:00:00Z'";
    ASSERT_NO_FATAL_FAILURE(Returning(
        "INSERT INTO call_offers (call_id, quota_id, agreement_id, partnership_id, partner_name, "
        "term, places, extra_places, months_per_place, eqf_levels, requires_first_state_exam, "
        "version, created_at, updated_at) VALUES (" +
            call_ + ", " + quota_[0] + ", " + quota_[1] + ", " + partnership_ + ", 'Partner', '" +
            term + "', 1, 0, 5, '', 0, 1, " + now + ", " + now + ") RETURNING id",
        id));
  }

  void Apply(size_t student, const std::string& status, const std::vector<std::string>& offers,
             std::string* id) {
    ASSERT_NO_FATAL_FAILURE(Returning(
        "INSERT INTO applications (call_id, student_id, status, created_at, updated_at) VALUES (" +
            call_ + ", " + students_.at(student) + ", '" + status +
            "', '2190-01-10T10:00:00Z', '2190-01-10T10:00:00Z') RETURNING id",
        id));
    for (size_t i = 0; i < offers.size(); ++i) {
      ASSERT_NO_FATAL_FAILURE(
          ExecSql("INSERT INTO application_preferences (application_id, position, offer_id) "
                  "VALUES (" +
                  *id + ", " + std::to_string(i + 1) + ", " + offers[i] + ")"));
    }
  }

  // A stored run over the three checked applications (scores 90, 80, 70): the first at A, the
  // second at B (its second choice), the third without a place.
  void StoreRun() {
    const std::string input = R"({"offers": [{"id": "o)" + a_ + R"(", "capacity": 1}, {"id": "o)" +
                              b_ + R"(", "capacity": 1}], "applicants": [{"id": "a)" + apps_[0] +
                              R"(", "score": 90, "prefs": ["o)" + a_ + R"("]}, {"id": "a)" +
                              apps_[1] + R"(", "score": 80, "prefs": ["o)" + a_ + R"(", "o)" + b_ +
                              R"("]}, {"id": "a)" + apps_[2] + R"(", "score": 70, "prefs": ["o)" +
                              b_ + R"("]}], "seed": 7})";
    ASSERT_NO_FATAL_FAILURE(Returning(
        "INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, placed, "
        "offers, places, created_at, version) VALUES (" +
            call_ + ", 1, 'computed', '7', " + SqlText(input) +
            ", 3, 2, 2, 2, '2190-03-01T10:00:00Z', 1) RETURNING id",
        &run_));
    const auto result = [&](const std::string& app, const std::string& offer,
                            const std::string& rank, const std::string& score) {
      ExecSql(
          "INSERT INTO allocation_results (run_id, application_id, offer_id, preference_rank, "
          "score, explanation) VALUES (" +
          run_ + ", " + app + ", " + offer + ", " + rank + ", " + score + ", '[]')");
    };
    ASSERT_NO_FATAL_FAILURE(result(apps_[0], a_, "1", "90"));
    ASSERT_NO_FATAL_FAILURE(result(apps_[1], b_, "2", "80"));
    ASSERT_NO_FATAL_FAILURE(result(apps_[2], "NULL", "NULL", "70"));
  }

  std::string Demand() const { return "/api/v1/calls/" + call_ + "/demand"; }
  std::string Years(const std::string& query) const {
    return "/api/v1/exchange/demand?org_unit_id=" + unit_ + query;
  }
  std::string Run(const std::string& what) const {
    return "/api/v1/allocation-runs/" + run_ + "/" + what;
  }
  static long long Id(const std::string& text) { return std::stoll(text); }

  std::vector<std::string> quota_, students_;
  std::string partnership_, unit_, call_, a_, b_, run_;
  std::string apps_[5];
};

TEST_F(DemandApi, ACallsOffersCountFirstAndAnyPreferencesOfSubmittedAndCheckedApplications) {
  const Response answer = Api().Get(Demand());
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  EXPECT_EQ(answer.json["call_id"], Id(call_));
  EXPECT_TRUE(answer.json["run_id"].is_null());
  const auto& offers = answer.json["offers"];
  ASSERT_EQ(offers.size(), 2u) << answer;
  EXPECT_EQ(offers[0]["offer_id"], Id(a_));
  EXPECT_EQ(offers[0]["partnership_id"], Id(partnership_));
  EXPECT_EQ(offers[0]["term"], "winter");
  EXPECT_EQ(offers[0]["places"], 1);
  EXPECT_EQ(offers[0]["first_preference"], 3);  // not the draft
  EXPECT_EQ(offers[0]["any_preference"], 3);
  EXPECT_EQ(offers[0]["oversubscription"], 3.0);
  EXPECT_TRUE(offers[0]["placed"].is_null());
  EXPECT_EQ(offers[1]["first_preference"], 1);
  EXPECT_EQ(offers[1]["any_preference"], 2);
  EXPECT_EQ(answer.json["totals"]["places"], 2);
  EXPECT_EQ(answer.json["totals"]["first_preference"], 4);
  EXPECT_EQ(answer.json["totals"]["any_preference"], 5);
  EXPECT_EQ(answer.json["totals"]["oversubscription"], 2.0);
  EXPECT_TRUE(answer.json["totals"]["left_empty"].is_null());

  EXPECT_TRUE(IsError(Api().Get("/api/v1/calls/999999999/demand"), 404, "not_found"));
}

TEST_F(DemandApi, TheLatestRunGivesPlacedAndLeftEmpty) {
  ASSERT_NO_FATAL_FAILURE(StoreRun());
  const Response answer = Api().Get(Demand());
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  EXPECT_EQ(answer.json["run_id"], Id(run_));
  EXPECT_EQ(answer.json["offers"][0]["placed"], 1);
  EXPECT_EQ(answer.json["offers"][0]["left_empty"], 0);
  EXPECT_EQ(answer.json["totals"]["placed"], 2);
  // A superseded run does not count.
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("UPDATE allocation_runs SET status = 'superseded' WHERE id = " + run_));
  const Response without = Api().Get(Demand());
  ASSERT_TRUE(IsJson(without, 200)) << without;
  EXPECT_TRUE(without.json["run_id"].is_null());
  EXPECT_TRUE(without.json["totals"]["placed"].is_null());
}

TEST_F(DemandApi, OverTheYearsPerPartnerOfTheUnitsCalls) {
  ASSERT_NO_FATAL_FAILURE(StoreRun());
  const Response answer = Api().Get(Years("&from_year=2189/2190&to_year=2190/2191"));
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  EXPECT_EQ(answer.json["from_year"], "2189/2190");
  ASSERT_EQ(answer.json["partners"].size(), 1u) << answer;
  const auto& partner = answer.json["partners"][0];
  EXPECT_EQ(partner["partnership_id"], Id(partnership_));
  EXPECT_EQ(partner["oversubscribed_years"], 1);
  ASSERT_EQ(partner["years"].size(), 1u);
  const auto& year = partner["years"][0];
  EXPECT_EQ(year["academic_year"], "2190/2191");
  EXPECT_EQ(year["places"], 2);
  EXPECT_EQ(year["first_preference"], 4);
  EXPECT_EQ(year["any_preference"], 5);
  EXPECT_EQ(year["placed"], 2);
  EXPECT_EQ(year["left_empty"], 0);
  // Other years: nothing.
  const Response before = Api().Get(Years("&from_year=2180/2181&to_year=2189/2190"));
  ASSERT_TRUE(IsJson(before, 200)) << before;
  EXPECT_TRUE(before.json["partners"].empty());
}

// The lines of a CSV file, without its byte order mark.
std::vector<std::string> CsvLines(std::string body) {
  if (body.rfind("\xEF\xBB\xBF", 0) == 0) {
    body.erase(0, 3);
  }
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (!line.empty()) {
      lines.push_back(line);
    }
  }
  return lines;
}

TEST_F(DemandApi, BothReportsExportAsCsvAndExcel) {
  ASSERT_NO_FATAL_FAILURE(StoreRun());
  Json demand;
  ASSERT_NO_FATAL_FAILURE(GetOk(Demand(), &demand));
  const Response csv = Api().Get(Demand() + "?format=csv");
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u) << csv.Header("content-type");
  EXPECT_NE(csv.Header("content-disposition").find("call-demand-"), std::string::npos);
  const auto lines = CsvLines(csv.body);
  ASSERT_EQ(lines.size(), demand["offers"].size() + 1) << csv.body;
  EXPECT_EQ(lines[0].rfind("Offer ID,Partner,Term,Places,First preferences,Any preference", 0), 0u)
      << lines[0];
  const Json& first = demand["offers"][0];
  EXPECT_EQ(lines[1].rfind(std::to_string(first["offer_id"].get<long long>()) + ",", 0), 0u)
      << lines[1];
  EXPECT_NE(lines[1].find("," + std::to_string(first["places"].get<long long>()) + "," +
                          std::to_string(first["first_preference"].get<long long>()) + "," +
                          std::to_string(first["any_preference"].get<long long>()) + ","),
            std::string::npos)
      << lines[1];

  // Over the years: a row per partner and year, the columns named in German.
  const Response years =
      Api().Get(Years("&from_year=2189/2190&to_year=2190/2191&format=csv&lang=de"));
  ASSERT_EQ(years.status, 200) << years;
  const auto rows = CsvLines(years.body);
  ASSERT_EQ(rows.size(), 2u) << years.body;
  EXPECT_EQ(rows[0].rfind("Partnerschafts-ID,Partner,Studienjahr,Plätze,Erstwünsche", 0), 0u)
      << rows[0];
  EXPECT_EQ(rows[1].rfind(partnership_ + ",", 0), 0u) << rows[1];
  EXPECT_NE(rows[1].find(",2190/2191,2,4,5,"), std::string::npos) << rows[1];

  const Response xlsx = Api().Get(Demand() + "?format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.status;
  EXPECT_NE(xlsx.Header("content-type").find("spreadsheetml"), std::string::npos);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  EXPECT_TRUE(IsError(Api().Get(Demand() + "?format=pdf"), 422, "validation_failed", "format"));
}

TEST_F(DemandApi, BadRangesAndUnitsAreRefusedNamingTheField) {
  EXPECT_TRUE(
      IsError(Api().Get("/api/v1/exchange/demand"), 422, "validation_failed", "org_unit_id"));
  EXPECT_TRUE(IsError(Api().Get("/api/v1/exchange/demand?org_unit_id=999999999&from_year="
                                "2026/2027&to_year=2027/2028"),
                      422, "validation_failed", "org_unit_id"));
  EXPECT_TRUE(IsError(Api().Get(Years("&from_year=2028/2029&to_year=2027/2028")), 422,
                      "validation_failed", "from_year"));
  EXPECT_TRUE(IsError(Api().Get(Years("&from_year=2016/2017&to_year=2027/2028")), 422,
                      "validation_failed", "to_year"));
  EXPECT_TRUE(IsError(Api().Get(Years("&from_year=2027")), 422, "validation_failed", "from_year"));
  EXPECT_TRUE(IsJson(Api().Get(Years("&from_year=2017/2018&to_year=2027/2028")), 200));
}

TEST_F(DemandApi, WhatIfOneMorePlaceAtAnOfferOrThePartnerNamesWhoWouldMove) {
  ASSERT_NO_FATAL_FAILURE(StoreRun());
  for (const Json& body : {Json{{"offer_id", Id(a_)}, {"places", 1}},
                           Json{{"partnership_id", Id(partnership_)}, {"places", 1}}}) {
    const Response answer = Api().Post(Run("what-if"), body);
    ASSERT_TRUE(IsJson(answer, 200)) << answer;
    EXPECT_EQ(answer.json["run_id"], Id(run_));
    EXPECT_EQ(answer.json["newly_placed"], 1) << body;
    EXPECT_EQ(answer.json["improved"], 1) << body;
    EXPECT_EQ(answer.json["worse"], 0);
    ASSERT_EQ(answer.json["moves"].size(), 2u);
    const auto& up = answer.json["moves"][0];  // the second applicant: B → A
    EXPECT_EQ(up["application_id"], Id(apps_[1]));
    EXPECT_EQ(up["from_offer_id"], Id(b_));
    EXPECT_EQ(up["to_offer_id"], Id(a_));
    EXPECT_FALSE(up["student"]["matriculation_number"].get<std::string>().empty());
    EXPECT_TRUE(answer.json["moves"][1]["from_offer_id"].is_null());
  }
  // A place at B alone places the third applicant and moves nobody else.
  const Response at_b = Api().Post(Run("what-if"), {{"offer_id", Id(b_)}, {"places", 2}});
  ASSERT_TRUE(IsJson(at_b, 200)) << at_b;
  EXPECT_EQ(at_b.json["newly_placed"], 1);
  EXPECT_EQ(at_b.json["improved"], 0);

  const Response ranked = Api().Get(Run("one-more-place?limit=5"));
  ASSERT_TRUE(IsJson(ranked, 200)) << ranked;
  ASSERT_EQ(ranked.json["items"].size(), 2u) << ranked;
  EXPECT_EQ(ranked.json["items"][0]["offer_id"], Id(a_));  // places one, improves one
  EXPECT_EQ(ranked.json["items"][0]["partner_name"], "Partner");
  EXPECT_EQ(ranked.json["items"][0]["term"], "winter");
  EXPECT_EQ(ranked.json["items"][0]["moves"].size(), 2u);
  EXPECT_EQ(ranked.json["items"][1]["offer_id"], Id(b_));
  const Response one = Api().Get(Run("one-more-place?limit=1"));
  ASSERT_TRUE(IsJson(one, 200)) << one;
  EXPECT_EQ(one.json["items"].size(), 1u);

  // The same list as a file: a row per offer, the students who would move counted.
  const Response csv = Api().Get(Run("one-more-place?limit=5&format=csv&lang=de"));
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u) << csv.Header("content-type");
  EXPECT_NE(csv.Header("content-disposition").find("one-more-place-"), std::string::npos);
  const auto lines = CsvLines(csv.body);
  ASSERT_EQ(lines.size(), 3u) << csv.body;
  EXPECT_EQ(lines[0], "Angebots-ID,Partner,Zeitraum,Neu vergeben,Verbessert,Wechselnde Studierende")
      << lines[0];
  EXPECT_EQ(lines[1], a_ + ",Partner,winter,1,1,2") << lines[1];
  EXPECT_EQ(lines[2], b_ + ",Partner,summer,1,0,1") << lines[2];
  const Response xlsx = Api().Get(Run("one-more-place?format=xlsx"));
  ASSERT_EQ(xlsx.status, 200) << xlsx;
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u) << "not a workbook";
}

TEST_F(DemandApi, WhatIfInputIsValidatedNamingTheField) {
  ASSERT_NO_FATAL_FAILURE(StoreRun());
  const auto field = [&](const Json& body, const std::string& name) {
    return IsError(Api().Post(Run("what-if"), body), 422, "validation_failed", name);
  };
  EXPECT_TRUE(field({{"places", 1}}, "offer_id"));
  EXPECT_TRUE(field({{"offer_id", Id(a_)}, {"partnership_id", Id(partnership_)}, {"places", 1}},
                    "offer_id"));
  EXPECT_TRUE(field({{"offer_id", Id(a_)}, {"places", 0}}, "places"));
  EXPECT_TRUE(field({{"offer_id", Id(a_)}, {"places", 101}}, "places"));
  EXPECT_TRUE(field({{"offer_id", Id(a_)}}, "places"));
  EXPECT_TRUE(field({{"offer_id", 999999999}, {"places", 1}}, "offer_id"));
  EXPECT_TRUE(field({{"partnership_id", 999999999}, {"places", 1}}, "partnership_id"));
  EXPECT_TRUE(IsError(Api().Post("/api/v1/allocation-runs/999999999/what-if",
                                 {{"offer_id", Id(a_)}, {"places", 1}}),
                      404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get(Run("one-more-place?limit=0")), 422, "validation_failed", "limit"));
  EXPECT_TRUE(
      IsError(Api().Get(Run("one-more-place?limit=101")), 422, "validation_failed", "limit"));
  EXPECT_TRUE(
      IsError(Api().Get("/api/v1/allocation-runs/999999999/one-more-place"), 404, "not_found"));
}

}  // namespace
}  // namespace weltcampus::api_test
