#include "system/openapi.h"

#include "http/router.h"

namespace weltcampus::system {

namespace {

nlohmann::json ErrorSchema() {
  return {{"type", "object"},
          {"required", {"error"}},
          {"properties",
           {{"error",
             {{"type", "object"},
              {"required", {"code", "message"}},
              {"properties",
               {{"code", {{"type", "string"}}},
                {"message", {{"type", "string"}}},
                {"field", {{"type", "string"}}},
                {"current_version", {{"type", "integer"}}}}}}}}}};
}

std::string Tag(const std::string& pattern) {
  // "/api/v1/agreements/{id}" -> "agreements"
  const auto segments = http::SplitPath(pattern);
  return segments.size() > 2 ? segments[2] : "service";
}

}  // namespace

nlohmann::json BuildOpenApi(const http::Router& router) {
  nlohmann::json paths = nlohmann::json::object();
  for (const auto& route : router.routes()) {
    nlohmann::json operation = {
        {"summary", route.summary},
        {"tags", {Tag(route.pattern)}},
        {"x-permission", auth::PermissionName(route.permission)},
        {"responses",
         {{"default",
           {{"description", "Error"},
            {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}},
          {route.method == "POST" ? "201" : (route.method == "DELETE" ? "204" : "200"),
           {{"description", "Success"}}}}}};
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
    if (route.method == "PUT" || route.method == "DELETE") {
      parameters.push_back({{"name", "If-Match"},
                            {"in", "header"},
                            {"required", true},
                            {"description", "The version read (ETag)"},
                            {"schema", {{"type", "string"}}}});
    }
    if (!parameters.empty()) {
      operation["parameters"] = parameters;
    }
    if (!route.body_types.empty()) {
      nlohmann::json content = nlohmann::json::object();
      for (const auto& type : route.body_types) {
        content[type] = {{"schema", {{"type", "string"}}}};
      }
      operation["requestBody"] = {{"required", true}, {"content", std::move(content)}};
    } else if (route.method == "POST" || route.method == "PUT") {
      operation["requestBody"] = {{"required", true},
                                  {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
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
          {"components", {{"schemas", {{"Error", ErrorSchema()}}}}}};
}

}  // namespace weltcampus::system
