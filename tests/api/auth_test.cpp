// Accounts and sessions as far as the partner data is concerned (docs/api.md, "Accounts, sessions
// and the audit log"): public routes, 401 without a session, CSRF and Origin on writes, roles.
#include <gtest/gtest.h>

#include <string>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"

namespace weltcampus::api_test {
namespace {

class AuthTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      // docs/api.md requires accounts; a server without them is tested anonymously elsewhere but
      // fails here.
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

// A raw POST of a new institution with exactly the given extra header lines.
Response RawCreate(const std::string& header_lines) {
  const std::string body = NewInstitutionBody().dump();
  return RawHttp("POST /api/v1/institutions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header_lines +
                 "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body);
}

TEST_F(AuthTest, PublicRoutesAnswerWithoutASession) {
  ApiClient anonymous;
  EXPECT_TRUE(IsJson(anonymous.Get("/api/v1/health"), 200));
  EXPECT_TRUE(IsJson(anonymous.Get("/api/v1/openapi.json"), 200));
  EXPECT_TRUE(IsJson(anonymous.Get("/api/v1/settings/home"), 200));
  const Response session = anonymous.Get("/api/v1/auth/session");
  ASSERT_TRUE(IsJson(session, 200));
  EXPECT_TRUE(session.json.contains("user") && session.json["user"].is_null()) << session;
  EXPECT_TRUE(session.json.contains("csrf_token") && session.json["csrf_token"].is_null())
      << session;
}

TEST_F(AuthTest, PartnerDataNeedsASession) {
  ApiClient anonymous;
  for (const char* path : {"/api/v1/institutions", "/api/v1/partnerships", "/api/v1/agreements",
                           "/api/v1/summary", "/api/v1/org-units"}) {
    EXPECT_TRUE(IsError(anonymous.Get(path), 401, "unauthorized")) << path;
  }
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  EXPECT_TRUE(IsError(RawCreate("Origin: http://127.0.0.1\r\n"), 401, "unauthorized"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST_F(AuthTest, WritesNeedTheCsrfTokenAndThisOrigin) {
  const std::string cookie = "Cookie: " + TestSession().cookie + "\r\n";
  const std::string csrf = "X-CSRF-Token: " + TestSession().csrf_token + "\r\n";
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  EXPECT_TRUE(IsError(RawCreate(cookie + "Origin: http://127.0.0.1\r\n"), 403, "forbidden"))
      << "no X-CSRF-Token";
  EXPECT_TRUE(IsError(RawCreate(cookie + "Origin: http://127.0.0.1\r\nX-CSRF-Token: wrong\r\n"),
                      403, "forbidden"))
      << "wrong X-CSRF-Token";
  EXPECT_TRUE(
      IsError(RawCreate(cookie + csrf + "Origin: https://evil.example\r\n"), 403, "forbidden"))
      << "foreign Origin";
  EXPECT_TRUE(IsError(RawCreate(cookie + csrf), 403, "forbidden")) << "neither Origin nor Referer";
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
  const Response referer = RawCreate(cookie + csrf + "Referer: http://127.0.0.1/partners\r\n");
  EXPECT_EQ(referer.status, 201) << "a Referer of this server stands in for Origin: " << referer;
}

TEST_F(AuthTest, StudentsCannotChangePartnerData) {
  Response answer;
  const auto student = SignIn("student@weltcampus.example", kDemoPassword, &answer);
  ASSERT_TRUE(student.has_value()) << answer;
  ApiClient client(*student);
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  EXPECT_TRUE(IsError(client.Post("/api/v1/institutions", NewInstitutionBody()), 403, "forbidden"));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after);
}

TEST_F(AuthTest, LogoutEndsTheSession) {
  Response answer;
  const auto office = SignIn("office@weltcampus.example", kDemoPassword, &answer);
  ASSERT_TRUE(office.has_value()) << answer;
  ApiClient client(*office);
  ASSERT_TRUE(IsJson(client.Get("/api/v1/institutions?limit=1"), 200));
  const Response logout = client.PostRaw("/api/v1/auth/logout", "");
  EXPECT_EQ(logout.status, 204) << logout;
  ApiClient stale(*office);
  EXPECT_TRUE(IsError(stale.Get("/api/v1/institutions?limit=1"), 401, "unauthorized"));
}

TEST_F(AuthTest, OpenApiNamesAPermissionForEveryOperation) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_TRUE(IsJson(response, 200));
  for (const auto& [path, item] : response.json["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      if (method == "get" || method == "post" || method == "put" || method == "delete") {
        EXPECT_TRUE(operation.is_object() && operation.contains("x-permission"))
            << method << " " << path << " has no x-permission";
      }
    }
  }
}

// Last in this file: failed sign-ins may slow down further ones from this address.
TEST_F(AuthTest, WrongPasswordAndUnknownAccountLookTheSame) {
  Response wrong_password;
  Response unknown;
  EXPECT_FALSE(SignIn("office@weltcampus.example", "not the password", &wrong_password));
  EXPECT_FALSE(SignIn("nobody-" + UniqueLetters(6) + "@weltcampus.example", "x", &unknown));
  ASSERT_TRUE(IsError(wrong_password, 401, "unauthorized"));
  ASSERT_TRUE(IsError(unknown, 401, "unauthorized"));
  EXPECT_EQ(wrong_password.json["error"]["message"], unknown.json["error"]["message"]);
  EXPECT_FALSE(wrong_password.HasHeader("Set-Cookie") &&
               wrong_password.Header("Set-Cookie").find("weltcampus_session=") == 0 &&
               wrong_password.Header("Set-Cookie").find("Max-Age=0") == std::string::npos)
      << "a failed sign-in must not open a session: " << wrong_password;
}

}  // namespace
}  // namespace weltcampus::api_test
