#include "cli/app.h"

#include "auth/routes.h"
#include "partners/routes.h"
#include "system/routes.h"

namespace weltcampus::cli {

void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics) {
  auth::RegisterRoutes(router, database);
  system::RegisterRoutes(router, database, metrics);
  partners::RegisterRoutes(router, database);
}

}  // namespace weltcampus::cli
