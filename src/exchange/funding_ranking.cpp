#include "exchange/funding_ranking.h"

#include <algorithm>
#include <stdexcept>

#include "exchange/allocation.h"

namespace weltcampus::exchange {

FundingRanking RankForFunding(const FundingInput& input) {
  if (input.budget_days < 0) {
    throw std::invalid_argument("a funding budget below 0 days");
  }
  const size_t n = input.applicants.size();
  const auto draws = LotteryDraws(input.seed, n);
  FundingRanking ranking;
  ranking.budget_days = input.budget_days;
  ranking.outcomes.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (input.applicants[i].days < 0) {
      throw std::invalid_argument("an applicant asking for fewer than 0 days");
    }
    if (input.applicants[i].eligible) {
      ranking.order.push_back(i);
    }
  }
  std::sort(ranking.order.begin(), ranking.order.end(), [&](uint32_t a, uint32_t b) {
    const auto& x = input.applicants[a];
    const auto& y = input.applicants[b];
    if (x.value != y.value) {
      return x.value > y.value;
    }
    if (draws[a] != draws[b]) {
      return draws[a] < draws[b];
    }
    return a < b;
  });

  int64_t left = input.budget_days;
  bool spent = false;
  std::optional<uint32_t> last_funded;
  for (size_t position = 0; position < ranking.order.size(); ++position) {
    const uint32_t i = ranking.order[position];
    auto& outcome = ranking.outcomes[i];
    outcome.rank = static_cast<int64_t>(position) + 1;
    outcome.budget_left_before = left;
    const int64_t asked = input.applicants[i].days;
    const int64_t grant = std::min(asked, left);
    if (!spent && (grant == asked || grant >= kMinFundedDays)) {
      outcome.status = grant == asked ? FundingStatus::kFunded : FundingStatus::kPartlyFunded;
      outcome.days_granted = grant;
      left -= grant;
      ranking.days_granted += grant;
      last_funded = i;
      continue;
    }
    spent = true;
    outcome.status = FundingStatus::kBudgetSpent;
    if (last_funded) {
      outcome.cutoff = input.applicants[*last_funded].score;
      outcome.lost_on_lottery = input.applicants[*last_funded].value == input.applicants[i].value;
    }
  }
  return ranking;
}

}  // namespace weltcampus::exchange
