#include "partners/demo_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "store/database.h"
#include "store/migrations.h"

namespace weltcampus::partners {
namespace {

namespace fs = std::filesystem;

class DemoBuilderTest : public ::testing::Test {
 protected:
  std::shared_ptr<store::Database> Fresh(const std::string& suffix) {
    auto path = fs::temp_directory_path() /
                ("weltcampus-demo-" + std::to_string(getpid()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name() + suffix + ".db");
    fs::remove(path);
    paths_.push_back(path);
    auto database = store::Database::Open("sqlite:" + path.string(), 1);
    store::Migrate(*database);
    return database;
  }
  void TearDown() override {
    for (const auto& path : paths_) {
      fs::remove(path);
    }
  }
  static int64_t Count(store::Database& database, const std::string& sql) {
    return database.Read([&](store::Connection& c) { return c.Count(sql); });
  }
  // Everything the generator chose, as one text, to compare two runs.
  static std::string Fingerprint(store::Database& database) {
    return database.Read([](store::Connection& c) {
      std::string text;
      for (const auto& row : c.Query(
               "SELECT i.name, a.type, a.status, a.first_academic_year, a.last_academic_year, "
               "(SELECT group_concat(q.category || q.places_per_year || COALESCE((SELECT "
               "group_concat(l.language || l.cefr, ',') FROM quota_languages l WHERE l.quota_id = "
               "q.id), ''), ';') FROM quotas q WHERE q.agreement_id = a.id) AS quotas FROM "
               "agreements a JOIN "
               "partnerships p ON p.id = a.partnership_id JOIN institutions i ON i.id = "
               "p.institution_id ORDER BY a.id")) {
        text += row.Text("name") + row.Text("type") + row.Text("status") +
                std::to_string(row.Int("first_academic_year")) +
                std::to_string(row.Int("last_academic_year")) + row.Text("quotas") + "\n";
      }
      return text;
    });
  }

  std::vector<fs::path> paths_;
};

// The organisation's part first, as src/demo builds it.
DemoSummary BuildDemo(store::Connection& c, const DemoReferenceData& data,
                      const DemoSettings& settings) {
  return partners::BuildDemo(c, data, settings, organisation::BuildDemo(c, data.isced));
}

DemoSettings School(unsigned seed) {
  DemoSettings settings;
  settings.seed = seed;
  settings.today = Date{2026, 11, 28};
  return settings;
}

TEST_F(DemoBuilderTest, WithoutReferenceDataBuildsTheSchoolAndItsStrategicPartners) {
  auto database = Fresh("");
  const DemoReferenceData none;
  const auto summary =
      database->Write([&](store::Connection& c) { return BuildDemo(c, none, School(1)); });
  EXPECT_EQ(summary.institutions, 5);  // TU Dresden, KCL, Wroclaw, Flinders, SAHMRI
  EXPECT_EQ(summary.partnerships, 3);
  EXPECT_GE(summary.org_units, 15);
  EXPECT_EQ(Count(*database, "SELECT COUNT(*) AS n FROM partnerships WHERE tier = 'transcampus'"), 1);
  EXPECT_EQ(Count(*database, "SELECT COUNT(DISTINCT kind) AS n FROM joint_structures"), 4);
  EXPECT_EQ(Count(*database,
                  "SELECT COUNT(*) AS n FROM agreement_partners ap JOIN institutions i "
                  "ON i.id = ap.institution_id WHERE i.hei_id = 'sahmri.org.au'"),
            2);
  EXPECT_NE(database->Read([](store::Connection& c) { return DescribeExistingData(c); }), "");
}

TEST_F(DemoBuilderTest, SameSeedSameDemoOtherSeedOtherPartners) {
  const auto data = LoadDemoReferenceData(WELTCAMPUS_SHARED_DATA);
  ASSERT_TRUE(data.eche && data.world && data.isced)
      << "the reference data in ../shared/data is missing";
  auto first = Fresh("a");
  auto second = Fresh("b");
  auto third = Fresh("c");
  const auto summary =
      first->Write([&](store::Connection& c) { return BuildDemo(c, data, School(7)); });
  second->Write([&](store::Connection& c) { return BuildDemo(c, data, School(7)); });
  third->Write([&](store::Connection& c) { return BuildDemo(c, data, School(8)); });
  EXPECT_EQ(summary.partnerships, 123);
  EXPECT_EQ(summary.isced_fields, 220);
  EXPECT_EQ(Fingerprint(*first), Fingerprint(*second));
  EXPECT_NE(Fingerprint(*first), Fingerprint(*third));
  // Some agreements in force end within the coming twelve months, for the renewal list.
  EXPECT_GT(Count(*first, "SELECT COUNT(*) AS n FROM agreements WHERE status = 'active' AND "
                          "ends_on <= '2027-11-28'"),
            0);
  EXPECT_GT(Count(*first, "SELECT COUNT(*) AS n FROM institutions WHERE latitude IS NOT NULL"), 40);
  EXPECT_EQ(Count(*first, "SELECT COUNT(*) AS n FROM quotas WHERE isced_code IS NOT NULL AND "
                          "isced_code NOT IN (SELECT code FROM isced_fields)"),
            0);
}

}  // namespace
}  // namespace weltcampus::partners
