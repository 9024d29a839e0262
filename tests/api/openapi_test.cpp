// The OpenAPI document describes every path of docs/api.md.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"

namespace weltcampus::api_test {
namespace {

// Written from docs/api.md (issue 2, "Foundation"), independently of the server code.
const std::map<std::string, std::set<std::string>>& DocumentedPaths() {
  static const std::map<std::string, std::set<std::string>> paths = {
      {"/api/v1/health", {"get"}},
      {"/api/v1/settings/home", {"get"}},
      {"/api/v1/summary", {"get"}},
      {"/api/v1/openapi.json", {"get"}},
      {"/metrics", {"get"}},
      {"/api/v1/isced", {"get"}},
      {"/api/v1/org-units", {"get", "post"}},
      {"/api/v1/org-units/{}", {"get", "put", "delete"}},
      {"/api/v1/institutions", {"get", "post"}},
      {"/api/v1/institutions/{}", {"get", "put", "delete"}},
      {"/api/v1/partnerships", {"get", "post"}},
      {"/api/v1/partnerships/{}", {"get", "put", "delete"}},
      {"/api/v1/partnerships/{}/overview", {"get"}},
      {"/api/v1/partnerships/{}/joint-structures", {"get", "post"}},
      {"/api/v1/agreements", {"get", "post"}},
      {"/api/v1/agreements/{}", {"get", "put", "delete"}},
      {"/api/v1/agreements/expiring", {"get"}},
      {"/api/v1/partnerships/bulk", {"post"}},
      {"/api/v1/agreements/bulk", {"post"}},
      {"/api/v1/joint-structures/{}", {"get", "put", "delete"}},
      {"/api/v1/imports/{}", {"post"}},
      {"/api/v1/imports/{}/columns", {"get"}},
      {"/api/v1/jobs", {"get"}},
      {"/api/v1/jobs/{}", {"get"}},
      {"/api/v1/jobs/{}/cancel", {"post"}},
      {"/api/v1/jobs/{}/report", {"get"}},
  };
  return paths;
}

// "/api/v1/institutions/{institution_id}" -> "/api/v1/institutions/{}"
std::string Normalise(const std::string& path) {
  return std::regex_replace(path, std::regex(R"(\{[^}]*\})"), "{}");
}

// Path part of a server URL: "https://x.org/api/v1/" -> "/api/v1", "/" -> "".
std::string ServerPrefix(const std::string& url) {
  std::string path = url;
  const auto scheme = path.find("://");
  if (scheme != std::string::npos) {
    const auto slash = path.find('/', scheme + 3);
    path = slash == std::string::npos ? "" : path.substr(slash);
  }
  while (!path.empty() && path.back() == '/') {
    path.pop_back();
  }
  return path;
}

TEST(OpenApi, IsOpenApi31Json) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(response, 200));
  EXPECT_EQ(response.Header("Content-Type").rfind("application/json", 0), 0u) << response;
  ASSERT_TRUE(response.json.contains("openapi") && response.json["openapi"].is_string());
  EXPECT_TRUE(
      std::regex_match(response.json["openapi"].get<std::string>(), std::regex(R"(3\.1\.\d+)")))
      << "openapi: " << response.json["openapi"];
  ASSERT_TRUE(response.json.contains("info") && response.json["info"].is_object());
  EXPECT_TRUE(response.json["info"].contains("title"));
  EXPECT_TRUE(response.json["info"].contains("version"));
  ASSERT_TRUE(response.json.contains("paths") && response.json["paths"].is_object());
}

TEST(OpenApi, DescribesEveryDocumentedPathAndMethod) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(response, 200));
  ASSERT_TRUE(response.json.contains("paths") && response.json["paths"].is_object());
  std::vector<std::string> prefixes = {""};
  if (response.json.contains("servers") && response.json["servers"].is_array()) {
    for (const Json& server : response.json["servers"]) {
      if (server.contains("url") && server["url"].is_string()) {
        prefixes.push_back(ServerPrefix(server["url"].get<std::string>()));
      }
    }
  }
  std::map<std::string, std::set<std::string>> described;
  for (const auto& [key, item] : response.json["paths"].items()) {
    for (const std::string& prefix : prefixes) {
      auto& methods = described[Normalise(prefix + key)];
      if (item.is_object()) {
        for (const auto& [method, operation] : item.items()) {
          methods.insert(method);
        }
      }
    }
  }
  for (const auto& [path, methods] : DocumentedPaths()) {
    const auto it = described.find(path);
    if (it == described.end()) {
      ADD_FAILURE() << "openapi.json has no path for " << path;
      continue;
    }
    for (const std::string& method : methods) {
      EXPECT_EQ(it->second.count(method), 1u)
          << "openapi.json: " << path << " lacks the " << method << " operation";
    }
  }
}

TEST(OpenApi, ComponentReferencesResolve) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(response, 200));
  const std::string text = response.json.dump();
  std::regex ref(R"re("\$ref":"#/([^"]*)")re");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), ref); it != std::sregex_iterator();
       ++it) {
    const std::string pointer = "/" + (*it)[1].str();
    bool resolves = false;
    try {
      resolves = response.json.contains(Json::json_pointer(pointer));
    } catch (const std::exception&) {
      resolves = false;
    }
    EXPECT_TRUE(resolves) << "unresolved $ref #" << pointer;
  }
}

}  // namespace
}  // namespace weltcampus::api_test
