#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "exchange/allocation_runs.h"
#include "exchange/calls.h"
#include "store/sql.h"

// The runs of a funding call (issue 10, item 6; docs/allocation.md "Funding-only calls"): the run
// service (allocation_runs_service.cpp) chooses this path by the call's kind and keeps everything
// else alike — one run at a time, rounds, the call's seed, sign-off, publication, the students'
// answers by accept_by. A round's budget is the call's funded months × 30 days less the days of
// earlier published rounds that are accepted or still offered (RoundBasis::taken_days): days
// declined or lapsed go back to it, for the applicants of earlier rounds never funded.
namespace weltcampus::exchange {

// A computed run with its input (JSON text) and one result per applicant, to be stored.
struct ComputedRun {
  AllocationRun run;
  std::string input;
  std::vector<RunResult> results;
};

// Ranks the call's checked applications within the round's budget (funding_ranking.h). The input
// is kept as JSON: {"offers": [], "partners": [], "seed", "budget_days", "applicants": [{"id":
// "a<application id>", "score" (with the tie rules' keys), "shown", "days", "eligible"}]}; the
// ranking is computed from that text as stored. ApiError 422 without applications to rank.
ComputedRun ComputeFundingRun(store::Connection& c, const Call& call, const RoundBasis& basis,
                              uint64_t seed);
// Recomputed from the stored input: whether every applicant gets the stored days.
bool RepeatFundingRun(store::Connection& c, int64_t run_id);

// The funding facts of a run (the round's budget, granted, left) and of a result (rank, status,
// days asked and granted, the budget's cutoff, the reasons it is not eligible), or null for a
// call for places; their schemas.
nlohmann::json FundingOfRun(const AllocationRun& run);
nlohmann::json FundingOfRunSchema();
nlohmann::json FundingOfResult(const RunResult& result);
nlohmann::json FundingOfResultSchema();

}  // namespace weltcampus::exchange
