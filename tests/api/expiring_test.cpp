// Agreements that run out soon.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

class ExpiringTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_));
    const int current = CurrentAcademicYearStart();
    ASSERT_NO_FATAL_FAILURE(Create("signed", current - 1, current, &ends_this_year_));
    ASSERT_NO_FATAL_FAILURE(Create("signed", current, current + 1, &ends_next_year_));
    ends_next_year_["status"] = "active";
    ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/agreements/" + std::to_string(IdOf(ends_next_year_)),
                                     ends_next_year_, &ends_next_year_));
    ASSERT_NO_FATAL_FAILURE(Create("draft", current - 1, current, &draft_));
  }

  void Create(const std::string& status, int first, int last, Json* out) {
    ASSERT_NO_FATAL_FAILURE(
        CreateOk("/api/v1/agreements",
                 NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), status,
                                  first, last),
                 out));
  }

  std::set<long long> Ids(const std::vector<Json>& items) {
    std::set<long long> ids;
    for (const Json& item : items) {
      ids.insert(IdOf(item));
    }
    return ids;
  }

  PartnerFixture partner_;
  Json ends_this_year_;
  Json ends_next_year_;
  Json draft_;
};

TEST_F(ExpiringTest, ActiveOrSignedEndingWithinMonthsSoonestFirst) {
  std::vector<Json> within_12;
  long long total = -1;
  ASSERT_NO_FATAL_FAILURE(
      ListAll("/api/v1/agreements/expiring?months=12", 200, &within_12, &total));
  EXPECT_EQ(static_cast<long long>(within_12.size()), total);
  const auto ids_12 = Ids(within_12);
  EXPECT_EQ(ids_12.count(IdOf(ends_this_year_)), 1u);
  EXPECT_EQ(ids_12.count(IdOf(ends_next_year_)), 0u) << "ends in more than 12 months";
  EXPECT_EQ(ids_12.count(IdOf(draft_)), 0u) << "a draft is not expiring";
  for (std::size_t i = 0; i < within_12.size(); ++i) {
    const std::string status = Str(within_12[i], "status");
    EXPECT_TRUE(status == "active" || status == "signed") << within_12[i].dump();
    if (i > 0) {
      EXPECT_LE(Str(within_12[i - 1], "ends_on"), Str(within_12[i], "ends_on"))
          << "not soonest first at position " << i;
    }
  }

  std::vector<Json> within_24;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/agreements/expiring?months=24", 200, &within_24));
  const auto ids_24 = Ids(within_24);
  EXPECT_EQ(ids_24.count(IdOf(ends_this_year_)), 1u);
  EXPECT_EQ(ids_24.count(IdOf(ends_next_year_)), 1u);
  EXPECT_EQ(ids_24.count(IdOf(draft_)), 0u);
}

TEST_F(ExpiringTest, DefaultIsTwelveMonths) {
  std::vector<Json> by_default;
  std::vector<Json> twelve;
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/agreements/expiring", 200, &by_default));
  ASSERT_NO_FATAL_FAILURE(ListAll("/api/v1/agreements/expiring?months=12", 200, &twelve));
  EXPECT_EQ(Ids(by_default), Ids(twelve));
}

TEST_F(ExpiringTest, ListFilterExpiringWithinMonths) {
  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(ListAll(
      Query("/api/v1/agreements", {{"partnership_id", std::to_string(IdOf(partner_.partnership))},
                                   {"expiring_within_months", "12"}}),
      50, &items));
  EXPECT_EQ(Ids(items), std::set<long long>{IdOf(ends_this_year_)});
}

TEST_F(ExpiringTest, InvalidMonthsIs422) {
  for (const char* months : {"abc", "-1", "1.5"}) {
    EXPECT_TRUE(IsError(Api().Get(std::string("/api/v1/agreements/expiring?months=") + months), 422,
                        "validation_failed", "months"))
        << months;
  }
  EXPECT_TRUE(IsError(Api().Get("/api/v1/agreements?expiring_within_months=soon"), 422,
                      "validation_failed", "expiring_within_months"));
}

}  // namespace
}  // namespace weltcampus::api_test
