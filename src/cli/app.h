#pragma once

#include "http/metrics.h"
#include "http/router.h"
#include "jobs/runner.h"
#include "store/database.h"

namespace weltcampus::cli {

// Registers every module's routes: the one place that knows all modules.
// `jobs` runs what the routes queue (imports).
void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                       jobs::JobRunner& jobs);

}  // namespace weltcampus::cli
