#pragma once

#include "http/router.h"
#include "store/database.h"

namespace weltcampus::partners {

// Institutions, org units, partnerships, agreements, joint structures, ISCED and the summary.
void RegisterRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::partners
