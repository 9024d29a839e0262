#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>

// A test that reads a missing key of a const JSON object must fail, not abort the whole binary
// (nlohmann's default is assert()). Throws std::logic_error; defined in api_client.cpp.
namespace weltcampus::api_test {
[[noreturn]] void JsonAssertFailed(const char* condition);
}  // namespace weltcampus::api_test
#ifndef JSON_ASSERT
#define JSON_ASSERT(x) ((x) ? static_cast<void>(0) : ::weltcampus::api_test::JsonAssertFailed(#x))
#endif
#include <nlohmann/json.hpp>

namespace httplib {
class Client;
}  // namespace httplib

namespace weltcampus::api_test {

using Json = nlohmann::json;

// Lower-cases ASCII letters: header names compare case-insensitively.
std::string LowerCase(std::string_view text);

// One HTTP answer. `json` is null when the body is not JSON (`json_ok` says which).
struct Response {
  int status = 0;  // 0: no answer (transport error, see `transport_error`)
  std::string body;
  std::multimap<std::string, std::string> headers;  // names lower-cased
  Json json;
  bool json_ok = false;
  std::string transport_error;
  std::string request;  // "METHOD path", for failure messages

  // First value of a header (case-insensitive name), or "" when absent.
  std::string Header(std::string_view name) const;
  bool HasHeader(std::string_view name) const;
};

std::ostream& operator<<(std::ostream& out, const Response& response);

using Headers = std::map<std::string, std::string>;

// A keep-alive HTTP client to the test server (cpp-httplib underneath).
// Who a client is: a session cookie and its CSRF token, or nobody.
struct Session {
  std::string cookie;  // "weltcampus_session=..." or ""
  std::string csrf_token;
};

class ApiClient {
 public:
  ApiClient();
  explicit ApiClient(Session session);
  ~ApiClient();
  ApiClient(const ApiClient&) = delete;
  ApiClient& operator=(const ApiClient&) = delete;

  Response Get(const std::string& path, const Headers& headers = {});
  Response Post(const std::string& path, const Json& body, const Headers& headers = {});
  Response PostRaw(const std::string& path, const std::string& body,
                   const std::string& content_type = "application/json",
                   const Headers& headers = {});
  // PUT/DELETE with If-Match: "<version>" (no header when version is nullopt).
  Response Put(const std::string& path, const Json& body, std::optional<long long> version);
  Response PutRaw(const std::string& path, const std::string& body, const Headers& headers);
  Response Delete(const std::string& path, std::optional<long long> version);

 private:
  httplib::Client& Http();

  Session session_;
  std::unique_ptr<httplib::Client> http_;
};

// Appends one exchange to the JSON-lines file named by WELTCAMPUS_RESPONSE_LOG (nothing when it
// is not set): method, request target, status, content type and body, for
// tests/api/validate-responses.mjs, which checks every answer against the OpenAPI document.
void LogResponse(const std::string& method, const std::string& target, const Response& response);
// Appends a record of another kind ({"kind": kind, ...fields}), e.g. the OpenAPI document.
void LogRecord(const Json& record);

// The client for the current thread, signed in as the test user (when the server has accounts).
ApiClient& Api();

// The session all Api() clients use; set once by the test environment.
void SetTestSession(Session session);
const Session& TestSession();

// Signs in with e-mail and password (POST /api/v1/auth/login); nullopt with the answer on failure.
std::optional<Session> SignIn(const std::string& email, const std::string& password,
                              Response* answer = nullptr);

// `"<version>"`, the If-Match/ETag form.
std::string Quoted(long long version);

// Checks the error shape {"error": {"code", "message", "field"?}} and the status.
// field: nullopt = do not check; "" = must have no field; otherwise must equal it.
testing::AssertionResult IsError(const Response& response, int status, std::string_view code,
                                 std::optional<std::string> field = std::nullopt);
// Like IsError, but `field` need only contain `field_part` (nested fields such as quotas[0].x).
testing::AssertionResult IsErrorWithFieldContaining(const Response& response, int status,
                                                    std::string_view code,
                                                    std::string_view field_part);
// Checks status and that the body is JSON.
testing::AssertionResult IsJson(const Response& response, int status);

// The string at `key` of an object, "" when missing, null or not a string.
std::string Str(const Json& object, std::string_view key);

// Path with query parameters percent-encoded: Query("/api/v1/x", {{"q", "a b"}}).
std::string Query(const std::string& path, const std::map<std::string, std::string>& params);
std::string UrlEncode(std::string_view text);

}  // namespace weltcampus::api_test
