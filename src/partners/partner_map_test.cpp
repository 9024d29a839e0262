#include "partners/partner_map.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "audit/audit.h"
#include "partners/json.h"
#include "store/temporary_database.h"

namespace weltcampus::partners {
namespace {

using store::Backend;
using store::Connection;
namespace testing = store::testing;
namespace repo = repository;

class PartnerMapVersionTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TemporaryDatabase>(GetParam(), true);
    service_ = std::make_unique<PartnersService>(db_->database());
  }

  int64_t Version() { return service_->GetMapVersion().version; }

  Institution NewInstitution(const std::string& name) {
    Institution institution;
    institution.name = name;
    institution.country = "PL";
    return service_->CreateInstitution(office_, institution);
  }

  const audit::Actor office_{7, "192.0.2.1", "req-1"};
  const Date today_{2026, 11, 28};
  std::unique_ptr<testing::TemporaryDatabase> db_;
  std::unique_ptr<PartnersService> service_;
};

TEST_P(PartnerMapVersionTest, CountsEveryChangeOfWhatTheMapShowsAndNothingElse) {
  const int64_t start = Version();
  Institution institution = NewInstitution("Wroclaw Medical University");
  EXPECT_EQ(Version(), start) << "an institution that is no partner is not on the map";
  institution.city = "Wrocław";
  institution =
      service_->UpdateInstitution(office_, institution.id, institution, institution.version);
  EXPECT_EQ(Version(), start);

  Partnership partnership;
  partnership.institution_id = institution.id;
  partnership = service_->CreatePartnership(office_, today_, partnership);
  int64_t seen = Version();
  EXPECT_GT(seen, start) << "a new partnership";

  partnership.tier = Tier::kStrategic;
  partnership = service_->UpdatePartnership(office_, today_, partnership.id, partnership,
                                            partnership.version);
  EXPECT_GT(Version(), seen) << "a partnership's tier";
  seen = Version();

  institution.name = "Uniwersytet Medyczny we Wrocławiu";
  institution =
      service_->UpdateInstitution(office_, institution.id, institution, institution.version);
  EXPECT_GT(Version(), seen) << "a partner's institution";
  seen = Version();

  Agreement agreement;
  agreement.partnership_id = partnership.id;
  agreement.type = AgreementType::kErasmusIia;
  agreement.status = AgreementStatus::kSigned;
  agreement.first_academic_year = 2026;
  agreement.last_academic_year = 2027;
  agreement.ends_on = "2028-09-30";
  agreement = service_->CreateAgreement(office_, agreement);
  EXPECT_GT(Version(), seen) << "an agreement added";
  seen = Version();
  agreement.status = AgreementStatus::kActive;
  agreement = service_->UpdateAgreement(office_, agreement.id, agreement, agreement.version);
  EXPECT_GT(Version(), seen) << "an agreement changed";
  seen = Version();
  service_->DeleteAgreement(office_, agreement.id, agreement.version);
  EXPECT_GT(Version(), seen) << "an agreement removed";
  seen = Version();
  service_->DeletePartnership(office_, today_, partnership.id, partnership.version);
  EXPECT_GT(Version(), seen) << "a partnership removed";
  seen = Version();

  // A change that fails leaves the version as it was (it is counted in the same transaction).
  EXPECT_ANY_THROW(service_->UpdateInstitution(office_, institution.id, institution, 1));
  EXPECT_EQ(Version(), seen);
}

TEST_P(PartnerMapVersionTest, IsReadBeforeThePartnersAndTellsDatabasesApart) {
  Institution institution = NewInstitution("Flinders University");
  Partnership partnership;
  partnership.institution_id = institution.id;
  service_->CreatePartnership(office_, today_, partnership);
  const auto map = service_->LoadMap({});
  EXPECT_EQ(map.version.version, Version());
  ASSERT_EQ(map.points.size(), 1u);
  EXPECT_EQ(map.points[0].name, "Flinders University");

  testing::TemporaryDatabase other(GetParam(), true);
  PartnersService other_service(other.database());
  EXPECT_FALSE(map.version.database_id.empty());
  EXPECT_NE(other_service.GetMapVersion().database_id, map.version.database_id);
}

TEST_P(PartnerMapVersionTest, ATransactionWritingManyPartnersCountsAtLeastOnce) {
  const int64_t start = Version();
  db_->database().Write([&](Connection& c) {
    for (int i = 0; i < 50; ++i) {
      Institution institution;
      institution.name = "University " + std::to_string(i);
      institution.country = "DE";
      repo::InsertInstitution(c, institution);
      Partnership partnership;
      partnership.institution_id = institution.id;
      repo::InsertPartnership(c, partnership);
    }
  });
  const int64_t after = Version();
  EXPECT_GT(after, start);
  if (GetParam() == Backend::kPostgres) {
    EXPECT_EQ(after, start + 1) << "PostgreSQL counts a transaction once";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnerMapVersionTest,
                         ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

// The cache without a database: a loader that counts its calls and answers a settable version.
struct FakeMaps {
  std::atomic<int64_t> version{1};
  std::atomic<int> calls{0};
  std::atomic<bool> fail{false};
  std::chrono::milliseconds delay{0};

  PartnerMapCache::Load Loader() {
    return [this](const PartnershipFilter& filter) {
      ++calls;
      std::this_thread::sleep_for(delay);
      if (fail) {
        throw std::runtime_error("database away");
      }
      VersionedMap map;
      map.version = {version.load(), "db-1"};
      MapPoint point;
      point.partnership_id = 1;
      point.name = filter.q.value_or("King's College London");
      point.country = "GB";
      point.latitude = 51.511549;
      point.longitude = -0.116;
      point.active_agreements = 2;
      point.tier = Tier::kTranscampus;
      map.points.push_back(point);
      return map;
    };
  }
};

TEST(PartnerMapCache, LoadsOncePerVersionAndFilter) {
  FakeMaps fake;
  PartnerMapCache cache(fake.Loader());
  const auto first = cache.Get({}, 1);
  const auto again = cache.Get({}, 1);
  EXPECT_EQ(first, again);
  EXPECT_EQ(fake.calls, 1);
  EXPECT_EQ(first->etag, MapEntityTag({1, "db-1"}, MapFilterKey({})));
  // The held answer is the fresh one, and its gzip holds the same bytes' worth.
  EXPECT_EQ(first->json, PartnerMapJson(FakeMaps{}.Loader()({}).points).dump());
  EXPECT_GT(first->gzip.size(), 10u);
  EXPECT_EQ(static_cast<unsigned char>(first->gzip[0]), 0x1f);

  PartnershipFilter strategic;
  strategic.tier = Tier::kStrategic;
  cache.Get(strategic, 1);
  EXPECT_EQ(fake.calls, 2) << "another filter is another map";

  fake.version = 2;
  const auto newer = cache.Get({}, 2);
  EXPECT_EQ(fake.calls, 3) << "a newer version is loaded";
  EXPECT_EQ(newer->version, 2);
  EXPECT_NE(newer->etag, first->etag);
  EXPECT_EQ(cache.Get({}, 1), newer) << "an answer newer than asked for will do";
  EXPECT_EQ(fake.calls, 3);
}

TEST(PartnerMapCache, RequestsForAMapBeingLoadedWaitForThatLoad) {
  FakeMaps fake;
  fake.delay = std::chrono::milliseconds(200);
  PartnerMapCache cache(fake.Loader());
  std::vector<std::thread> threads;
  std::vector<std::shared_ptr<const PartnerMapAnswer>> answers(8);
  for (size_t i = 0; i < answers.size(); ++i) {
    threads.emplace_back([&, i] { answers[i] = cache.Get({}, 1); });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(fake.calls, 1);
  for (const auto& answer : answers) {
    EXPECT_EQ(answer, answers[0]);
  }
}

TEST(PartnerMapCache, AFailedLoadIsNotKeptAndTheNextRequestTriesAgain) {
  FakeMaps fake;
  fake.fail = true;
  PartnerMapCache cache(fake.Loader());
  EXPECT_THROW(cache.Get({}, 1), std::runtime_error);
  fake.fail = false;
  EXPECT_EQ(cache.Get({}, 1)->version, 1);
  EXPECT_EQ(fake.calls, 2);
}

TEST(PartnerMapCache, KeepsAtMostItsNumberOfFiltersTheLeastRecentlyUsedGoFirst) {
  FakeMaps fake;
  PartnerMapCache cache(fake.Loader(), 2);
  const auto filter = [](const std::string& q) {
    PartnershipFilter f;
    f.q = q;
    return f;
  };
  cache.Get(filter("a"), 1);
  cache.Get(filter("b"), 1);
  cache.Get(filter("a"), 1);  // "b" is now the least recently used
  cache.Get(filter("c"), 1);  // drops "b"
  EXPECT_EQ(fake.calls, 3);
  cache.Get(filter("a"), 1);
  EXPECT_EQ(fake.calls, 3) << "\"a\" was kept";
  cache.Get(filter("b"), 1);
  EXPECT_EQ(fake.calls, 4) << "\"b\" was dropped";
}

TEST(PartnerMapAnswer, KeysAndTagsTellFiltersVersionsAndDatabasesApart) {
  PartnershipFilter tricky;
  tricky.q = "x;tier=9:strategic;";
  PartnershipFilter plain;
  plain.q = "x";
  plain.tier = Tier::kStrategic;
  EXPECT_NE(MapFilterKey(tricky), MapFilterKey(plain));
  EXPECT_NE(MapFilterKey({}), MapFilterKey(plain));
  const std::string key = MapFilterKey({});
  const std::string tag = MapEntityTag({3, "db-1"}, key);
  EXPECT_EQ(tag.rfind("W/\"map1-3-", 0), 0u) << tag;
  EXPECT_EQ(tag.back(), '"');
  EXPECT_EQ(tag, MapEntityTag({3, "db-1"}, key));
  EXPECT_NE(tag, MapEntityTag({4, "db-1"}, key));
  EXPECT_NE(tag, MapEntityTag({3, "db-2"}, key));
  EXPECT_NE(tag, MapEntityTag({3, "db-1"}, MapFilterKey(plain)));
}

TEST(PartnerMapAnswer, IsOneArrayAFieldWithCoordinatesRoundedToFourDecimals) {
  MapPoint kings;
  kings.partnership_id = 12;
  kings.tier = Tier::kTranscampus;
  kings.name = "King's College London";
  kings.country = "GB";
  kings.city = "London";
  kings.latitude = 51.511549;
  kings.longitude = -0.11612;
  kings.active_agreements = 2;
  MapPoint somewhere;
  somewhere.partnership_id = 40;
  somewhere.name = "Somewhere";
  somewhere.country = "PL";
  const auto json = PartnerMapJson({kings, somewhere});
  EXPECT_EQ(json["total"], 2);
  EXPECT_EQ(json["id"], nlohmann::json::array({12, 40}));
  EXPECT_EQ(json["tier"], nlohmann::json::array({"transcampus", "standard"}));
  EXPECT_EQ(json["city"], nlohmann::json::array({"London", nullptr}));
  EXPECT_EQ(json["latitude"][0].dump(), "51.5115");
  EXPECT_EQ(json["longitude"][0].dump(), "-0.1161");
  EXPECT_TRUE(json["latitude"][1].is_null());
  EXPECT_EQ(json["active_agreements"], nlohmann::json::array({2, 0}));
}

}  // namespace
}  // namespace weltcampus::partners
