#include "exchange/scoring.h"

#include <algorithm>
#include <cmath>

namespace weltcampus::exchange {

namespace {

constexpr double kNoGradePart = 50;
constexpr int64_t kMaxSemesterKey = 20;  // the students' study_semester is 1..20

double Clamp100(double value) { return std::clamp(value, 0.0, 100.0); }

double Round2(double value) { return std::round(value * 100.0) / 100.0; }

double PointsPart(std::optional<int64_t> points, int64_t points_max) {
  if (!points || points_max <= 0) {
    return 0;
  }
  return Clamp100(100.0 * static_cast<double>(*points) / static_cast<double>(points_max));
}

Score Weighted(const ScoreWeights& weights, const Applicant& applicant, double grade,
               double language) {
  Score score;
  score.grade = grade;
  score.language = language;
  score.committee = PointsPart(applicant.committee_points, weights.committee_points_max);
  double sum = static_cast<double>(weights.grade) * grade +
               static_cast<double>(weights.language) * language +
               static_cast<double>(weights.committee) * score.committee;
  for (const auto& criterion : weights.criteria) {
    const auto given = applicant.criteria_points.find(criterion.code);
    const double part = PointsPart(
        given == applicant.criteria_points.end() ? std::nullopt : std::optional(given->second),
        criterion.points_max);
    score.criteria.push_back(part);
    sum += static_cast<double>(criterion.weight) * part;
  }
  score.total = Round2(Clamp100(sum / 100.0));
  return score;
}

}  // namespace

ScoreWeights WeightsOf(const Call& call) {
  ScoreWeights weights{call.weight_grade,         call.weight_language, call.weight_committee,
                       call.committee_points_max, call.tie_rules,       {}};
  for (const auto& criterion : call.criteria) {
    weights.criteria.push_back({criterion.code, criterion.weight, criterion.points_max});
  }
  return weights;
}

double GradePart(std::optional<double> grade_average) {
  // Someone in their first semester has no grade yet: the middle of the scale, neither
  // favoured nor held back (the call's other parts decide).
  if (!grade_average) {
    return kNoGradePart;
  }
  return Clamp100((4.0 - *grade_average) / 3.0 * 100.0);
}

double LanguagePart(const Applicant& applicant, const std::optional<std::string>& language,
                    const std::optional<CefrLevel>& level) {
  if (language && !language->empty()) {
    std::optional<CefrLevel> held;
    for (const auto& [code, certificate] : applicant.certificates) {
      if (code == *language && (!held || certificate > *held)) {
        held = certificate;
      }
    }
    const int required = static_cast<int>(level.value_or(CefrLevel::kA1));
    if (!held || static_cast<int>(*held) < required) {
      return 0;  // not eligible there; no priority is given (the caller leaves them out)
    }
    return std::min(100.0, 50.0 + 25.0 * (static_cast<int>(*held) - required));
  }
  int best = -1;
  for (const auto& [code, certificate] : applicant.certificates) {
    best = std::max(best, static_cast<int>(certificate));
  }
  return best < 0 ? 0 : 20.0 * best;
}

Score CommonScore(const ScoreWeights& weights, const Applicant& applicant) {
  return Weighted(weights, applicant, GradePart(applicant.grade_average),
                  LanguagePart(applicant, std::nullopt, std::nullopt));
}

Score OfferScore(const ScoreWeights& weights, const Applicant& applicant,
                 const std::optional<std::string>& language,
                 const std::optional<CefrLevel>& level) {
  return Weighted(weights, applicant, GradePart(applicant.grade_average),
                  LanguagePart(applicant, language, level));
}

double AllocationValue(const ScoreWeights& weights, const Applicant& applicant, double total) {
  // Mixed radix: each rule a digit (first stay: 1 before 0; semester: its number), the first
  // rule the most significant; a rule named twice counts once.
  int64_t key = 0;
  int64_t range = 1;
  std::vector<TieRule> seen;
  for (const TieRule rule : weights.tie_rules) {
    if (std::find(seen.begin(), seen.end(), rule) != seen.end()) {
      continue;
    }
    seen.push_back(rule);
    if (rule == TieRule::kFirstStayFirst) {
      key = key * 2 + (applicant.earlier_stay_abroad ? 0 : 1);
      range *= 2;
    } else {
      key = key * (kMaxSemesterKey + 1) +
            std::clamp<int64_t>(applicant.study_semester, 0, kMaxSemesterKey);
      range *= kMaxSemesterKey + 1;
    }
  }
  // Whole numbers below 2^53 divided by one constant: equal inputs give equal values, and a
  // higher score (at least 0.01 more) always stays above any tie key (less than 0.01).
  const auto hundredths = static_cast<int64_t>(std::llround(Clamp100(total) * 100.0));
  return static_cast<double>(hundredths * range + key) / (100.0 * static_cast<double>(range));
}

}  // namespace weltcampus::exchange
