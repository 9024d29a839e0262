// List totals kept across requests, on a real database (SQLite, and PostgreSQL under the harness).
#include "store/totals.h"

#include <gtest/gtest.h>

#include "store/temporary_database.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

constexpr const char* kTotalsCount = "SELECT COUNT(*) AS n FROM tt_rows WHERE kind = :kind";

class TotalsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TemporaryDatabase>(GetParam());
    db_->Exec("CREATE TABLE tt_rows (id {{serial_pk}}, kind TEXT NOT NULL)");
    for (int i = 0; i < 3; ++i) {
      Add(db_->database(), "a");
    }
    Add(db_->database(), "b");
  }
  static void Add(Database& database, const std::string& kind) {
    database.Write([&](Connection& c) {
      c.Exec("INSERT INTO tt_rows (kind) VALUES (:kind)", Params().Set("kind", kind));
    });
  }
  int64_t Total(const std::string& kind) {
    return db_->database().Read(
        [&](Connection& c) { return c.Total(kTotalsCount, Params().Set("kind", kind)); });
  }
  std::unique_ptr<TemporaryDatabase> db_;
};

TEST_P(TotalsTest, AListTotalIsKeptUntilAWriteThroughThisDatabase) {
  EXPECT_EQ(Total("a"), 3);
  EXPECT_EQ(Total("b"), 1);
  // Another server adds a row: this one keeps its total for a moment...
  auto other = Database::Open(db_->url(), 1);
  Add(*other, "a");
  EXPECT_EQ(Total("a"), 3);
  // ...while a plain count, and a total with other values, always count.
  EXPECT_EQ(db_->database().Read(
                [](Connection& c) { return c.Count(kTotalsCount, Params().Set("kind", "a")); }),
            4);
  // A write through this database: every kept total is counted again.
  Add(db_->database(), "b");
  EXPECT_EQ(Total("a"), 4);
  EXPECT_EQ(Total("b"), 2);
  // So is a change made outside a transaction.
  db_->database().Read([](Connection& c) { c.Exec("DELETE FROM tt_rows WHERE kind = 'b'"); });
  EXPECT_EQ(Total("b"), 0);
  // Inside a transaction a total includes the transaction's own rows.
  db_->database().Write([](Connection& c) {
    c.Exec("INSERT INTO tt_rows (kind) VALUES ('a')");
    EXPECT_EQ(c.Total(kTotalsCount, Params().Set("kind", "a")), 5);
  });
}

TEST_P(TotalsTest, AKeptTotalLastsNoLongerThanItsMaximumAge) {
  auto other = Database::Open(db_->url(), 1);
  Totals for_an_hour(std::chrono::hours(1));
  Totals not_at_all(std::chrono::milliseconds(0));
  const Params a = Params().Set("kind", "a");
  db_->database().Read([&](Connection& c) {
    EXPECT_EQ(for_an_hour.Count(c, kTotalsCount, a), 3);
    EXPECT_EQ(not_at_all.Count(c, kTotalsCount, a), 3);
  });
  Add(*other, "a");
  db_->database().Read([&](Connection& c) {
    EXPECT_EQ(for_an_hour.Count(c, kTotalsCount, a), 3);
    EXPECT_EQ(not_at_all.Count(c, kTotalsCount, a), 4);
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, TotalsTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::store
