#include "cli/app.h"

#include "partners/routes.h"
#include "system/routes.h"

namespace weltcampus::cli {

void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics) {
  system::RegisterRoutes(router, database, metrics);
  partners::RegisterRoutes(router, database);
}

}  // namespace weltcampus::cli
