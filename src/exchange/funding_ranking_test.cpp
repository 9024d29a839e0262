#include "exchange/funding_ranking.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "exchange/allocation.h"

namespace weltcampus::exchange {
namespace {

FundingCandidate Candidate(const std::string& id, double value, int64_t days,
                           bool eligible = true) {
  return {id, value, value, days, eligible};
}

TEST(FundingRanking, GrantsInScoreOrderUntilTheBudgetIsSpent) {
  FundingInput input;
  input.budget_days = 300;
  input.applicants = {Candidate("a1", 60, 120), Candidate("a2", 90, 90), Candidate("a3", 75, 60),
                      Candidate("a4", 40, 90, false), Candidate("a5", 50, 90)};
  const auto ranking = RankForFunding(input);
  // By score: a2 (90), a3 (75), a1 (60), a5 (50); a4 is not eligible.
  EXPECT_EQ(ranking.order, (std::vector<uint32_t>{1, 2, 0, 4}));
  EXPECT_EQ(ranking.outcomes[1].status, FundingStatus::kFunded);
  EXPECT_EQ(ranking.outcomes[1].days_granted, 90);
  EXPECT_EQ(ranking.outcomes[2].days_granted, 60);
  EXPECT_EQ(ranking.outcomes[0].days_granted, 120);  // 300 − 90 − 60 = 150 left: fits
  // 30 days left: less than the 60 a traineeship needs.
  EXPECT_EQ(ranking.outcomes[4].status, FundingStatus::kBudgetSpent);
  EXPECT_EQ(ranking.outcomes[4].rank, 4);
  EXPECT_EQ(ranking.outcomes[4].budget_left_before, 30);
  EXPECT_EQ(ranking.outcomes[4].cutoff, 60);
  EXPECT_EQ(ranking.outcomes[3].status, FundingStatus::kNotEligible);
  EXPECT_FALSE(ranking.outcomes[3].rank);
  EXPECT_EQ(ranking.days_granted, 270);
}

TEST(FundingRanking, AtTheEdgeSixtyDaysLeftArePartlyGrantedAndFiftyNineAreNot) {
  FundingInput input;
  input.applicants = {Candidate("a1", 80, 100), Candidate("a2", 70, 110), Candidate("a3", 60, 60)};
  input.budget_days = 160;  // 100 to a1, 60 left for a2 who asks 110
  auto ranking = RankForFunding(input);
  EXPECT_EQ(ranking.outcomes[1].status, FundingStatus::kPartlyFunded);
  EXPECT_EQ(ranking.outcomes[1].days_granted, 60);
  EXPECT_EQ(ranking.outcomes[2].status, FundingStatus::kBudgetSpent);
  EXPECT_EQ(ranking.outcomes[2].cutoff, 70);
  input.budget_days = 159;  // 59 left for a2: not enough; a3 below is not funded either
  ranking = RankForFunding(input);
  EXPECT_EQ(ranking.outcomes[1].status, FundingStatus::kBudgetSpent);
  EXPECT_EQ(ranking.outcomes[1].days_granted, 0);
  EXPECT_EQ(ranking.outcomes[1].cutoff, 80);
  EXPECT_EQ(ranking.outcomes[2].status, FundingStatus::kBudgetSpent);
  EXPECT_EQ(ranking.days_granted, 100);
}

TEST(FundingRanking, EqualScoresGoToTheLotteryOfTheSeed) {
  FundingInput input;
  input.budget_days = 60;
  input.applicants = {Candidate("a1", 70, 60), Candidate("a2", 70, 60)};
  std::set<uint32_t> winners;
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    input.seed = seed;
    const auto draws = LotteryDraws(seed, 2);
    const uint32_t winner = draws[0] < draws[1] ? 0 : 1;
    const auto ranking = RankForFunding(input);
    EXPECT_EQ(ranking.outcomes[winner].days_granted, 60) << seed;
    EXPECT_EQ(ranking.outcomes[1 - winner].status, FundingStatus::kBudgetSpent) << seed;
    EXPECT_TRUE(ranking.outcomes[1 - winner].lost_on_lottery) << seed;
    winners.insert(winner);
  }
  EXPECT_EQ(winners.size(), 2u) << "the lottery never let the other one win";
}

TEST(FundingRanking, RefusesANegativeBudget) {
  FundingInput input;
  input.budget_days = -1;
  EXPECT_THROW(RankForFunding(input), std::invalid_argument);
}

// On many random instances, checked against the rule written once more here: never over the
// budget; along the rank order the values never rise; nobody is funded below someone who got less
// than asked for (or nothing); a partial grant is at least 60 days; the same seed, the same result.
TEST(FundingRanking, PropertiesOnRandomInstances) {
  std::mt19937_64 random(20261204);
  for (int round = 0; round < 500; ++round) {
    FundingInput input;
    input.seed = random();
    input.budget_days = static_cast<int64_t>(random() % 2000);
    const size_t n = random() % 40;
    for (size_t i = 0; i < n; ++i) {
      // Few distinct scores, so that ties and the lottery are common.
      input.applicants.push_back(
          Candidate("a" + std::to_string(i + 1), static_cast<double>(random() % 5) * 10,
                    60 + static_cast<int64_t>(random() % 301), random() % 6 != 0));
    }
    const auto ranking = RankForFunding(input);
    ASSERT_EQ(ranking.outcomes.size(), n);
    int64_t granted = 0;
    size_t eligible = 0;
    for (size_t i = 0; i < n; ++i) {
      const auto& outcome = ranking.outcomes[i];
      granted += outcome.days_granted;
      EXPECT_LE(outcome.days_granted, input.applicants[i].days);
      if (!input.applicants[i].eligible) {
        EXPECT_EQ(outcome.status, FundingStatus::kNotEligible);
        EXPECT_EQ(outcome.days_granted, 0);
      } else {
        ++eligible;
      }
      if (outcome.status == FundingStatus::kPartlyFunded) {
        EXPECT_GE(outcome.days_granted, kMinFundedDays);
      }
    }
    EXPECT_LE(granted, input.budget_days);
    EXPECT_EQ(granted, ranking.days_granted);
    ASSERT_EQ(ranking.order.size(), eligible);
    bool short_seen = false;
    for (size_t k = 0; k < ranking.order.size(); ++k) {
      const uint32_t i = ranking.order[k];
      EXPECT_EQ(ranking.outcomes[i].rank, static_cast<int64_t>(k) + 1);
      if (k > 0) {
        EXPECT_GE(input.applicants[ranking.order[k - 1]].value, input.applicants[i].value);
      }
      if (short_seen) {
        EXPECT_EQ(ranking.outcomes[i].days_granted, 0) << "funded below an applicant who was not";
      }
      short_seen = short_seen || ranking.outcomes[i].days_granted < input.applicants[i].days;
    }
    // Whoever is left out is left out because fewer than 60 days (and fewer than asked) remained.
    int64_t left = input.budget_days - granted;
    for (const uint32_t i : ranking.order) {
      if (ranking.outcomes[i].status == FundingStatus::kBudgetSpent) {
        EXPECT_LT(left, kMinFundedDays);
        EXPECT_LT(left, input.applicants[i].days);
      }
    }
    const auto again = RankForFunding(input);
    EXPECT_EQ(again.order, ranking.order);
    for (size_t i = 0; i < n; ++i) {
      EXPECT_EQ(again.outcomes[i].days_granted, ranking.outcomes[i].days_granted);
    }
  }
}

}  // namespace
}  // namespace weltcampus::exchange
