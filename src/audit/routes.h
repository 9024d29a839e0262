#pragma once

#include <functional>
#include <string>

#include "http/permission.h"
#include "http/router.h"
#include "store/database.h"

namespace weltcampus::audit {

// GET /api/v1/audit (the log, filtered, newest first; exportable) and /api/v1/audit/verify.
void RegisterRoutes(http::Router& router, store::Database& database);

// GET `path` ("/api/v1/partnerships/{id}/history"): one record's own changes from the audit log,
// newest first, for those who hold `permission` (the module decides who may see its records'
// history; the log itself stays the administrators'). `exists(c, id)` throws 404 for a record that
// never was and has no history either.
void RegisterHistoryRoute(http::Router& router, store::Database& database, const std::string& path,
                          http::Permission permission, const std::string& entity_type,
                          std::function<void(store::Connection&, int64_t)> exists);

}  // namespace weltcampus::audit
