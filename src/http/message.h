#pragma once

#include <cstdint>
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

  std::string_view Header(std::string_view name) const;
  std::optional<std::string> QueryParam(const std::string& name) const;
  // The value of a cookie from the Cookie header, or empty.
  std::string Cookie(std::string_view name) const;
  // A path parameter that must be a positive id; anything else reads as a missing record (404).
  int64_t PathId(const std::string& name) const;
  // The version in If-Match ("3" or W/"3"); 428 when missing, 412 when unreadable.
  int64_t RequiredIfMatch() const;
  nlohmann::json JsonBody() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response Json(int status, const nlohmann::json& body);
  static Response NoContent();
  Response& WithHeader(std::string name, std::string value);
  Response& WithVersion(int64_t version);  // ETag
};

std::string PercentDecode(std::string_view text, bool plus_as_space);
std::map<std::string, std::string> ParseQuery(std::string_view query);

}  // namespace weltcampus::http
