#pragma once

#include <functional>

#include "http/router.h"
#include "jobs/runner.h"
#include "store/database.h"

namespace weltcampus::imports {

// POST /api/v1/imports/{kind} (the file as the body; ?dry_run=, ?columns=, ?file_name=) and
// GET /api/v1/imports/{kind}/columns. `wake` tells the local job runner a job is waiting.
void RegisterRoutes(http::Router& router, store::Database& database, std::function<void()> wake);

// The import job's handler, for the runner.
void RegisterJobs(jobs::JobRunner& runner, store::Database& database);

}  // namespace weltcampus::imports
