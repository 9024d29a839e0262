// The authorization matrix (issues 4 and 13): every route against every role and anonymous,
// compared with the requirement (authorization_table.h: each route's area, and who may use it as
// the table in docs/api.md says), not with the server's own tables. This file proves the refusals
// (401, 403); authorization_grants_test.cpp proves every allowed cell with a valid request answered
// 2xx. A route in the server's OpenAPI document that the table lacks fails, so a new route forces a
// row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "authorization_table.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// An id no record has: a refused request with it could change nothing even if it were let through.
constexpr const char* kMissingId = "987654321";

std::string Concrete(const std::string& pattern) {
  std::string path = pattern;
  const auto brace = path.find("{id}");
  if (brace != std::string::npos) {
    path.replace(brace, 4, kMissingId);
  }
  // A kind no import has: refused with 404 once the permission check has passed.
  const auto kind = path.find("{kind}");
  if (kind != std::string::npos) {
    path.replace(kind, 6, "no-such-kind");
  }
  return path;
}

// A harmless request: malformed JSON for writes (nothing can be created or changed), a missing id
// for records, If-Match so that a 428 does not come before the permission check's answer.
Response SendHarmless(ApiClient& client, const RouteRow& row) {
  const std::string path = Concrete(row.path);
  if (row.method == "GET") {
    return client.Get(path);
  }
  if (row.method == "POST") {
    return client.PostRaw(path, "{");
  }
  if (row.method == "PUT") {
    return client.PutRaw(path, "{", {{"If-Match", Quoted(1)}});
  }
  if (row.method == "DELETE") {
    return client.Delete(path, 1);
  }
  Response none;
  none.request = row.method + " " + path;
  none.transport_error = "method not supported by the test";
  return none;
}

std::string Describe(const std::string& who, const RouteRow& row) {
  return who + " on " + row.method + " " + row.path;
}

class AuthorizationMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

TEST_F(AuthorizationMatrixTest, EveryOpenApiRouteHasARowAndEveryRowARoute) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(response, 200));
  ASSERT_TRUE(response.json.contains("paths") && response.json["paths"].is_object()) << response;
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : response.json["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      std::string upper = method;
      std::transform(upper.begin(), upper.end(), upper.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      if (upper == "GET" || upper == "POST" || upper == "PUT" || upper == "DELETE" ||
          upper == "PATCH" || upper == "HEAD") {
        documented.emplace(upper, path);
      }
    }
  }
  std::set<std::pair<std::string, std::string>> expected;
  for (const RouteRow& row : RouteTable()) {
    EXPECT_TRUE(expected.emplace(row.method, row.path).second)
        << "duplicate row " << row.method << " " << row.path;
  }
  for (const auto& [method, path] : documented) {
    EXPECT_TRUE(expected.count({method, path}) > 0)
        << method << " " << path
        << " is in the OpenAPI document but not in the authorization matrix: add a row with the "
           "roles that may use it";
  }
  for (const auto& [method, path] : expected) {
    EXPECT_TRUE(documented.count({method, path}) > 0)
        << method << " " << path << " is required but not in the OpenAPI document";
  }
}

// docs/api.md's table is whole and every area in it is some route's (and every route's area is in
// it): a right the documents grant no route, or a route in an area they never describe, fails.
TEST_F(AuthorizationMatrixTest, TheDocumentedTableNamesEveryAreaOfEveryRoute) {
  const AreaTable& table = DocumentedAreas();
  for (const std::string& problem : table.problems) {
    ADD_FAILURE() << "docs/api.md: " << problem;
  }
  ASSERT_FALSE(table.areas.empty());
  std::set<std::string> used;
  for (const RouteRow& row : RouteTable()) {
    used.insert(row.area);
    EXPECT_NE(table.Find(row.area), nullptr)
        << row.method << " " << row.path << ": area `" << row.area
        << "` is not in docs/api.md \"Who may do what (the roles)\"";
  }
  for (const auto& [area, access] : table.areas) {
    EXPECT_TRUE(used.count(area) > 0)
        << "docs/api.md names area `" << area << "` but no route has it";
  }
}

TEST_F(AuthorizationMatrixTest, AnonymousGets401OnEveryNonPublicRoute) {
  ApiClient anonymous;  // sends this server's Origin, no cookie
  int refused = 0;
  for (const RouteRow& row : RouteTable()) {
    const Access& access = AccessOf(row);
    if (access.anonymous || access.anonymous_loopback) {
      continue;  // granted: authorization_grants_test.cpp
    }
    EXPECT_TRUE(IsError(SendHarmless(anonymous, row), 401, "unauthorized"))
        << Describe("anonymous", row);
    ++refused;
  }
  EXPECT_GT(refused, 100);
}

TEST_F(AuthorizationMatrixTest, EveryRoleIsRefusedWhereTheDocumentsGiveItNoRight) {
  for (const DemoAccount& account : DemoAccounts()) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(account.role, &session));
    ApiClient client(session);
    int refused = 0;
    for (const RouteRow& row : RouteTable()) {
      if (Allows(AccessOf(row), account.role)) {
        continue;  // granted: authorization_grants_test.cpp
      }
      const std::string who = account.role + " (" + account.email + ")";
      EXPECT_TRUE(IsError(SendHarmless(client, row), 403, "forbidden")) << Describe(who, row);
      ++refused;
    }
    // Every role but the administrator's is refused somewhere.
    if (account.role != "admin") {
      EXPECT_GT(refused, 0) << account.role;
    }
    // Still signed in as the same person (no row may have ended or switched the session).
    EXPECT_GT(SignedInUserId(session), 0) << account.email;
  }
}

// The permissions the session answer lists are what the matrix found (the web application hides
// what a person may not do by them).
TEST_F(AuthorizationMatrixTest, SessionShowsEachRolesOwnRoles) {
  for (const DemoAccount& account : DemoAccounts()) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(account.role, &session));
    ApiClient client(session);
    const Response answer = client.Get("/api/v1/auth/session");
    ASSERT_TRUE(IsJson(answer, 200));
    ASSERT_TRUE(answer.json.contains("user") && answer.json["user"].is_object()) << answer;
    const Json& user = answer.json["user"];
    EXPECT_EQ(Str(user, "email"), account.email) << answer;
    ASSERT_TRUE(user.contains("roles") && user["roles"].is_array()) << answer;
    EXPECT_EQ(user["roles"], Json::array({account.role})) << answer;
    EXPECT_FALSE(Str(answer.json, "csrf_token").empty()) << answer;
  }
}

}  // namespace
}  // namespace weltcampus::api_test
