#pragma once

#include "http/router.h"
#include "store/database.h"

// The routes of objections (issue 10, item 4; docs/api.md): the student's POST
// /api/v1/calls/{id}/my-application/objection (by account); a run's GET
// /api/v1/allocation-runs/{id}/objections (paged, CSV/XLSX) and the committee's PUT
// /api/v1/objections/{id}/answer (If-Match). Permissions: exchange/permissions.h.
namespace weltcampus::exchange {

void RegisterObjectionRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
