#pragma once

#include "http/router.h"
#include "store/database.h"

namespace weltcampus::audit {

// GET /api/v1/audit (the log, filtered, newest first; exportable) and /api/v1/audit/verify.
void RegisterRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::audit
