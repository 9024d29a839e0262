#pragma once

#include <memory>

#include "auth/service.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::auth {

// Login, logout, the session, one's own account and data, and user administration. Also installs
// the Guard that checks every route's permission; `access` says which role holds which.
void RegisterRoutes(http::Router& router, store::Database& database, AccessTable access);

}  // namespace weltcampus::auth
