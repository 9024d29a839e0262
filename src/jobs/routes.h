#pragma once

#include "http/router.h"
#include "store/database.h"

namespace weltcampus::jobs {

// GET /api/v1/jobs, GET /api/v1/jobs/{id}, POST /api/v1/jobs/{id}/cancel,
// GET /api/v1/jobs/{id}/report. A person sees their own jobs; jobs:all sees everyone's.
void RegisterRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::jobs
