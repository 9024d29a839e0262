#include "cli/app.h"

#include "auth/routes.h"
#include "imports/routes.h"
#include "jobs/routes.h"
#include "partners/routes.h"
#include "system/routes.h"

namespace weltcampus::cli {

void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                       jobs::JobRunner& job_runner) {
  auth::RegisterRoutes(router, database);
  system::RegisterRoutes(router, database, metrics);
  partners::RegisterRoutes(router, database);
  jobs::RegisterRoutes(router, database);
  imports::RegisterRoutes(router, database, [&job_runner] { job_runner.Wake(); });
  imports::RegisterJobs(job_runner, database);
}

}  // namespace weltcampus::cli
