#include "system/openapi.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "core/error.h"
#include "http/router.h"
#include "interop/table_export.h"

namespace weltcampus::system {

namespace {

nlohmann::json ErrorSchema() {
  nlohmann::json codes = nlohmann::json::array();
  for (int code = static_cast<int>(ErrorCode::kBadRequest);
       code <= static_cast<int>(ErrorCode::kServiceUnavailable); ++code) {
    codes.push_back(CodeName(static_cast<ErrorCode>(code)));
  }
  return {{"type", "object"},
          {"required", {"error"}},
          {"additionalProperties", false},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message"}},
              {"properties",
               {{"code", {{"type", "string"}, {"enum", codes}}},
                {"message", {{"type", "string"}}},
                {"field", {{"type", "string"}}},
                {"current_version",
                 {{"type", "integer"}, {"description", "412: the record's version now"}}},
                {"changed_at",
                 {{"type", "string"}, {"description", "412: when the record was last changed"}}},
                {"changed_by",
                 {{"type", {"string", "null"}},
                  {"description", "412: who changed it last (display name; null for the system)"}}},
                {"changed_fields",
                 {{"type", "array"},
                  {"items", {{"type", "string"}}},
                  {"description", "412: the fields the last change changed"}}},
                {"retry_after_seconds",
                 {{"type", "integer"}, {"description", "429: also in Retry-After"}}},
                {"reason",
                 {{"type", "string"},
                  {"enum", {"password_change_required", "four_eyes"}},
                  {"description", "403: why, beyond a missing permission"}}},
                {"referenced_by",
                 {{"type", "array"},
                  {"items", {{"type", "string"}}},
                  {"description", "409: the records that use the one to be removed"}}}}},
              {"additionalProperties", false}}}}}};
}

// What an error about a change of several records adds (partners/bulk.h): the records at fault.
nlohmann::json WithBulkDetails(nlohmann::json schema) {
  auto& properties = schema["properties"]["error"]["properties"];
  properties["record_ids"] = {
      {"type", "array"},
      {"items", {{"type", "integer"}}},
      {"description", "A change of several records (404, 409, 412, 422): the ids at fault"}};
  properties["failures"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"required", {"id", "field", "message"}},
        {"additionalProperties", false},
        {"properties",
         {{"id", {{"type", "integer"}}},
          {"field", {{"type", "string"}}},
          {"message", {{"type", "string"}}}}}}},
      {"description",
       "422 to a change of several records: each record whose change breaks a rule"}};
  return schema;
}

std::string Tag(const std::string& pattern) {
  // "/api/v1/agreements/{id}" -> "agreements"
  const auto segments = http::SplitPath(pattern);
  return segments.size() > 2 ? segments[2] : "service";
}

std::string StatusDescription(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created (with Location and ETag)";
    case 204: return "No content";
    case 304:
      return "Not modified";
    case 400: return "Malformed request (bad_request)";
    case 401: return "Not signed in (unauthorized)";
    case 403: return "Not allowed, or a change without CSRF token and same-origin Origin (forbidden)";
    case 404: return "No such record (not_found)";
    case 409: return "Conflicts with other records (conflict)";
    case 412: return "Stale If-Match: the record changed meanwhile (precondition_failed)";
    case 413: return "Request body too large (payload_too_large)";
    case 415:
      return "The body is not of the media type the route reads (unsupported_media_type)";
    case 431:
      return "Request headers too large (headers_too_large)";
    case 422: return "A field or query parameter is invalid (validation_failed, naming it)";
    case 428: return "If-Match missing (precondition_required)";
    case 429: return "Too many attempts (too_many_requests, with Retry-After)";
    case 500: return "Something went wrong on the server (internal)";
    case 503: return "Unavailable";
    default: return "Status " + std::to_string(status);
  }
}

nlohmann::json Ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }

nlohmann::json JsonContent(const std::string& schema) {
  return {{"application/json", {{"schema", Ref(schema)}}}};
}

// The error statuses a route can answer, from its shape and what it declares.
std::set<int> ErrorStatuses(const http::Route& route, bool if_match) {
  // The HTTP parser refuses a malformed request (400, e.g. HTTP/1.1 without Host), headers over
  // their limit (431) and a body over its limit (413) before any route is chosen: every operation
  // can answer them.
  std::set<int> statuses = {400, 413, 431, 500};
  const bool writes = route.method != "GET";
  if (route.permission != http::kPublic) {
    statuses.insert({401, 403});
  }
  if (writes) {
    statuses.insert({403, 409});  // CSRF token and Origin; unique keys and references
  }
  for (const auto& segment : route.segments) {
    if (segment.size() > 2 && segment.front() == '{') {
      statuses.insert(404);
    }
  }
  if (!route.request_schema.empty() || !route.body_types.empty()) {
    statuses.insert({400, 413, 415, 422});
  }
  if (!route.query.empty()) {
    statuses.insert(422);
  }
  if (if_match) {
    statuses.insert({412, 428});
  }
  statuses.insert(route.extra_errors.begin(), route.extra_errors.end());
  return statuses;
}

void AddComponent(nlohmann::json& schemas, const NamedSchema& schema) {
  if (schemas.contains(schema.name)) {
    if (schemas[schema.name] != schema.schema) {
      throw std::logic_error("two different schemas are named " + schema.name);
    }
    return;
  }
  schemas[schema.name] = schema.schema;
}

}  // namespace

nlohmann::json BuildOpenApi(const http::Router& router) {
  nlohmann::json paths = nlohmann::json::object();
  nlohmann::json schemas = {{"Error", WithBulkDetails(ErrorSchema())}};
  for (const auto& route : router.routes()) {
    for (const auto& schema : route.schemas) {
      AddComponent(schemas, schema);
    }
    const bool if_match = route.if_match.value_or(route.method == "PUT" || route.method == "DELETE");
    nlohmann::json responses = {{"default", {{"description", "Error"}, {"content", JsonContent("Error")}}}};
    for (const auto& [status, body] : route.responses) {
      nlohmann::json response = {
          {"description", body.description.empty() ? StatusDescription(status) : body.description}};
      if (!body.schema.empty()) {
        response["content"] = JsonContent(body.schema);
      } else if (!body.content_type.empty()) {
        response["content"] = {{body.content_type, {{"schema", {{"type", "string"}}}}}};
      }
      for (const auto& content_type : body.other_content_types) {
        response["content"][content_type] = {{"schema", {{"type", "string"}}}};
      }
      if (route.exportable && status == 200) {
        // ?format=csv|xlsx answers the same list as a file.
        for (const auto format : {interop::ExportFormat::kCsv, interop::ExportFormat::kXlsx}) {
          response["content"][std::string(interop::ContentType(format))] = {{"schema", {{"type", "string"}}}};
        }
      }
      if (route.if_none_match && (status == 200 || status == 304)) {
        response["headers"] = {{"ETag",
                                {{"description", "The answer's entity tag, for If-None-Match"},
                                 {"schema", {{"type", "string"}}}}}};
      }
      responses[std::to_string(status)] = response;
    }
    if (route.responses.empty()) {
      // Not declared (see the recipe in ARCHITECTURE.md); a unit test finds such routes.
      responses[route.method == "POST" ? "201" : (route.method == "DELETE" ? "204" : "200")] = {
          {"description", "Success"}};
    }
    for (int status : ErrorStatuses(route, if_match)) {
      if (!route.responses.contains(status)) {
        responses[std::to_string(status)] = {{"description", StatusDescription(status)},
                                             {"content", JsonContent("Error")}};
      }
    }
    nlohmann::json operation = {{"summary", route.summary},
                                {"tags", {Tag(route.pattern)}},
                                {"x-permission", route.permission.name()},
                                {"responses", responses}};
    nlohmann::json parameters = nlohmann::json::array();
    for (const auto& segment : route.segments) {
      if (segment.size() > 2 && segment.front() == '{') {
        const auto name = segment.substr(1, segment.size() - 2);
        parameters.push_back({{"name", name},
                              {"in", "path"},
                              {"required", true},
                              {"schema", name == "id" ? nlohmann::json{{"type", "integer"}, {"minimum", 1}}
                                                      : nlohmann::json{{"type", "string"}}}});
      }
    }
    for (const auto& parameter : route.query) {
      parameters.push_back(
          {{"name", parameter.name}, {"in", "query"}, {"required", false}, {"schema", parameter.schema}});
    }
    if (if_match) {
      parameters.push_back({{"name", "If-Match"},
                            {"in", "header"},
                            {"required", true},
                            {"description", "The version read (ETag)"},
                            {"schema", {{"type", "string"}}}});
    }
    if (route.if_none_match) {
      parameters.push_back(
          {{"name", "If-None-Match"},
           {"in", "header"},
           {"required", false},
           {"description", "The ETag of the answer the client holds: 304 while it is current"},
           {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) {
      operation["parameters"] = parameters;
    }
    if (!route.body_types.empty()) {
      nlohmann::json content = nlohmann::json::object();
      for (const auto& type : route.body_types) {
        // A file the route reads as it is (an import's list), not a record.
        content[type] = {{"schema", {{"type", "string"}, {"contentMediaType", type}}}};
      }
      operation["requestBody"] = {{"required", true}, {"content", std::move(content)}};
    } else if (!route.request_schema.empty()) {
      operation["requestBody"] = {{"required", true}, {"content", JsonContent(route.request_schema)}};
    }
    std::string method = route.method;
    std::transform(method.begin(), method.end(), method.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    paths[route.pattern][method] = operation;
  }
  return {{"openapi", "3.1.0"},
          {"info",
           {{"title", "Weltcampus API"},
            {"version", WELTCAMPUS_VERSION},
            {"description",
             "Partners, agreements, exchange and the indicators of a school's internationalisation. "
             "Lists paginate with limit and cursor; updates and deletes need If-Match."}}},
          {"paths", paths},
          {"components", {{"schemas", schemas}}}};
}

}  // namespace weltcampus::system
