#pragma once

#include "http/metrics.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::system {

// Health, settings, the enumerations, the OpenAPI document and metrics. `enumerations` is every
// module's enumerations in one answer ({"enumerations": {...}, ...}), gathered by the caller.
void RegisterRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                    const nlohmann::json& enumerations);

}  // namespace weltcampus::system
