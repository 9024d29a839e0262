#pragma once

#include <any>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace weltcampus::http {

// A request as the handlers see it, free of the HTTP library's types.
struct Request {
  std::string method;  // upper case: GET, POST, PUT, DELETE ...
  std::string path;    // percent-decoded, without the query
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::map<std::string, std::string> path_params;
  std::string request_id;
  std::string remote_address;
  bool secure = false;  // came over HTTPS (directly or via a trusted proxy)
  // Who is asking, as the router's Authorizer found them; the auth module reads it
  // (auth::PrincipalOf, auth::ActorOf). Empty without an authorizer or a session.
  std::any caller;

  std::string_view Header(std::string_view name) const;
  std::optional<std::string> QueryParam(const std::string& name) const;
  // The value of a cookie from the Cookie header, or empty.
  std::string Cookie(std::string_view name) const;
  // A path parameter that must be a positive id; anything else reads as a missing record (404).
  int64_t PathId(const std::string& name) const;
  // The version in If-Match ("3" or W/"3"); 428 when missing, 412 when unreadable.
  int64_t RequiredIfMatch() const;
  // Whether If-None-Match names this entity tag (weak comparison, RFC 9110 13.1.2: W/"x" and "x"
  // are the same) or is "*": the client holds the current answer, a 304 will do.
  bool IfNoneMatchHas(std::string_view etag) const;
  nlohmann::json JsonBody() const;
};

// The next piece of a streamed body, or nullopt at its end. An empty piece sends nothing.
using BodyProducer = std::function<std::optional<std::string>()>;

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is produced piece by piece and sent with chunked transfer encoding (to an
  // HTTP/1.0 client: until the connection closes) instead of `body`, so that a large export is
  // never held whole. The server calls it on its worker pool, as handlers are (it may read the
  // database), one call at a time, though not always on the same thread. The first call comes
  // before the status line is sent: an exception there still becomes the usual error response.
  // After that the status is out, so a later exception is logged and the connection closed
  // without the final chunk; the client sees an incomplete body, never a complete-looking one.
  // Move-only state (a TableWriter, a database session) goes in through a shared_ptr, since
  // std::function must be copyable. It is destroyed without being drained when the client goes
  // away or the request is HEAD.
  BodyProducer stream;

  static Response Json(int status, const nlohmann::json& body);
  // JSON already written as text (JsonWriter).
  static Response JsonText(int status, std::string body);
  static Response NoContent();
  // 304 Not Modified with the entity tag the client holds: no body.
  static Response NotModified(std::string etag);
  static Response Stream(std::string content_type, BodyProducer producer);
  Response& WithHeader(std::string name, std::string value);
  Response& WithVersion(int64_t version);  // ETag
  // Content-Disposition: attachment, so that the browser saves the body as `filename`.
  Response& WithAttachment(std::string_view filename);
};

// The Content-Disposition value for an attachment (RFC 6266): an ASCII stand-in in `filename`
// for old clients, and the real UTF-8 name percent-encoded in `filename*` (RFC 8187).
std::string AttachmentDisposition(std::string_view filename);

std::string PercentDecode(std::string_view text, bool plus_as_space);
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace weltcampus::http
