#include "system/routes.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>

#include "audit/audit.h"
#include "auth/context.h"
#include "store/versioned.h"
#include "system/openapi.h"
#include "system/permissions.h"
#include "system/settings.h"

namespace weltcampus::system {

using http::Request;
using http::Response;

namespace {

NamedSchema HealthSchema() {
  return {"Health",
          {{"type", "object"},
           {"required", {"status", "database", "version"}},
           {"additionalProperties", false},
           {"properties",
            {{"status", {{"type", "string"}, {"enum", {"ok", "degraded"}}}},
             {"database", {{"type", "string"}, {"enum", {"ok", "unavailable"}}}},
             {"version", {{"type", "string"}}}}}}};
}

NamedSchema EnumerationsSchema() {
  const nlohmann::json names = {{"type", "array"}, {"items", {{"type", "string"}}}};
  return {"Enumerations",
          {{"type", "object"},
           {"required",
            {"enumerations", "agreement_status_transitions", "initial_agreement_statuses",
             "staff_quota_categories", "scoped_roles"}},
           {"additionalProperties", false},
           {"properties",
            {{"enumerations",
              {{"type", "object"},
               {"description", "every enumeration's values by its name (role, tier, eqf_level ...)"},
               {"additionalProperties",
                {{"type", "array"}, {"items", {{"type", {"string", "integer"}}}}}}}},
             {"agreement_status_transitions",
              {{"type", "object"}, {"additionalProperties", names}}},
             {"initial_agreement_statuses", names},
             {"staff_quota_categories", names},
             {"scoped_roles", names}}}}};
}

NamedSchema OpenApiSchema() {
  return {"OpenApiDocument",
          {{"type", "object"},
           {"required", {"openapi", "info", "paths", "components"}},
           {"properties",
            {{"openapi", {{"type", "string"}, {"pattern", "^3\\.1\\."}}},
             {"info", {{"type", "object"}}},
             {"paths", {{"type", "object"}}},
             {"components", {{"type", "object"}}}}}}};
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database, http::Metrics& metrics,
                    const nlohmann::json& enumerations) {
  router
      .Add("GET", "/api/v1/health", http::kPublic, "Server and database health",
           [&database](const Request&) {
             std::string db_status = "ok";
             try {
               database.CheckReachable();
             } catch (const std::exception& error) {
               spdlog::error("health check: database failed: {}", error.what());
               db_status = "unavailable";
             }
             const bool ok = db_status == "ok";
             return Response::Json(ok ? 200 : 503, {{"status", ok ? "ok" : "degraded"},
                                                    {"database", db_status},
                                                    {"version", WELTCAMPUS_VERSION}});
           })
      .Returns(200, HealthSchema())
      .Returns(503, HealthSchema());

  router
      .Add("GET", "/api/v1/settings/home", http::kPublic, "The home institution and school",
           [&database](const Request&) {
             auto settings =
                 database.Read([](store::Connection& c) { return LoadHomeSettings(c); });
             return Response::Json(200, ToJson(settings)).WithVersion(settings.version);
           })
      .Returns(200, HomeSettingsSchema());

  router
      .Add("PUT", "/api/v1/settings/home", kManageSettings,
           "Change the home institution and school",
           [&database](const Request& request) {
             const int64_t expected_version = request.RequiredIfMatch();
             const auto input = request.JsonBody();
             auto settings = database.Write([&](store::Connection& c) {
               const auto current = LoadHomeSettings(c);
               if (current.version != expected_version) {
                 throw store::StaleVersionError("Home settings", current.version);
               }
               auto merged = MergeHomeSettings(current, input);
               merged.version = current.version + 1;
               SaveHomeSettings(c, merged);
               audit::AuditEntry entry;
               entry.action = "update";
               entry.entity_type = "settings";
               entry.entity_id = "home";
               entry.before = ToJson(current);
               entry.after = ToJson(merged);
               audit::RecordAudit(c, auth::ActorOf(request), std::move(entry));
               return merged;
             });
             return Response::Json(200, ToJson(settings)).WithVersion(settings.version);
           })
      .Accepts(HomeSettingsInputSchema())
      .Returns(200, HomeSettingsSchema())
      .IfMatch(true);

  // Every enumeration of the API in one answer, so the web application keeps no copies.
  const auto enumerations_text = std::make_shared<const std::string>(enumerations.dump());
  router
      .Add("GET", "/api/v1/enumerations", http::kPublic,
           "Every enumeration's values, the agreement status transitions and the scoped roles",
           [enumerations_text](const Request&) {
             Response response;
             response.body = *enumerations_text;
             return response;
           })
      .Returns(200, EnumerationsSchema());

  // Built at the first request, when every module has registered its routes.
  auto openapi = std::make_shared<std::pair<std::once_flag, std::string>>();
  router
      .Add("GET", "/api/v1/openapi.json", http::kPublic, "This API's OpenAPI 3.1 document",
           [&router, openapi](const Request&) {
             std::call_once(openapi->first, [&] { openapi->second = BuildOpenApi(router).dump(); });
             Response response;
             response.body = openapi->second;
             return response;
           })
      .Returns(200, OpenApiSchema());

  router
      .Add("GET", "/metrics", kOperations, "Prometheus metrics",
           [&database, &metrics](const Request&) {
             Response response;
             response.content_type = "text/plain; version=0.0.4; charset=utf-8";
             response.body = metrics.Render([&database](std::string& out) {
               out += "# HELP weltcampus_db_pool_sessions Database sessions in the pool.\n";
               out += "# TYPE weltcampus_db_pool_sessions gauge\n";
               out += fmt::format("weltcampus_db_pool_sessions {}\n", database.pool_size());
               out += "# HELP weltcampus_db_pool_sessions_in_use Database sessions lent out now.\n";
               out += "# TYPE weltcampus_db_pool_sessions_in_use gauge\n";
               out += fmt::format("weltcampus_db_pool_sessions_in_use {}\n",
                                  database.sessions_in_use());
             });
             return response;
           })
      .ReturnsContent(200, "text/plain; version=0.0.4; charset=utf-8", "Prometheus text format")
      .OpenOnLoopback();
}

}  // namespace weltcampus::system
