#include "exchange/demand.h"

#include <gtest/gtest.h>

#include "exchange/demand_test_fixture.h"

namespace weltcampus::exchange {
namespace {

using store::Backend;
using store::Connection;

class DemandTest : public demand_testing::DemandFixture {};

TEST_P(DemandTest, ACallsOffersCountSubmittedAndCheckedApplicationsOnly) {
  const auto demand = db_->database().Read([&](Connection& c) { return LoadCallDemand(c, call_); });
  EXPECT_FALSE(demand.run_id);
  ASSERT_EQ(demand.offers.size(), 3u);
  // By partner name, then id.
  const auto& lyon = demand.offers[0];
  const auto& summer = demand.offers[1];
  const auto& oslo = demand.offers[2];
  EXPECT_EQ(lyon.offer_id, lyon_);
  EXPECT_EQ(lyon.places, 3);
  EXPECT_EQ(lyon.first_preference, 2);  // students 0 and 1; not the draft nor the withdrawn
  EXPECT_EQ(lyon.any_preference, 3);    // and student 2's second choice
  EXPECT_EQ(summer.offer_id, lyon_summer_);
  EXPECT_EQ(summer.term, OfferTerm::kSummer);
  EXPECT_EQ(summer.first_preference, 1);
  EXPECT_EQ(summer.any_preference, 2);
  EXPECT_EQ(oslo.offer_id, oslo_);
  EXPECT_EQ(oslo.partnership_id, partnership_ + 1000);
  EXPECT_EQ(oslo.places, 0);
  EXPECT_EQ(oslo.first_preference, 1);
  EXPECT_EQ(oslo.any_preference, 2);
  EXPECT_FALSE(lyon.placed);
  EXPECT_FALSE(lyon.left_empty);

  const auto json = ToJson(demand);
  EXPECT_EQ(json["offers"][0]["oversubscription"], 0.67);
  EXPECT_TRUE(json["offers"][2]["oversubscription"].is_null());  // no places
  EXPECT_EQ(json["totals"]["places"], 4);
  EXPECT_EQ(json["totals"]["first_preference"], 4);
  EXPECT_EQ(json["totals"]["any_preference"], 7);
  EXPECT_EQ(json["totals"]["oversubscription"], 1.0);
  EXPECT_TRUE(json["totals"]["placed"].is_null());
}

TEST_P(DemandTest, AMissingCallIsNotFound) {
  EXPECT_THROW(db_->database().Read([&](Connection& c) { return LoadCallDemand(c, 999999); }),
               ApiError);
}

TEST_P(DemandTest, OverTheYearsPerPartnerOfTheUnitsOwnCalls) {
  const auto demand = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2025, 2028); });
  EXPECT_EQ(demand.from, 2025);
  ASSERT_EQ(demand.partners.size(), 2u);
  // Lyon: two years, the older over-subscribed (2 first preferences, 1 place); Oslo: one year,
  // over-subscribed too, and first preferences without any places rank it above Lyon.
  const auto& oslo = demand.partners[0];
  EXPECT_EQ(oslo.partner_name, "Oslo");
  EXPECT_EQ(oslo.oversubscribed_years, 1);
  ASSERT_EQ(oslo.years.size(), 1u);
  const auto& lyon = demand.partners[1];
  EXPECT_EQ(lyon.partnership_id, partnership_);
  EXPECT_EQ(lyon.oversubscribed_years, 1);
  ASSERT_EQ(lyon.years.size(), 2u);
  EXPECT_EQ(lyon.years[0].academic_year, 2026);
  EXPECT_EQ(lyon.years[0].places, 1);
  EXPECT_EQ(lyon.years[0].first_preference, 2);  // not the incomplete one
  EXPECT_EQ(lyon.years[0].any_preference, 2);
  EXPECT_EQ(lyon.years[1].academic_year, 2027);  // both offers of the call, not the law school's
  EXPECT_EQ(lyon.years[1].places, 4);
  EXPECT_EQ(lyon.years[1].first_preference, 3);
  EXPECT_EQ(lyon.years[1].any_preference, 5);
  EXPECT_FALSE(lyon.years[1].placed);

  const auto only_2027 = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2027, 2027); });
  ASSERT_EQ(only_2027.partners.size(), 2u);
  // Oslo over-subscribed, Lyon (3 first preferences for 4 places) not.
  EXPECT_EQ(only_2027.partners[0].partner_name, "Oslo");
  EXPECT_EQ(only_2027.partners[1].oversubscribed_years, 0);
  EXPECT_EQ(ToJson(only_2027)["partners"][1]["years"][0]["academic_year"], "2027/2028");
}

TEST_P(DemandTest, ARangeTooLongOrReversedOrAnUnknownUnitIsRefusedNamingTheField) {
  const auto field = [&](int64_t unit, int from, int to) {
    try {
      db_->database().Read([&](Connection& c) { return LoadDemandOverYears(c, unit, from, to); });
    } catch (const ApiError& error) {
      return error.field();
    }
    return std::string();
  };
  EXPECT_EQ(field(unit_, 2027, 2026), "from_year");
  EXPECT_EQ(field(unit_, 2015, 2026), "to_year");
  EXPECT_EQ(field(unit_, 2016, 2026), "");  // 10 apart
  EXPECT_EQ(field(999999, 2026, 2027), "org_unit_id");
}

TEST_P(DemandTest, TheLatestRunThatIsNotSupersededGivesPlacedAndLeftEmpty) {
  int64_t run = 0;
  db_->database().Write([&](Connection& c) {
    const auto add_run = [&](const char* status) {
      return c.Insert(
          "INSERT INTO allocation_runs (call_id, round, status, seed, input, applicants, placed, "
          "offers, places, created_at) VALUES (:call, 1, :status, '7', '{}', 3, 3, 3, 4, "
          "'2027-03-01T10:00:00Z')",
          store::Params().Set("call", call_).Set("status", std::string(status)));
    };
    const auto place = [&](int64_t in, int64_t application, std::optional<int64_t> offer) {
      c.Exec(
          "INSERT INTO allocation_results (run_id, application_id, offer_id, score, explanation) "
          "VALUES (:run, :application, :offer, 50, '[]')",
          store::Params().Set("run", in).Set("application", application).Set("offer", offer));
    };
    run = add_run("computed");
    place(run, applications_[0], lyon_);
    place(run, applications_[1], lyon_);
    place(run, applications_[2], std::nullopt);
    place(run, applications_[3], lyon_summer_);
    const int64_t later = add_run("superseded");  // newer, but superseded: not counted
    place(later, applications_[0], oslo_);
  });
  const auto demand = db_->database().Read([&](Connection& c) { return LoadCallDemand(c, call_); });
  EXPECT_EQ(demand.run_id, run);
  ASSERT_EQ(demand.offers.size(), 3u);
  EXPECT_EQ(demand.offers[0].placed, 2);
  EXPECT_EQ(demand.offers[0].left_empty, 1);
  EXPECT_EQ(demand.offers[1].placed, 1);
  EXPECT_EQ(demand.offers[1].left_empty, 0);
  EXPECT_EQ(demand.offers[2].placed, 0);
  EXPECT_EQ(demand.offers[2].left_empty, 0);
  EXPECT_EQ(ToJson(demand)["totals"]["placed"], 3);
  EXPECT_EQ(ToJson(demand)["totals"]["left_empty"], 1);

  const auto years = db_->database().Read(
      [&](Connection& c) { return LoadDemandOverYears(c, unit_, 2026, 2027); });
  ASSERT_EQ(years.partners.size(), 2u);
  const auto& lyon = years.partners[1];
  ASSERT_EQ(lyon.years.size(), 2u);
  EXPECT_FALSE(lyon.years[0].placed);  // 2026: no run
  EXPECT_FALSE(lyon.years[0].left_empty);
  EXPECT_EQ(lyon.years[1].placed, 3);
  EXPECT_EQ(lyon.years[1].left_empty, 1);
  EXPECT_EQ(years.partners[0].years[0].placed, 0);  // Oslo: no places, none placed
}

TEST(Oversubscription, IsFirstPreferencesPerPlaceToTwoDecimals) {
  EXPECT_EQ(Oversubscription(2, 3), 0.67);
  EXPECT_EQ(Oversubscription(5, 2), 2.5);
  EXPECT_EQ(Oversubscription(0, 4), 0.0);
  EXPECT_FALSE(Oversubscription(3, 0));
}

INSTANTIATE_TEST_SUITE_P(Backends, DemandTest, ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const auto& info) { return store::testing::BackendName(info.param); });

}  // namespace
}  // namespace weltcampus::exchange
