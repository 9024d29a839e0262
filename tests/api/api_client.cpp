#include "api_client.h"

#include <httplib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>

#include "test_server.h"

namespace weltcampus::api_test {

std::string LowerCase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

namespace {

Session g_session;

httplib::Headers ToHttplib(const Headers& headers) {
  httplib::Headers out;
  for (const auto& [name, value] : headers) {
    out.emplace(name, value);
  }
  return out;
}

std::mutex g_log_mutex;

Response Convert(const std::string& request, const httplib::Result& result) {
  Response response;
  response.request = request;
  if (!result) {
    response.transport_error = httplib::to_string(result.error());
    return response;
  }
  response.status = result->status;
  response.body = result->body;
  for (const auto& [name, value] : result->headers) {
    response.headers.emplace(LowerCase(name), value);
  }
  response.json = Json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  response.json_ok = !response.json.is_discarded();
  if (!response.json_ok) {
    response.json = nullptr;
  }
  const auto space = request.find(' ');
  LogResponse(request.substr(0, space), request.substr(space + 1), response);
  return response;
}

}  // namespace

void LogRecord(const Json& record) {
  const char* path = std::getenv("WELTCAMPUS_RESPONSE_LOG");
  if (path == nullptr || *path == '\0') {
    return;
  }
  // Bodies need not be UTF-8 (exports): replace what is not, rather than throw.
  const std::string line = record.dump(-1, ' ', false, Json::error_handler_t::replace);
  const std::lock_guard lock(g_log_mutex);
  std::ofstream out(path, std::ios::app);
  out << line << '\n';
}

void LogResponse(const std::string& method, const std::string& target, const Response& response) {
  if (response.status == 0) {
    return;  // no answer: nothing to validate
  }
  LogRecord({{"kind", "response"},
             {"method", method},
             {"target", target},
             {"status", response.status},
             {"content_type", response.Header("Content-Type")},
             {"body", response.body}});
}

void JsonAssertFailed(const char* condition) {
  throw std::logic_error(std::string("JSON access to a missing key or wrong type (") + condition +
                         ")");
}

std::string Response::Header(std::string_view name) const {
  const auto it = headers.find(LowerCase(name));
  return it == headers.end() ? std::string() : it->second;
}

bool Response::HasHeader(std::string_view name) const { return headers.count(LowerCase(name)) > 0; }

std::ostream& operator<<(std::ostream& out, const Response& response) {
  out << "[" << response.request << " -> ";
  if (response.status == 0) {
    return out << "no answer: " << response.transport_error << "]";
  }
  out << response.status << "] ";
  constexpr std::size_t kMaxBody = 1500;
  if (response.body.size() > kMaxBody) {
    return out << response.body.substr(0, kMaxBody) << "... (" << response.body.size() << " bytes)";
  }
  return out << response.body;
}

Response ApiClient::Get(const std::string& path, const Headers& headers) {
  return Convert("GET " + path, Http().Get(path.c_str(), ToHttplib(headers)));
}

Response ApiClient::Post(const std::string& path, const Json& body, const Headers& headers) {
  return PostRaw(path, body.dump(), "application/json", headers);
}

Response ApiClient::PostRaw(const std::string& path, const std::string& body,
                            const std::string& content_type, const Headers& headers) {
  return Convert("POST " + path,
                 Http().Post(path.c_str(), ToHttplib(headers), body, content_type.c_str()));
}

Response ApiClient::Put(const std::string& path, const Json& body,
                        std::optional<long long> version) {
  Headers headers;
  if (version) {
    headers["If-Match"] = Quoted(*version);
  }
  return PutRaw(path, body.dump(), headers);
}

Response ApiClient::PutRaw(const std::string& path, const std::string& body,
                           const Headers& headers) {
  return Convert("PUT " + path,
                 Http().Put(path.c_str(), ToHttplib(headers), body, "application/json"));
}

Response ApiClient::Delete(const std::string& path, std::optional<long long> version) {
  Headers headers;
  if (version) {
    headers["If-Match"] = Quoted(*version);
  }
  return Convert("DELETE " + path, Http().Delete(path.c_str(), ToHttplib(headers)));
}

ApiClient::ApiClient() : ApiClient(Session{}) {}
ApiClient::ApiClient(Session session) : session_(std::move(session)) {}
ApiClient::~ApiClient() = default;

httplib::Client& ApiClient::Http() {
  if (!http_) {
    http_ = std::make_unique<httplib::Client>(Server().host, Server().port);
    http_->set_keep_alive(true);
    http_->set_connection_timeout(5);
    http_->set_read_timeout(30);
    http_->set_write_timeout(30);
    // What a browser on the application's own pages sends (docs/api.md: Origin and X-CSRF-Token on
    // every state-changing request).
    httplib::Headers headers{
        {"Origin", "http://" + Server().host + ":" + std::to_string(Server().port)}};
    if (!session_.cookie.empty()) {
      headers.emplace("Cookie", session_.cookie);
    }
    if (!session_.csrf_token.empty()) {
      headers.emplace("X-CSRF-Token", session_.csrf_token);
    }
    http_->set_default_headers(headers);
  }
  return *http_;
}

ApiClient& Api() {
  thread_local std::unique_ptr<ApiClient> client;
  thread_local std::string client_cookie;
  if (!client || client_cookie != g_session.cookie) {
    client = std::make_unique<ApiClient>(g_session);
    client_cookie = g_session.cookie;
  }
  return *client;
}

void SetTestSession(Session session) { g_session = std::move(session); }
const Session& TestSession() { return g_session; }

std::optional<Session> SignIn(const std::string& email, const std::string& password,
                              Response* answer) {
  ApiClient anonymous;
  const Response response =
      anonymous.Post("/api/v1/auth/login", Json{{"email", email}, {"password", password}});
  if (answer != nullptr) {
    *answer = response;
  }
  if (response.status != 200 || !response.json.is_object()) {
    return std::nullopt;
  }
  Session session;
  session.csrf_token = Str(response.json, "csrf_token");
  const auto range = response.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& cookie = it->second;
    if (cookie.rfind("weltcampus_session=", 0) == 0) {
      session.cookie = cookie.substr(0, cookie.find(';'));
    }
  }
  if (session.cookie.empty()) {
    return std::nullopt;
  }
  return session;
}

std::string Quoted(long long version) { return "\"" + std::to_string(version) + "\""; }

testing::AssertionResult IsJson(const Response& response, int status) {
  if (response.status != status) {
    return testing::AssertionFailure() << "expected status " << status << ", got " << response;
  }
  if (!response.json_ok) {
    return testing::AssertionFailure() << "body is not JSON: " << response;
  }
  return testing::AssertionSuccess();
}

namespace {

testing::AssertionResult CheckErrorShape(const Response& response, int status,
                                         std::string_view code) {
  if (response.status != status) {
    return testing::AssertionFailure()
           << "expected status " << status << " (" << code << "), got " << response;
  }
  if (!response.json_ok || !response.json.is_object() || !response.json.contains("error") ||
      !response.json["error"].is_object()) {
    return testing::AssertionFailure() << "no {\"error\": {...}} body: " << response;
  }
  const Json& error = response.json["error"];
  if (!error.contains("code") || !error["code"].is_string() || error["code"] != code) {
    return testing::AssertionFailure() << "expected error.code \"" << code << "\": " << response;
  }
  if (!error.contains("message") || !error["message"].is_string() ||
      error["message"].get<std::string>().empty()) {
    return testing::AssertionFailure() << "error.message missing or empty: " << response;
  }
  const std::string content_type = response.Header("Content-Type");
  if (content_type.rfind("application/json", 0) != 0) {
    return testing::AssertionFailure() << "error Content-Type is \"" << content_type
                                       << "\", not application/json: " << response;
  }
  return testing::AssertionSuccess();
}

}  // namespace

testing::AssertionResult IsError(const Response& response, int status, std::string_view code,
                                 std::optional<std::string> field) {
  auto shape = CheckErrorShape(response, status, code);
  if (!shape || !field) {
    return shape;
  }
  const Json& error = response.json["error"];
  if (field->empty()) {
    if (error.contains("field") && !error["field"].is_null()) {
      return testing::AssertionFailure() << "expected no error.field: " << response;
    }
    return testing::AssertionSuccess();
  }
  if (!error.contains("field") || !error["field"].is_string() || error["field"] != *field) {
    return testing::AssertionFailure() << "expected error.field \"" << *field << "\": " << response;
  }
  return testing::AssertionSuccess();
}

testing::AssertionResult IsErrorWithFieldContaining(const Response& response, int status,
                                                    std::string_view code,
                                                    std::string_view field_part) {
  auto shape = CheckErrorShape(response, status, code);
  if (!shape) {
    return shape;
  }
  const Json& error = response.json["error"];
  if (!error.contains("field") || !error["field"].is_string() ||
      error["field"].get<std::string>().find(field_part) == std::string::npos) {
    return testing::AssertionFailure()
           << "expected error.field containing \"" << field_part << "\": " << response;
  }
  return testing::AssertionSuccess();
}

std::string Str(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    return {};
  }
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string Query(const std::string& path, const std::map<std::string, std::string>& params) {
  std::string out = path;
  char separator = path.find('?') == std::string::npos ? '?' : '&';
  for (const auto& [name, value] : params) {
    out += separator;
    out += UrlEncode(name) + "=" + UrlEncode(value);
    separator = '&';
  }
  return out;
}

}  // namespace weltcampus::api_test
