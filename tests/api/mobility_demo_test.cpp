// The demo's mobilities (issue 11, item 10): ten years of past stays in and out in every category
// and funding line, never more people at a quota in a year than its places, each timeline ending
// in the stay's state; this year's stays in every state of the track, and every place accepted in
// the demo's allocation history nominated.
#include <chrono>
#include <set>
#include <string>

#include "allocation_fixture.h"

namespace weltcampus::api_test {
namespace {

int CurrentAcademicYear() {
  const std::chrono::year_month_day today(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
  const int year = static_cast<int>(today.year());
  return static_cast<unsigned>(today.month()) >= 10 ? year : year - 1;
}

std::set<std::string> Column(const std::string& sql) {
  std::string output;
  EXPECT_NO_FATAL_FAILURE(ExecSql(sql, &output));
  std::set<std::string> values;
  for (const auto& row : Rows(output)) {
    values.insert(Cells(row).at(0));
  }
  return values;
}

// The demo's own: made by the demo (no account took their steps), not by other tests.
const std::string kDemo =
    "NOT EXISTS (SELECT 1 FROM mobility_events e WHERE e.mobility_id = m.id AND e.user_id IS NOT "
    "NULL)";

TEST(MobilityDemo, TenYearsOfStaysInEveryCategoryAndFundingLineWithinTheQuotas) {
  const int year = CurrentAcademicYear();
  const auto years = Column("SELECT DISTINCT academic_year FROM mobilities m WHERE " + kDemo +
                            " AND academic_year < " + std::to_string(year));
  EXPECT_EQ(years.size(), 10u);
  EXPECT_EQ(*years.begin(), std::to_string(year - 10));
  EXPECT_EQ(Column("SELECT DISTINCT direction FROM mobilities m WHERE " + kDemo),
            (std::set<std::string>{"incoming", "outgoing"}));
  EXPECT_EQ(Column("SELECT DISTINCT category FROM mobilities m WHERE " + kDemo),
            (std::set<std::string>{"clinical_elective", "final_year_tertial", "staff_teaching",
                                   "staff_training", "student_studies", "student_traineeship"}));
  EXPECT_EQ(Column("SELECT DISTINCT funding_line FROM mobilities m WHERE " + kDemo),
            (std::set<std::string>{"erasmus_bip", "erasmus_doctoral_short", "erasmus_ka131_staff",
                                   "erasmus_ka131_studies", "erasmus_ka131_traineeship",
                                   "erasmus_ka171", "none", "other_scholarship"}));
  EXPECT_EQ(Column("SELECT DISTINCT stay_state FROM mobilities m WHERE " + kDemo +
                   " AND academic_year < " + std::to_string(year)),
            (std::set<std::string>{"cancelled", "completed", "ended_early", "rejected"}));
  // Never more people at a quota in a year than its places.
  EXPECT_EQ(Column("SELECT m.quota_id FROM mobilities m JOIN quotas q ON q.id = m.quota_id WHERE " +
                   kDemo +
                   " AND m.application_id IS NULL GROUP BY m.quota_id, m.academic_year, "
                   "q.places_per_year HAVING COUNT(*) > q.places_per_year"),
            std::set<std::string>{});
  // Every timeline ends in its stay's state, and a completed stay has both its days.
  EXPECT_EQ(Column("SELECT m.id FROM mobilities m JOIN mobility_events e ON e.mobility_id = m.id "
                   "WHERE e.id = (SELECT MAX(l.id) FROM mobility_events l WHERE l.mobility_id = "
                   "m.id) AND e.to_state <> m.stay_state"),
            std::set<std::string>{});
  EXPECT_EQ(Column("SELECT id FROM mobilities WHERE stay_state = 'completed' AND (actual_start IS "
                   "NULL OR actual_end IS NULL OR actual_end < actual_start)"),
            std::set<std::string>{});
}

TEST(MobilityDemo, ThisYearsStaysAreInEveryStateAndEveryAcceptedPlaceIsNominated) {
  const std::string year = std::to_string(CurrentAcademicYear());
  EXPECT_EQ(
      Column("SELECT DISTINCT stay_state FROM mobilities m WHERE " + kDemo +
             " AND academic_year = " + year),
      (std::set<std::string>{"accepted", "cancelled", "completed", "ended_early", "interrupted",
                             "nominated", "ongoing", "preparing", "rejected"}));
  std::string accepted;
  ASSERT_NO_FATAL_FAILURE(SqlOne(
      "SELECT COUNT(*) FROM allocation_results r JOIN allocation_runs u ON u.id = r.run_id JOIN "
      "calls c ON c.id = u.call_id WHERE r.response = 'accepted' AND c.academic_year = " +
          year + " AND c.title LIKE 'Erasmus+ and exchange places %'",
      &accepted));
  EXPECT_GT(std::stoi(accepted), 0);
  EXPECT_EQ(Column("SELECT r.application_id FROM allocation_results r JOIN allocation_runs u ON "
                   "u.id = r.run_id JOIN calls c ON c.id = u.call_id WHERE r.response = "
                   "'accepted' AND c.academic_year = " +
                   year +
                   " AND c.title LIKE 'Erasmus+ and exchange places %' AND NOT EXISTS (SELECT 1 "
                   "FROM mobilities m WHERE m.application_id = r.application_id)"),
            std::set<std::string>{});
}

TEST(MobilityDemo, TheDemosMobilitiesKeepTheRules) {
  // One of each direction and category, sent back unchanged: the record's rules accept it.
  std::string output;
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("SELECT MIN(id) FROM mobilities m WHERE " + kDemo + " GROUP BY direction, category",
              &output));
  const auto rows = Rows(output);
  ASSERT_GE(rows.size(), 10u);
  for (const auto& row : rows) {
    Json mobility;
    ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/mobilities/" + Cells(row).at(0), &mobility));
    const Response sent =
        Api().Put("/api/v1/mobilities/" + Cells(row).at(0), mobility, VersionOf(mobility));
    ASSERT_TRUE(IsJson(sent, 200)) << sent;
    EXPECT_EQ(sent.json["stay_state"], mobility["stay_state"]);
    EXPECT_EQ(sent.json["partner_name"], mobility["partner_name"]);
  }
}

}  // namespace
}  // namespace weltcampus::api_test
