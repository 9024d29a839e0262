// The routes of the retention of applications (application_retention.h): the office's schedule
// and a run now, exchange:retention.
#include "audit/audit.h"
#include "auth/context.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/json_schema.h"
#include "exchange/application_retention.h"
#include "exchange/permissions.h"
#include "store/references.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

namespace {

NamedSchema ScheduleSchema() {
  nlohmann::json schema = json_schema::Closed(
      {{"months_after_later_results",
        {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxRetentionMonths}}},
       {"version", json_schema::Id()}});
  schema["description"] =
      "When a call's applications without an accepted place are deleted: this many months after "
      "a later call of the same unit and kind published its results (0: at once).";
  return {"ApplicationRetention", std::move(schema)};
}

NamedSchema ScheduleInput() {
  return {"ApplicationRetentionInput",
          json_schema::Input(
              {{"months_after_later_results",
                {{"type", "integer"}, {"minimum", 0}, {"maximum", kMaxRetentionMonths}}}},
              {"months_after_later_results"})};
}

NamedSchema ReportSchema() {
  using json_schema::Count;
  nlohmann::json schema = json_schema::Closed(
      {{"calls", json_schema::ArrayOf(json_schema::Closed({{"call_id", json_schema::Id()},
                                                           {"applications", Count()},
                                                           {"deleted", Count()},
                                                           {"kept", Count()}}))},
       {"deleted", Count()},
       {"kept", Count()}});
  schema["description"] =
      "The calls purged by this run: their applications before it, those deleted, and those kept "
      "for an accepted place.";
  return {"ApplicationRetentionReport", std::move(schema)};
}

}  // namespace

void RegisterApplicationRetentionRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference(
      {"calls", "retained_calls", "call_id", "retained demand counts of call", "call_id"});
  store::DeclareReference({"call_offers", "retained_offer_counts", "offer_id",
                           "retained demand counts of offer", "offer_id"});
  const std::string path = "/api/v1/exchange/application-retention";
  router
      .Add("GET", path, kRetention,
           "When applications without an accepted place are deleted (the office's schedule)",
           [&database](const http::Request&) {
             const auto schedule =
                 database.Read([](store::Connection& c) { return LoadRetentionSchedule(c); });
             return http::Response::Json(200, ToJson(schedule)).WithVersion(schedule.version);
           })
      .Returns(200, ScheduleSchema());
  router
      .Add("PUT", path, kRetention, "Set the retention schedule of applications (If-Match)",
           [&database](const http::Request& request) {
             const int64_t expected = request.RequiredIfMatch();
             const auto body = request.JsonBody();
             const int64_t months =
                 JsonInput(body).RequiredInt("months_after_later_results", 0, kMaxRetentionMonths);
             const auto saved = database.Write([&](store::Connection& c) {
               const auto before = LoadRetentionSchedule(c);
               if (before.version != expected) {
                 throw store::StaleVersionError("Retention schedule", before.version);
               }
               RetentionSchedule after{months, before.version + 1};
               SaveRetentionSchedule(c, after);
               audit::AuditEntry entry;
               entry.action = "update";
               entry.entity_type = "settings";
               entry.entity_id = "application_retention";
               entry.before = ToJson(before);
               entry.after = ToJson(after);
               audit::RecordAudit(c, auth::ActorOf(request), std::move(entry));
               return after;
             });
             return http::Response::Json(200, ToJson(saved)).WithVersion(saved.version);
           })
      .Accepts(ScheduleInput())
      .Returns(200, ScheduleSchema())
      .IfMatch(true);
  router
      .Add("POST", path + "/run", kRetention,
           "Run the retention of applications now (as the daily retention run does)",
           [&database](const http::Request& request) {
             return http::Response::Json(
                 200, ToJson(RunApplicationRetention(database, auth::ActorOf(request),
                                                     Date::TodayUtc())));
           })
      .Returns(200, ReportSchema());
}

}  // namespace weltcampus::exchange
