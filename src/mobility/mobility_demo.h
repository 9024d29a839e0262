#pragma once

#include <cstdint>

#include "core/date.h"
#include "store/database.h"

// The demo's mobilities (issue 11, item 10): ten years of past stays in and out, in every category
// and funding line, drawn from the quotas of the agreements that ran in each year (never more
// people than a quota's places), each replayed through the stay track's own rules to its end
// (completed mostly; some extended, ended early, cancelled or rejected by the partner); the
// nominations of this year's accepted places (exchange's allocation history) and this year's stays
// in every state, dated around `today`. Deterministic for a seed.
namespace weltcampus::mobility {

struct DemoMobilities {
  int64_t past = 0;
  int64_t current = 0;
  int64_t events = 0;
};

// After the exchange's allocation history (its accepted places), in one transaction.
DemoMobilities BuildMobilityDemo(store::Database& database, int64_t history_call_id, unsigned seed,
                                 Date today);

}  // namespace weltcampus::mobility
