#pragma once

#include "http/router.h"
#include "store/database.h"

namespace weltcampus::organisation {

// /api/v1/org-units and /api/v1/isced.
void RegisterRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::organisation
