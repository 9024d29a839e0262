#include "audit/routes.h"

#include "audit/audit.h"
#include "audit/permissions.h"
#include "audit/schemas.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/paging.h"
#include "http/list_export.h"
#include "http/responses.h"

namespace weltcampus::audit {

using http::Request;
using http::Response;

namespace {

// A date ("2026-11-28", the whole day) or a UTC timestamp ("2026-11-28T17:00:00Z").
std::optional<std::string> TimestampFilter(const Request& request, const std::string& name,
                                           const std::string& day_suffix) {
  auto text = QueryText(request.query, name, 20);
  if (!text) {
    return std::nullopt;
  }
  if (Date::Parse(*text)) {
    return *text + day_suffix;
  }
  if (text->size() == 20 && text->back() == 'Z' && (*text)[10] == 'T' &&
      Date::Parse(text->substr(0, 10))) {
    return text;
  }
  throw ValidationError(name, "Must be a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)");
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  router
      .Add("GET", "/api/v1/audit", kReadAudit, "The audit log, newest first, with filters",
           [&database](const Request& request) {
             AuditFilter filter;
             filter.actor_user_id = QueryInt(request.query, "actor_user_id", 1, INT64_MAX);
             filter.subject_user_id = QueryInt(request.query, "subject_user_id", 1, INT64_MAX);
             filter.action = QueryText(request.query, "action", 50);
             filter.entity_type = QueryText(request.query, "entity_type", 50);
             filter.entity_id = QueryText(request.query, "entity_id", 50);
             filter.from = TimestampFilter(request, "from", "T00:00:00Z");
             filter.to = TimestampFilter(request, "to", "T23:59:59Z");
             const auto page = AuditSorts().PageFrom(request.query);
             static constexpr std::array<http::ExportField, 7> kAuditExport = {{
                 {"/id", "ID", "ID", interop::CellKind::kInteger},
                 {"/at", "When", "Zeitpunkt"},
                 {"/actor_name", "Who", "Wer"},
                 {"/action", "Action", "Aktion"},
                 {"/entity_type", "Record type", "Datensatzart"},
                 {"/entity_id", "Record", "Datensatz"},
                 {"/client_address", "Address", "Adresse"},
             }};
             return http::ListOrExport(request, page, "audit-log", kAuditExport,
                                       [&database, filter](const PageRequest& p) {
                                         return database.Read([&](store::Connection& c) {
                                           return ListAudit(c, filter, p);
                                         });
                                       });
           })
      .Paged(AuditSorts().ApiValues())
      .Query("actor_user_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("subject_user_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("action", {{"type", "string"}, {"maxLength", 50}})
      .Query("entity_type", {{"type", "string"}, {"maxLength", 50}})
      .Query("entity_id", {{"type", "string"}, {"maxLength", 50}})
      .Query("from", {{"type", "string"},
                      {"description", "a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)"}})
      .Query("to", {{"type", "string"},
                    {"description", "a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)"}})
      .ReturnsPage(AuditEntrySchema());
  router
      .Add("GET", "/api/v1/audit/verify", kReadAudit, "Check the audit log's hash chain",
           [&database](const Request&) {
             const auto result = database.Read([](store::Connection& c) { return VerifyAudit(c); });
             return Response::Json(
                 200, {{"intact", result.intact},
                       {"entries", result.entries},
                       {"anchors", result.anchors},
                       {"first_broken_id", result.first_broken_id
                                               ? nlohmann::json(*result.first_broken_id)
                                               : nlohmann::json(nullptr)},
                       {"problem", result.problem}});
           })
      .Returns(200, AuditVerificationSchema());
}

void RegisterHistoryRoute(http::Router& router, store::Database& database, const std::string& path,
                          http::Permission permission, const std::string& entity_type,
                          std::function<void(store::Connection&, int64_t)> exists) {
  router
      .Add("GET", path, permission, "The record's history: who changed what and when",
           [&database, entity_type, exists](const Request& request) {
             const int64_t id = request.PathId("id");
             const auto page = AuditSorts().PageFrom(request.query);
             return http::PageResponse(database.Read([&](store::Connection& c) {
               auto history = ListHistory(c, entity_type, id, page);
               if (history.total == 0) {
                 exists(c, id);
               }
               return history;
             }),
                                       page);
           })
      .Paged(AuditSorts().ApiValues())
      .ReturnsPage(HistoryEntrySchema());
}

}  // namespace weltcampus::audit
