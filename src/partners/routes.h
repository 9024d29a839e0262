#pragma once

#include "http/router.h"
#include "partners/service.h"
#include "store/database.h"

namespace weltcampus::partners {

// Institutions, partnerships, agreements, joint structures and the summary.
void RegisterRoutes(http::Router& router, store::Database& database,
                    IsHomeInstitution is_home = {});

}  // namespace weltcampus::partners
