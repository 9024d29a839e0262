#pragma once

#include "http/router.h"
#include "store/database.h"

// The routes of allocation runs (issue 10, item 5; docs/api.md): POST/GET
// /api/v1/calls/{id}/allocation-runs, GET /api/v1/allocation-runs/{id} with its /results and
// /input, POST .../repeat, .../sign-off and .../publish; a student's POST
// /api/v1/calls/{id}/my-application/accept and .../decline (by account).
namespace weltcampus::exchange {

void RegisterAllocationRunRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
