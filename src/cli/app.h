#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "auth/service.h"
#include "core/date.h"
#include "exchange/application_retention.h"
#include "http/metrics.h"
#include "http/router.h"
#include "jobs/runner.h"
#include "store/database.h"

namespace weltcampus::cli {

// Every module's enumerations in one answer (GET /api/v1/enumerations).
nlohmann::json AllEnumerations();

// Applies the migrations not yet applied: the SQL ones and every module's code migrations
// (store::CodeMigration). Every command that opens a database calls this, never store::Migrate.
std::vector<std::string> MigrateDatabase(store::Database& database);

// Registers every module's importers (kit/importers.h), for the import jobs and the command.
void RegisterAllImporters();
// What the modules keep about a person with an account, for the data export and the erasure
// (auth/personal_data.h): before the routes and before a retention run.
void RegisterPersonalDataParts();

// The retention schedule (`weltcampus retention run`, and daily in `serve`): the accounts' (auth:
// sessions, login counters, old disabled accounts) and the applications' (exchange:
// application_retention.h), each one transaction with its audit entry.
struct RetentionReports {
  auth::RetentionReport accounts;
  exchange::ApplicationRetentionReport applications;
};
RetentionReports RunRetentionSchedule(store::Database& database, int inactive_days, Date today);

// Registers every module's routes: the one place that knows all modules.
// `jobs` runs what the routes queue (imports).
void RegisterAllRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                       jobs::JobRunner& jobs);

}  // namespace weltcampus::cli
