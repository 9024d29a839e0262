#include "imports/routes.h"

#include "auth/context.h"
#include "core/error.h"
#include "core/paging.h"
#include "http/media_type.h"
#include "imports/permissions.h"
#include "imports/service.h"
#include "interop/table.h"
#include "jobs/schemas.h"

namespace weltcampus::imports {

using http::Request;
using http::Response;

namespace {

constexpr std::size_t kMaxColumnsParameter = 4000;

// The file's type: tables come as text/csv or as an .xlsx workbook, the world universities as
// JSON. Which table format it is, is told by the content (service.cpp), not by this header.
void CheckContentType(const Request& request, const std::string& kind) {
  const std::string type = MediaTypeOf(request);
  const bool json = !ImporterOf(kind).table();
  const bool fits =
      json ? type == "application/json"
           : (type == "text/csv" || type == "text/plain" || type == "application/vnd.ms-excel" ||
              type == interop::kXlsxMediaType || type == "application/octet-stream");
  if (!fits) {
    throw ApiError(ErrorCode::kValidationFailed,
                   json ? "Send the list as application/json"
                        : "Send the list as text/csv or as an .xlsx workbook",
                   "file");
  }
}

std::optional<interop::ColumnMap> ColumnsFrom(const Request& request) {
  const auto text = QueryText(request.query, "columns", kMaxColumnsParameter);
  if (!text) {
    return std::nullopt;
  }
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) {
    throw ValidationError("columns", "Must be a JSON object: field -> column header");
  }
  interop::ColumnMap map;
  for (const auto& [field, header] : json.items()) {
    if (!header.is_string()) {
      throw ValidationError("columns." + field, "Must be a column header (text)");
    }
    map[field] = header.get<std::string>();
  }
  return map;
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database, std::function<void()> wake) {
  const std::string base = "/api/v1/imports";
  router
      .Add(
          "GET", base + "/{kind}/columns", kImportData,
          "The fields of an import, their default columns and the map remembered from the last one",
          [&database](const Request& request) {
            return Response::Json(200, ColumnsJson(database, request.path_params.at("kind")));
          })
      .Returns(200, jobs::ImportColumnsSchema());
  router
      .Add("POST", base + "/{kind}/header", kImportData,
           "The column names in the first row of a table file (CSV or .xlsx), for the column map",
           [](const Request& request) {
             const std::string kind = request.path_params.at("kind");
             CheckContentType(request, kind);
             const auto file_name =
                 QueryText(request.query, "file_name", kMaxFileNameLength).value_or("");
             return Response::Json(200, HeaderJson(kind, file_name, request.body));
           })
      .Body({"text/csv", std::string(interop::kXlsxMediaType)})
      .Query("file_name", {{"type", "string"}, {"maxLength", kMaxFileNameLength}})
      .Returns(200, jobs::ImportHeaderSchema());
  router
      .Add("POST", base + "/{kind}", kImportData,
           "Import a reference list (the file as the body) as a job: a dry run or for real",
           [&database, wake](const Request& request) {
             ImportRequest import;
             import.kind = request.path_params.at("kind");
             CheckContentType(request, import.kind);
             import.dry_run = QueryBool(request.query, "dry_run").value_or(true);
             import.columns = ColumnsFrom(request);
             import.file_name =
                 QueryText(request.query, "file_name", kMaxFileNameLength).value_or(import.kind);
             import.content = request.body;
             const auto job = QueueImport(database, import, auth::SignedIn(request).user_id);
             if (wake) {
               wake();
             }
             return Response::Json(202, ToJson(job))
                 .WithHeader("Location", "/api/v1/jobs/" + std::to_string(job.id));
           })
      .Body({"text/csv", std::string(interop::kXlsxMediaType), "application/json"})
      .Query("dry_run", {{"type", "boolean"}, {"default", true}})
      .Query("columns", {{"type", "string"},
                         {"maxLength", kMaxColumnsParameter},
                         {"description", "JSON object: field -> column header of the file"}})
      .Query("file_name", {{"type", "string"}, {"maxLength", kMaxFileNameLength}})
      .Returns(202, jobs::JobSchema());
}

void RegisterJobs(jobs::JobRunner& runner, store::Database& database) {
  runner.Register(
      "import", [&database](jobs::JobContext& context) { return RunImportJob(database, context); });
}

}  // namespace weltcampus::imports
