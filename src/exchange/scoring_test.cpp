#include "exchange/scoring.h"

#include <gtest/gtest.h>

#include "exchange/allocation.h"

namespace weltcampus::exchange {
namespace {

ScoreWeights Weights() {
  ScoreWeights weights;
  weights.grade = 50;
  weights.language = 30;
  weights.committee = 20;
  weights.committee_points_max = 10;
  weights.tie_rules = {TieRule::kFirstStayFirst, TieRule::kHigherSemesterFirst};
  return weights;
}

Applicant Someone() {
  Applicant applicant;
  applicant.grade_average = 1.6;
  applicant.certificates = {{"en", CefrLevel::kC1}, {"fr", CefrLevel::kB1}};
  applicant.committee_points = 7;
  applicant.study_semester = 6;
  return applicant;
}

TEST(Score, GradeIsInverted) {
  EXPECT_DOUBLE_EQ(GradePart(1.0), 100);
  EXPECT_DOUBLE_EQ(GradePart(4.0), 0);
  EXPECT_DOUBLE_EQ(GradePart(2.5), 50);
  EXPECT_NEAR(GradePart(1.6), 80, 1e-9);
  EXPECT_DOUBLE_EQ(GradePart(std::nullopt), 50);  // no grade yet: the middle
}

TEST(Score, LanguageAgainstTheOffersRequirement) {
  const auto applicant = Someone();
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "fr", CefrLevel::kB1), 50);   // exactly
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "en", CefrLevel::kB2), 75);   // one above
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "en", CefrLevel::kB1), 100);  // two above
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "en", CefrLevel::kA1), 100);  // at most 100
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "fr", CefrLevel::kB2), 0);    // one short
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, "es", std::nullopt), 0);      // none held
  // Common: the best certificate in any language (C1 → 80).
  EXPECT_DOUBLE_EQ(LanguagePart(applicant, std::nullopt, std::nullopt), 80);
  EXPECT_DOUBLE_EQ(LanguagePart(Applicant{}, std::nullopt, std::nullopt), 0);
}

TEST(Score, TheCallsOptionalCriteriaArePartsOfTheirOwn) {
  auto weights = Weights();
  weights.grade = 40;
  weights.criteria = {{"engagement", 10, 5}, {"interview", 0, 10}};
  auto applicant = Someone();
  applicant.criteria_points = {{"engagement", 4}, {"unknown", 9}};
  const auto score = CommonScore(weights, applicant);
  ASSERT_EQ(score.criteria.size(), 2u);
  EXPECT_DOUBLE_EQ(score.criteria[0], 80);  // 4 of 5
  EXPECT_DOUBLE_EQ(score.criteria[1], 0);   // not given
  EXPECT_DOUBLE_EQ(score.total, 78);        // 0.4*80 + 0.3*80 + 0.2*70 + 0.1*80
  applicant.criteria_points.clear();
  EXPECT_DOUBLE_EQ(CommonScore(weights, applicant).total, 70);
  // At an offer too: its language part, the same criteria.
  applicant.criteria_points = {{"engagement", 5}};
  EXPECT_DOUBLE_EQ(OfferScore(weights, applicant, "fr", CefrLevel::kB1).total,
                   71);  // 0.4*80 + 0.3*50 + 0.2*70 + 0.1*100
}

TEST(Score, WeightedSumOfTheParts) {
  const auto score = CommonScore(Weights(), Someone());
  EXPECT_NEAR(score.grade, 80, 1e-9);
  EXPECT_DOUBLE_EQ(score.language, 80);
  EXPECT_DOUBLE_EQ(score.committee, 70);
  EXPECT_DOUBLE_EQ(score.total, 78);  // 0.5*80 + 0.3*80 + 0.2*70
  auto unscored = Someone();
  unscored.committee_points.reset();
  EXPECT_DOUBLE_EQ(CommonScore(Weights(), unscored).total, 64);
}

TEST(Score, AnOffersPriorityCanDifferFromTheCommonScore) {
  const auto applicant = Someone();
  EXPECT_DOUBLE_EQ(OfferScore(Weights(), applicant, "fr", CefrLevel::kB1).total, 69);
  EXPECT_DOUBLE_EQ(OfferScore(Weights(), applicant, "en", CefrLevel::kB2).total, 76.5);
  EXPECT_DOUBLE_EQ(OfferScore(Weights(), applicant, std::nullopt, std::nullopt).total, 78);
}

TEST(Score, CommitteePointsOverTheMaximum) {
  auto weights = Weights();
  auto applicant = Someone();
  applicant.committee_points = 10;
  EXPECT_DOUBLE_EQ(CommonScore(weights, applicant).committee, 100);
  applicant.committee_points = 0;
  EXPECT_DOUBLE_EQ(CommonScore(weights, applicant).committee, 0);
  weights.committee_points_max = 0;  // a call without committee points
  applicant.committee_points = 5;
  EXPECT_DOUBLE_EQ(CommonScore(weights, applicant).committee, 0);
}

TEST(Score, TieRulesOrderEqualScoresAndNeverBeatAHigherOne) {
  const auto weights = Weights();
  auto first = Someone();  // no earlier stay, semester 6
  auto second = Someone();
  second.earlier_stay_abroad = true;
  second.study_semester = 12;
  // First stay first beats the higher semester, the first rule named.
  EXPECT_GT(AllocationValue(weights, first, 78), AllocationValue(weights, second, 78));
  auto swapped = weights;
  swapped.tie_rules = {TieRule::kHigherSemesterFirst, TieRule::kFirstStayFirst};
  EXPECT_LT(AllocationValue(swapped, first, 78), AllocationValue(swapped, second, 78));
  // 0.01 more always wins over any tie key.
  second.earlier_stay_abroad = false;
  second.study_semester = 20;
  first.earlier_stay_abroad = true;
  first.study_semester = 1;
  EXPECT_GT(AllocationValue(weights, first, 78.01), AllocationValue(weights, second, 78));
  // Equal in everything: equal values, for the lottery.
  EXPECT_EQ(AllocationValue(weights, Someone(), 64.5), AllocationValue(weights, Someone(), 64.5));
  // No tie rules: the score itself.
  auto plain = weights;
  plain.tie_rules.clear();
  EXPECT_DOUBLE_EQ(AllocationValue(plain, first, 64.5), 64.5);
  // Within the score's hundredth.
  EXPECT_GE(AllocationValue(weights, first, 64.5), 64.5);
  EXPECT_LT(AllocationValue(weights, second, 64.5), 64.51);
}

TEST(Score, TheAllocationCoreTakesTheValues) {
  // Two applicants with the same score, both wanting the one place: the tie rule decides, not
  // the lottery, whatever the seed.
  const auto weights = Weights();
  auto returning = Someone();
  returning.earlier_stay_abroad = true;
  const double score = CommonScore(weights, Someone()).total;
  for (uint64_t seed : {1U, 2U, 3U, 4U, 5U}) {
    AllocationInput input;
    input.offers = {{"o1", 1, std::nullopt}};
    input.applicants = {{"returning", AllocationValue(weights, returning, score), {"o1"}},
                        {"first", AllocationValue(weights, Someone(), score), {"o1"}}};
    input.seed = seed;
    const auto allocation = Allocate(IndexAllocationInput(input));
    EXPECT_EQ(allocation.assignment, (std::vector<int32_t>{-1, 0})) << seed;
  }
}

}  // namespace
}  // namespace weltcampus::exchange
