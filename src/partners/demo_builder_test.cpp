#include "partners/demo_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "partners/repository.h"
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
  // Counted once at the end (repository::RecountAfterBulkInsert), copied by the INSERTs.
  EXPECT_GT(Count(*first, "SELECT COUNT(*) AS n FROM partnerships WHERE active_agreements > 0"), 0);
  first->Read([](store::Connection& c) {
    EXPECT_TRUE(repository::MiscountedPartnerships(c).empty());
    EXPECT_TRUE(repository::StaleCopies(c).empty());
  });
}

// The scale profile at a tenth of the partners, from lists cut short so that most partners must be
// made up: the proportions of the university profile, made-up institutions near real ones, and the
// whole (cut) register.
TEST_F(DemoBuilderTest, ScaleProfileMakesUpTheMissingPartnersAndImportsTheRegister) {
  auto data = LoadDemoReferenceData(WELTCAMPUS_SHARED_DATA);
  ASSERT_TRUE(data.eche && data.world && data.isced)
      << "the reference data in ../shared/data is missing";
  data.eche->rows.resize(400);
  data.world->rows.resize(300);
  auto database = Fresh("");
  DemoSettings settings = School(3);
  settings.profile = "scale";
  settings.scale_partners = 2400;
  const auto summary =
      database->Write([&](store::Connection& c) { return BuildDemo(c, data, settings); });
  EXPECT_EQ(summary.partnerships, 2403);
  EXPECT_EQ(Count(*database, "SELECT COUNT(*) AS n FROM partnerships"), 2403);
  // The university profile has 4,427 agreements with 10,346 quotas for its 2,403 partners.
  const double agreements = static_cast<double>(summary.agreements);
  EXPECT_GT(agreements / 2403, 1.7);
  EXPECT_LT(agreements / 2403, 2.0);
  EXPECT_GT(static_cast<double>(summary.quotas) / agreements, 2.1);
  EXPECT_LT(static_cast<double>(summary.quotas) / agreements, 2.6);

  // At most 400 + 300 partners come from the lists; the rest are made up, each a partner, with a
  // name of its own.
  const auto generated =
      Count(*database, "SELECT COUNT(*) AS n FROM institutions WHERE source = 'demo-generated'");
  EXPECT_GE(generated, 2400 - 700);
  EXPECT_EQ(Count(*database,
                  "SELECT COUNT(*) AS n FROM institutions i JOIN partnerships p ON "
                  "p.institution_id = i.id WHERE i.source = 'demo-generated'"),
            generated);
  EXPECT_EQ(Count(*database,
                  "SELECT COUNT(DISTINCT name) AS n FROM institutions WHERE source = "
                  "'demo-generated'"),
            generated);
  // Each within about 3 km of a real institution of the same city and country.
  std::map<std::pair<std::string, std::string>, std::vector<std::pair<double, double>>> places;
  for (const auto& row : data.eche->rows) {
    const auto point = data.coordinates.find(*row.institution.erasmus_code);
    if (row.institution.city && point != data.coordinates.end()) {
      std::string city = *row.institution.city;
      places[{row.institution.country, city}].push_back(point->second);
    }
  }
  const auto rows = database->Read([](store::Connection& c) {
    std::vector<std::tuple<std::string, std::string, double, double>> rows;
    for (const auto& row : c.Query("SELECT country, city, latitude, longitude FROM institutions "
                                   "WHERE source = 'demo-generated'")) {
      rows.emplace_back(row.Text("country"), row.Text("city"), row.Real("latitude"),
                        row.Real("longitude"));
    }
    return rows;
  });
  ASSERT_EQ(static_cast<int64_t>(rows.size()), generated);
  for (const auto& [country, city, latitude, longitude] : rows) {
    EXPECT_NE(country, "DE");
    bool near = false;
    for (const auto& [key, points] : places) {
      if (key.first != country) {
        continue;
      }
      for (const auto& [lat, lon] : points) {
        near = near || (std::abs(lat - latitude) <= 0.0301 && std::abs(lon - longitude) <= 0.0301);
      }
    }
    EXPECT_TRUE(near) << city << ", " << country << " at " << latitude << ", " << longitude;
  }

  // The register: every institution of both (cut) lists is there, once.
  std::set<std::string> codes = {"D  DRESDEN02", "PL WROCLAW05"};
  for (const auto& row : data.eche->rows) {
    codes.insert(*row.institution.erasmus_code);
  }
  EXPECT_EQ(
      Count(*database, "SELECT COUNT(*) AS n FROM institutions WHERE erasmus_code IS NOT NULL"),
      static_cast<int64_t>(codes.size()));
  EXPECT_EQ(Count(*database, "SELECT COUNT(*) AS n FROM institutions"), summary.institutions);
  EXPECT_GT(summary.institutions,
            2405);  // the school, its strategic partners and SAHMRI, the standard partners
}

}  // namespace
}  // namespace weltcampus::partners
