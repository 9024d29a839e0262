#pragma once

#include <memory>

#include "auth/service.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::auth {

// Login, logout, the session, one's own account and data, user administration and the audit log.
// Also installs the Guard that checks every route's permission.
void RegisterRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::auth
