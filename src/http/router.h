#pragma once

#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/record_schema.h"
#include "http/message.h"
#include "http/permission.h"

namespace weltcampus::http {

using Handler = std::function<Response(const Request&)>;

// A query parameter a route reads, for the OpenAPI document.
struct QueryParameter {
  std::string name;
  nlohmann::json schema;  // {"type": "string", "enum": [...]}
};

// A response a route declares for the OpenAPI document: the component schema of its body (empty:
// no body), or another content type.
struct ResponseBody {
  std::string schema;
  std::string content_type = "application/json";
  std::string description;
  std::vector<std::string> other_content_types;  // the same answer in another format (an export)
};

struct Route {
  std::string method;
  std::string pattern;  // "/api/v1/agreements/{id}"
  Permission permission = kPublic;
  std::string summary;  // one line for the OpenAPI document
  Handler handler;
  std::vector<std::string> segments;
  std::vector<QueryParameter> query;
  // Answers ?format=csv|xlsx with the list as a file beside its JSON page (http/list_export.h).
  bool exportable = false;
  // The bodies, for the OpenAPI document (docs: ARCHITECTURE.md, "the recipe").
  std::string request_schema;             // component name; empty: the route reads no body
  std::map<int, ResponseBody> responses;  // success statuses (and any status with its own body)
  std::vector<int> extra_errors;          // error statuses beyond those the route's shape implies
  std::optional<bool> if_match;           // needs If-Match; unset: PUT and DELETE do
  bool if_none_match = false;             // answers with an ETag, and 304 to If-None-Match
  std::vector<NamedSchema> schemas;       // every component the bodies refer to
  // Media types of the request body, for the OpenAPI document (JSON unless set).
  std::vector<std::string> body_types;
  // Also answered without an account from the server's own machine (a metrics scraper).
  bool open_on_loopback = false;

  // Describes a query parameter in the OpenAPI document.
  Route& Query(std::string name, nlohmann::json schema);
  // ?limit=, ?cursor= and ?sort= with the list's sort values; and Exportable().
  Route& Paged(const std::vector<std::string>& sort_values);
  // ?format=csv|xlsx (the whole list as a file) and ?lang=en|de (its column names).
  Route& Exportable();
  // The body is a file of one of these types rather than JSON.
  Route& Body(std::vector<std::string> types);
  // A filter whose values are an enumeration's names.
  Route& EnumQuery(std::string name, std::span<const std::string_view> values);

  // The JSON body the route reads.
  Route& Accepts(const NamedSchema& schema);
  // A status answered with a JSON body of this schema.
  Route& Returns(int status, const NamedSchema& schema);
  // A page {items: [item...], next_cursor, total} (also the shape of unpaged short lists).
  Route& ReturnsPage(const NamedSchema& item, int status = 200);
  // A status answered without a body (204).
  Route& ReturnsNothing(int status);
  // A status answered with a body that is not JSON.
  Route& ReturnsContent(int status, std::string content_type, std::string description);
  // Another content type for a status already declared, e.g. a list as "text/csv" on ?format=csv.
  Route& ReturnsAlso(int status, std::string content_type);
  // Error statuses (answered with the Error schema) beyond those implied by the route: 401 and
  // 403 for a permission, 404 for a path id, 400/413/422 for a body, 422 for a query, 409 for a
  // write, 412/428 for If-Match.
  Route& Fails(std::initializer_list<int> statuses);
  Route& IfMatch(bool required);
  // A GET answered with an ETag, and with 304 Not Modified (no body) when If-None-Match names it.
  Route& IfNoneMatch();
  Route& OpenOnLoopback();
};

// Checks a request against the permission its route declares before the handler runs (throws
// ApiError to refuse), and leaves who is asking in `request.caller` for the handler.
class Authorizer {
 public:
  virtual ~Authorizer() = default;
  virtual void Check(Request& request, const Route& route) = 0;
};

// The route table: every API endpoint is registered here with its permission.
class Router {
 public:
  // Answers the route, so that its query parameters can be described; the reference is valid
  // until the next Add.
  Route& Add(std::string method, std::string pattern, Permission permission, std::string summary,
             Handler handler);
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
