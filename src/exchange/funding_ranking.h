#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_table.h"

// The ranking of a funding call (issue 10, item 6; docs/allocation.md "Funding-only calls"): a pure
// function, no I/O and no clock. The eligible applicants are ranked by the call's common score with
// the call's tie rules folded below its last decimal (scoring.h, AllocationValue), then by the one
// seeded lottery of the places allocation (allocation.h, LotteryDraws: applicant i of the input
// draws the i-th number; the lower draw wins; equal draws: the earlier applicant). Days (30/360,
// funding.h) are granted in rank order until the budget is spent:
//   - an applicant whose stay fits into what is left gets all the days asked for (funded);
//   - at the budget's edge, an applicant gets what is left when that is at least the 60 days a
//     traineeship needs (partly funded: the rest of the stay is a zero-grant period, which Erasmus+
//     allows); when less than 60 days are left, the budget is spent: this applicant and everyone
//     ranked below are not funded (budget spent at the score of the last one funded).
// Nobody ranked lower is ever funded while someone ranked higher is not, or gets less than asked.
namespace weltcampus::exchange {

inline constexpr int64_t kMinFundedDays = 60;

struct FundingCandidate {
  std::string id;    // "a<application id>"
  double value = 0;  // the common score with the tie rules' keys (AllocationValue)
  double score = 0;  // the common score as shown (2 decimals)
  int64_t days = 0;  // asked for
  bool eligible = true;
};

struct FundingInput {
  std::vector<FundingCandidate> applicants;  // in application id order
  int64_t budget_days = 0;
  uint64_t seed = 0;
};

enum class FundingStatus { kFunded, kPartlyFunded, kBudgetSpent, kNotEligible };
inline constexpr EnumTable<FundingStatus, 4> kFundingStatusTable(
    "funding_status", {{{FundingStatus::kFunded, "funded"},
                        {FundingStatus::kPartlyFunded, "partly_funded"},
                        {FundingStatus::kBudgetSpent, "budget_spent"},
                        {FundingStatus::kNotEligible, "not_eligible"}}});

struct FundingOutcome {
  FundingStatus status = FundingStatus::kNotEligible;
  std::optional<int64_t> rank;  // among the eligible, 1 first
  int64_t days_granted = 0;
  int64_t budget_left_before = 0;  // the days left when the applicant's turn came
  std::optional<double> cutoff;    // budget spent: the score of the last applicant funded
  bool lost_on_lottery = false;    // budget spent at an applicant with the same value
};

struct FundingRanking {
  std::vector<FundingOutcome> outcomes;  // per applicant, in input order
  std::vector<uint32_t> order;           // the eligible applicants' indices in rank order
  int64_t budget_days = 0;
  int64_t days_granted = 0;
};

// Refuses (std::invalid_argument) a negative budget or a negative number of days asked for.
FundingRanking RankForFunding(const FundingInput& input);

}  // namespace weltcampus::exchange
