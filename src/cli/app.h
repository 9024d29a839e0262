#pragma once

#include "http/metrics.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::cli {

// Registers every module's routes: the one place that knows all modules.
void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics);

}  // namespace weltcampus::cli
