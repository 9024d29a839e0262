#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "exchange/calls.h"
#include "exchange/students.h"

// The selection score (issue 10, item 2, "published selection criteria"): a pure function of a
// call's weights and an applicant's facts, no I/O. docs/allocation.md ("The score") states the
// rule for people. Three parts, each 0..100:
//   grade     the grade average inverted: 1.0 → 100, 4.0 → 0, linear; no grade yet → 50
//   language  against an offer's requirement: 50 at exactly the required level, 25 more per level
//             above, at most 100; for the common score (and an offer that requires no language)
//             the best certificate held in any language: A1 → 0, A2 → 20, ... C2 → 100; none → 0
//   committee the committee's points over the call's maximum, × 100; not yet given → 0
// and one part for each of the call's optional criteria, the same way: its points over its
// maximum, × 100; not yet given → 0.
// The score is their weighted sum (weights in percent, summing to 100), rounded to 2 decimals.
// An offer's priority is the score with that offer's language part, so offers may rank the same
// applicants differently; the common score ranks applicants at the partner level.
//
// Ties: the call's tie rules, in their order, are secondary keys folded into the value the
// allocation core takes (AllocationValue), below the score's last decimal: two applicants with
// the same score are ordered by the first rule that tells them apart; those equal in every rule
// are left to the allocation's one seeded lottery.
namespace weltcampus::exchange {

// An application's points for the call's optional criteria, by criterion code.
using CriteriaPoints = std::map<std::string, int64_t>;

struct CriterionWeight {
  std::string code;
  int64_t weight = 0;  // percent
  int64_t points_max = 0;
};

struct ScoreWeights {
  int64_t grade = 0;  // percent; the three and the optional criteria's sum to 100
  int64_t language = 0;
  int64_t committee = 0;
  int64_t committee_points_max = 0;
  std::vector<TieRule> tie_rules;
  std::vector<CriterionWeight> criteria;  // the call's optional criteria
};
ScoreWeights WeightsOf(const Call& call);

struct Applicant {
  std::optional<double> grade_average;
  std::vector<std::pair<std::string, CefrLevel>> certificates;  // language, level
  std::optional<int64_t> committee_points;
  CriteriaPoints criteria_points;    // missing: not yet given
  bool earlier_stay_abroad = false;  // any stay abroad before (the tie rule "first stay first")
  int64_t study_semester = 1;
};

struct Score {
  double grade = 0;  // each part 0..100
  double language = 0;
  double committee = 0;
  std::vector<double> criteria;  // the optional criteria's parts, in the call's order
  double total = 0;  // weighted, rounded to 2 decimals
};

// The grade part alone: 1.0 → 100, 4.0 → 0; none → 50.
double GradePart(std::optional<double> grade_average);
// The language part against a requirement (language and level), or the common one without.
double LanguagePart(const Applicant& applicant, const std::optional<std::string>& language,
                    const std::optional<CefrLevel>& level);

// The call's common score.
Score CommonScore(const ScoreWeights& weights, const Applicant& applicant);
// The score at an offer with this language requirement (none: the common score).
Score OfferScore(const ScoreWeights& weights, const Applicant& applicant,
                 const std::optional<std::string>& language, const std::optional<CefrLevel>& level);

// What the allocation core takes (AllocationInput's score and an offer's priority): the total
// with the tie rules' keys below its last decimal, so that a higher score always wins and equal
// scores are ordered by the tie rules. Equal in all: equal values (the lottery decides).
double AllocationValue(const ScoreWeights& weights, const Applicant& applicant, double total);

}  // namespace weltcampus::exchange
