#pragma once

#include "http/metrics.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::system {

// Health, settings, the OpenAPI document and metrics.
void RegisterRoutes(http::Router& router, store::Database& database, http::Metrics& metrics);

}  // namespace weltcampus::system
