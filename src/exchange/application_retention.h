#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "core/date.h"
#include "core/record_schema.h"
#include "http/router.h"
#include "store/database.h"

// The retention of applications (issue 10, item 9; docs/allocation.md "Retention"): the
// applications of a call that did not lead to an accepted place are deleted once a later call of
// the same unit and kind (a later academic year, or the same year opening later) has published
// results, and the office's delay after that publication has passed (one office setting for all
// calls, default 0 months: at the later call's results). A call with a published place that can
// still be answered waits. Before deleting, the call's demand figures (demand.h) are kept as
// counts (retained_calls, retained_offer_counts), which the demand report reads for a purged call;
// then the applications go with their preferences, documents and results. Applications with an
// accepted place of a published run stay whole (mobility takes them over). A call is purged once.
// The run belongs to the retention schedule (`weltcampus retention run`, the daily run of `serve`)
// and can be started now by the office (POST /api/v1/exchange/application-retention/run); one
// audit entry per run with the counts, nobody named.
namespace weltcampus::exchange {

// The office's schedule (settings "exchange.application_retention_months" and "..._version").
struct RetentionSchedule {
  int64_t months_after_later_results = 0;  // 0..120
  int64_t version = 1;
};
inline constexpr int64_t kMaxRetentionMonths = 120;

RetentionSchedule LoadRetentionSchedule(store::Connection& c);
void SaveRetentionSchedule(store::Connection& c, const RetentionSchedule& schedule);

struct PurgedCall {
  int64_t call_id = 0;
  int64_t applications = 0;  // before the run
  int64_t deleted = 0;
  int64_t kept = 0;  // with an accepted place
};
struct ApplicationRetentionReport {
  std::vector<PurgedCall> calls;
  int64_t deleted = 0;
  int64_t kept = 0;
};

// One transaction and one audit entry ("retention", entity "applications"). `today` from the
// caller.
ApplicationRetentionReport RunApplicationRetention(store::Database& database,
                                                   const audit::Actor& actor, Date today);

// The kept figures of a purged call: per offer id its first and any preferences, placed and left
// empty; none for a call that was not purged.
struct RetainedOffer {
  int64_t first_preference = 0;
  int64_t any_preference = 0;
  std::optional<int64_t> placed;
  std::optional<int64_t> left_empty;
};
struct RetainedCall {
  std::optional<int64_t> run_id;
  std::vector<std::pair<int64_t, RetainedOffer>> offers;
};
std::optional<RetainedCall> RetainedCountsOf(store::Connection& c, int64_t call_id);

nlohmann::json ToJson(const RetentionSchedule& schedule);
nlohmann::json ToJson(const ApplicationRetentionReport& report);

// GET/PUT /api/v1/exchange/application-retention and POST .../run (exchange:retention).
void RegisterApplicationRetentionRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
