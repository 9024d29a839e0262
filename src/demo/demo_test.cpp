#include "demo/demo.h"

#include <gtest/gtest.h>

#include "auth/demo_accounts.h"
#include "store/temporary_database.h"

namespace weltcampus::demo {
namespace {

TEST(Demo, BuildsTheHomeSettingsThePartnersAndTheAccounts) {
  store::testing::TemporaryDatabase database(store::Backend::kSqlite, true);
  partners::DemoSettings settings;
  settings.today = Date{2026, 11, 28};
  const auto summary = database.database().Write(
      [&](store::Connection& c) { return Build(c, partners::DemoReferenceData{}, settings); });
  EXPECT_EQ(summary.partnerships, 3);
  database.database().Read([](store::Connection& c) {
    EXPECT_EQ(c.Count("SELECT COUNT(*) AS n FROM settings WHERE key = 'home.erasmus_code' AND "
                      "value = 'D  DRESDEN02'"),
              1);
    EXPECT_EQ(c.Count("SELECT COUNT(*) AS n FROM users"),
              static_cast<int64_t>(auth::DemoAccounts().size()));
  });
}

}  // namespace
}  // namespace weltcampus::demo
