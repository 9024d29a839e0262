#include "http/router.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "http/media_type.h"

namespace weltcampus::http {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) {
      segments.emplace_back(path.substr(start, end - start));
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  return segments;
}

Response ErrorResponse(const ApiError& error) {
  Response response = Response::Json(HttpStatus(error.code()), error.ToJson());
  if (error.details().contains("retry_after_seconds")) {
    response.WithHeader("Retry-After", error.details()["retry_after_seconds"].dump());
  }
  return response;
}

Route& Route::Query(std::string name, nlohmann::json schema) {
  query.push_back({std::move(name), std::move(schema)});
  return *this;
}

Route& Route::Body(std::vector<std::string> types) {
  body_types = std::move(types);
  return *this;
}

Route& Route::Paged(const std::vector<std::string>& sort_values) {
  Query("limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 200}, {"default", 50}});
  Query("cursor", {{"type", "string"}, {"description", "next_cursor of the previous page"}});
  Query("sort", {{"type", "string"}, {"enum", sort_values}});
  return Exportable();
}

Route& Route::Exportable() {
  exportable = true;
  Query("format", {{"type", "string"}, {"enum", {"csv", "xlsx"}}});
  return Query("lang", {{"type", "string"}, {"enum", {"en", "de"}}});
}

Route& Route::EnumQuery(std::string name, std::span<const std::string_view> values) {
  nlohmann::json names = nlohmann::json::array();
  for (auto value : values) {
    names.push_back(value);
  }
  return Query(std::move(name), {{"type", "string"}, {"enum", std::move(names)}});
}

Route& Route::Accepts(const NamedSchema& schema) {
  request_schema = schema.name;
  schemas.push_back(schema);
  return *this;
}

Route& Route::Returns(int status, const NamedSchema& schema) {
  responses[status] = {schema.name, "application/json", "", {}};
  schemas.push_back(schema);
  return *this;
}

Route& Route::ReturnsPage(const NamedSchema& item, int status) {
  schemas.push_back(item);
  return Returns(status, PageSchema(item));
}

Route& Route::ReturnsNothing(int status) {
  responses[status] = {"", "", "No content", {}};
  return *this;
}

Route& Route::ReturnsContent(int status, std::string content_type, std::string description) {
  responses[status] = {"", std::move(content_type), std::move(description), {}};
  return *this;
}

Route& Route::ReturnsAlso(int status, std::string content_type) {
  if (!responses.contains(status)) {
    throw std::logic_error(pattern + ": ReturnsAlso(" + std::to_string(status) + ") before Returns");
  }
  responses[status].other_content_types.push_back(std::move(content_type));
  return *this;
}

Route& Route::Fails(std::initializer_list<int> statuses) {
  extra_errors.insert(extra_errors.end(), statuses);
  return *this;
}

Route& Route::IfMatch(bool required) {
  if_match = required;
  return *this;
}

Route& Route::IfNoneMatch() {
  if_none_match = true;
  responses[304] = {
      "", "", "Not modified: the answer the client holds (If-None-Match) is current", {}};
  return *this;
}

Route& Route::OpenOnLoopback() {
  open_on_loopback = true;
  return *this;
}

Route& Router::Add(std::string method, std::string pattern, Permission permission,
                   std::string summary, Handler handler) {
  if (!handler || summary.empty()) {
    throw std::logic_error("route " + pattern + " needs a handler and a summary");
  }
  for (const auto& route : routes_) {
    if (route.method == method && route.pattern == pattern) {
      throw std::logic_error("route registered twice: " + method + " " + pattern);
    }
  }
  Route route;
  route.method = std::move(method);
  route.pattern = std::move(pattern);
  route.permission = permission;
  route.summary = std::move(summary);
  route.handler = std::move(handler);
  route.segments = SplitPath(route.pattern);
  routes_.push_back(std::move(route));
  return routes_.back();
}

Router::Match Router::Find(std::string_view method, std::string_view path,
                           std::map<std::string, std::string>* params) const {
  const auto segments = SplitPath(path);
  Match match;
  size_t best_parameters = SIZE_MAX;
  std::map<std::string, std::string> best_found;
  for (const auto& route : routes_) {
    if (route.segments.size() != segments.size()) {
      continue;
    }
    std::map<std::string, std::string> found;
    bool same = true;
    for (size_t i = 0; i < segments.size() && same; ++i) {
      const auto& expected = route.segments[i];
      if (expected.size() > 2 && expected.front() == '{' && expected.back() == '}') {
        found[expected.substr(1, expected.size() - 2)] = segments[i];
      } else {
        same = expected == segments[i];
      }
    }
    if (!same) {
      continue;
    }
    if (route.method == method || (method == "HEAD" && route.method == "GET")) {
      // A literal segment beats a parameter: /partnerships/map is not partnership "map".
      if (found.size() < best_parameters) {
        best_parameters = found.size();
        match.route = &route;
        best_found = std::move(found);
      }
      continue;
    }
    match.path_known = true;
    match.allowed += (match.allowed.empty() ? "" : ", ") + route.method;
    if (route.method == "GET") {
      match.allowed += ", HEAD";
    }
  }
  if (match.route != nullptr && params != nullptr) {
    *params = std::move(best_found);
  }
  return match;
}

Response Router::Dispatch(Request& request, std::string* route_label) const {
  *route_label = "unmatched";
  try {
    const Match match = Find(request.method, request.path, &request.path_params);
    if (match.route == nullptr) {
      if (match.path_known) {
        return ErrorResponse(ApiError(ErrorCode::kMethodNotAllowed,
                                      "This method is not allowed here; allowed: " + match.allowed))
            .WithHeader("Allow", match.allowed);
      }
      throw ApiError(ErrorCode::kNotFound, "No such resource");
    }
    *route_label = match.route->pattern;
    if (authorizer_) {
      authorizer_->Check(request, *match.route);
    }
    // A JSON body comes as JSON: what a form or a text/plain request (which a browser sends to
    // another site without asking) carries is not read as one.
    if (!match.route->request_schema.empty() && match.route->body_types.empty() &&
        !request.body.empty() && MediaTypeOf(request) != "application/json") {
      throw ApiError(ErrorCode::kUnsupportedMediaType, "Send the body as application/json");
    }
    return match.route->handler(request);
  } catch (const std::exception&) {
    return CurrentExceptionResponse(request);
  }
}

Response CurrentExceptionResponse(const Request& request) {
  try {
    throw;
  } catch (const ApiError& error) {
    return ErrorResponse(error);
  } catch (const std::exception& error) {
    // Details go to the log with the request id, never to the client.
    spdlog::error("request {} failed: {}", request.request_id, error.what());
  } catch (...) {
    spdlog::error("request {} failed with an exception of unknown type", request.request_id);
  }
  return ErrorResponse(ApiError(ErrorCode::kInternal,
                                "Something went wrong on our side; the request id is " +
                                    request.request_id));
}

}  // namespace weltcampus::http
