#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/permission.h"
#include "core/error.h"
#include "http/message.h"

namespace weltcampus::http {

using Handler = std::function<Response(const Request&)>;

// A query parameter a route reads, for the OpenAPI document.
struct QueryParameter {
  std::string name;
  nlohmann::json schema;  // {"type": "string", "enum": [...]}
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/agreements/{id}"
  auth::Permission permission;
  std::string summary;  // one line for the OpenAPI document
  Handler handler;
  std::vector<std::string> segments;
  std::vector<QueryParameter> query;
  // Media types of the request body, for the OpenAPI document (JSON unless set).
  std::vector<std::string> body_types;

  // Describes a query parameter in the OpenAPI document.
  Route& Query(std::string name, nlohmann::json schema);
  // ?limit=, ?cursor= and ?sort= with the list's sort values.
  Route& Paged(const std::vector<std::string>& sort_values);
  // The body is a file of one of these types rather than JSON.
  Route& Body(std::vector<std::string> types);
  // A filter whose values are an enumeration's names.
  Route& EnumQuery(std::string name, std::span<const std::string_view> values);
};

// Checks a request against the permission its route declares before the handler runs (throws
// ApiError to refuse), and holds who is asking until End().
class Authorizer {
 public:
  virtual ~Authorizer() = default;
  virtual void Begin(const Request& request, const Route& route) = 0;
  virtual void End() noexcept = 0;
};

// The route table: every API endpoint is registered here with its permission.
class Router {
 public:
  // Answers the route, so that its query parameters can be described; the reference is valid
  // until the next Add.
  Route& Add(std::string method, std::string pattern, auth::Permission permission,
             std::string summary, Handler handler);
  void SetAuthorizer(std::shared_ptr<Authorizer> authorizer) { authorizer_ = std::move(authorizer); }

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path, with another method
    std::string allowed;      // then: the methods it has, for the Allow header
  };
  Match Find(std::string_view method, std::string_view path,
             std::map<std::string, std::string>* params) const;

  // Runs the matching handler; every failure becomes the one error shape. `route_label` gets the
  // route pattern (or "unmatched") for metrics.
  Response Dispatch(Request& request, std::string* route_label) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::shared_ptr<Authorizer> authorizer_;
};

std::vector<std::string> SplitPath(std::string_view path);
Response ErrorResponse(const ApiError& error);
// The response for the exception being handled (call it inside a catch block): an ApiError as
// itself, anything else as a 500 whose details go only to the log, with the request id.
Response CurrentExceptionResponse(const Request& request);

}  // namespace weltcampus::http
