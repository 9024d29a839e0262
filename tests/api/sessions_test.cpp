// Sessions (issue 4; docs/api.md "Accounts, sessions and the audit log"): fixation, idle and
// absolute expiry, logout, disabled accounts, one-time passwords and CSRF. Every test makes its own
// accounts; failing sign-ins come from a loopback address of their own.
#include <gtest/gtest.h>

#include <string>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

class SessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

// The session answer's user id with this cookie only (no CSRF token needed for a GET).
long long UserIdWithCookie(const std::string& cookie) {
  return SignedInUserId(Session{cookie, ""});
}

std::string SetCookieOf(const Response& answer) {
  const auto range = answer.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.rfind("weltcampus_session=", 0) == 0) {
      return it->second;
    }
  }
  return {};
}

TEST_F(SessionsTest, LoginSetsAFreshHttpOnlyCookieAndStoresOnlyItsHash) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const Response login = LoginFrom("", account.email, account.password);
  ASSERT_TRUE(IsJson(login, 200));
  const std::string set_cookie = SetCookieOf(login);
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("SameSite=Lax"), std::string::npos) << set_cookie;
  EXPECT_NE(set_cookie.find("Path=/"), std::string::npos) << set_cookie;
  const Session session = SessionFromLogin(login);
  const std::string token = TokenOf(session);
  ASSERT_GE(token.size(), 20U) << "a session token must be long and random: " << set_cookie;
  EXPECT_NE(token, TokenOf(account.session));
  EXPECT_NE(session.csrf_token, account.session.csrf_token);
  EXPECT_NE(session.csrf_token, token);

  std::string rows;
  ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT user_id FROM sessions WHERE token_hash = " +
                                      SqlText(Sha256Hex(token)),
                                  &rows));
  EXPECT_EQ(rows, std::to_string(account.id) + "\n")
      << "sessions.token_hash must be the SHA-256 hex of the cookie token";
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "SELECT COUNT(*) FROM sessions WHERE token_hash = " + SqlText(token), &rows));
  EXPECT_EQ(rows, "0\n") << "the token itself must not be stored";
}

TEST_F(SessionsTest, MadeUpCookieBeforeLoginIsNotAdopted) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &account));
  const std::string planted = "weltcampus_session=" + UniqueLetters(12) + "planted0123456789abcdef";
  const Response login = LoginFrom("", account.email, account.password, planted);
  ASSERT_TRUE(IsJson(login, 200));
  const Session session = SessionFromLogin(login);
  ASSERT_FALSE(session.cookie.empty()) << "the login answer must set the session cookie: " << login;
  EXPECT_NE(session.cookie, planted);
  EXPECT_EQ(UserIdWithCookie(session.cookie), account.id);
  EXPECT_EQ(UserIdWithCookie(planted), -1) << "the planted token must not become a session";
}

TEST_F(SessionsTest, OldSessionOfOnePersonDoesNotBecomeAnothersAtLogin) {
  Account a;
  Account b;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &a));
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"coordinator"}, &b));
  // B signs in on a browser that still carries A's valid session cookie (an attacker's, planted;
  // the login page then holds that session's CSRF token too).
  const Response login = LoginFrom("", b.email, b.password, a.session.cookie, a.session.csrf_token);
  ASSERT_TRUE(IsJson(login, 200));
  const Session session = SessionFromLogin(login);
  ASSERT_FALSE(session.cookie.empty()) << login;
  EXPECT_NE(session.cookie, a.session.cookie) << "login must issue a new token";
  EXPECT_EQ(UserIdWithCookie(session.cookie), b.id);
  EXPECT_EQ(UserIdWithCookie(a.session.cookie), a.id)
      << "A's token must still be A's (or nobody's), never B's";
  // And B's new session has B's rights, A's old one A's.
  ApiClient as_a(a.session);
  EXPECT_TRUE(IsError(as_a.Get("/api/v1/summary"), 403, "forbidden"));
  ApiClient as_b(session);
  EXPECT_TRUE(IsJson(as_b.Get("/api/v1/summary"), 200));
}

void ExpectLifetimes(const Account& account) {
  std::string row;
  ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT idle_expires_at, absolute_expires_at FROM sessions "
                                  "WHERE token_hash = " +
                                      SqlText(Sha256Hex(TokenOf(account.session))),
                                  &row));
  const auto bar = row.find('|');
  ASSERT_NE(bar, std::string::npos) << "no session row: " << row;
  const long long idle = ParseUtc(row.substr(0, bar));
  const long long absolute = ParseUtc(row.substr(bar + 1, 20));
  const long long now = NowSeconds();
  ASSERT_GT(idle, 0) << row;
  ASSERT_GT(absolute, 0) << row;
  EXPECT_NEAR(static_cast<double>(idle - now), 30 * 60, 120) << "idle timeout is 30 minutes: " << row;
  EXPECT_NEAR(static_cast<double>(absolute - now), 12 * 3600, 15 * 60)
      << "absolute timeout is 12 hours: " << row;
}

void ExpireAndExpect401(const std::string& column) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"international_office"}, &account));
  ASSERT_NO_FATAL_FAILURE(ExpectLifetimes(account));
  ApiClient client(account.session);
  ASSERT_TRUE(IsJson(client.Get("/api/v1/me"), 200));
  std::string rows;
  ASSERT_NO_FATAL_FAILURE(ExecSql("UPDATE sessions SET " + column + " = " +
                                      SqlText(FormatUtc(NowSeconds() - 60)) +
                                      " WHERE token_hash = " +
                                      SqlText(Sha256Hex(TokenOf(account.session))) +
                                      "; SELECT COUNT(*) FROM sessions WHERE user_id = " +
                                      std::to_string(account.id),
                                  &rows));
  ASSERT_EQ(rows, "1\n") << "expected exactly this session for the account";
  EXPECT_TRUE(IsError(client.Get("/api/v1/me"), 401, "unauthorized")) << column;
  EXPECT_TRUE(IsError(client.Get("/api/v1/institutions?limit=1"), 401, "unauthorized")) << column;
  const Response session = client.Get("/api/v1/auth/session");
  ASSERT_TRUE(IsJson(session, 200));
  EXPECT_TRUE(session.json["user"].is_null()) << session;
  // The expired session cannot be revived by writing either.
  EXPECT_TRUE(
      IsError(client.Put("/api/v1/me", Json{{"display_name", "Revived"}}, 1), 401, "unauthorized"))
      << column;
}

TEST_F(SessionsTest, IdleExpiryEndsTheSession) { ExpireAndExpect401("idle_expires_at"); }

TEST_F(SessionsTest, AbsoluteExpiryEndsTheSession) { ExpireAndExpect401("absolute_expires_at"); }

TEST_F(SessionsTest, LogoutEndsOnlyThisSession) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"researcher"}, &account));
  const Session second = SessionFromLogin(LoginFrom("", account.email, account.password));
  ASSERT_FALSE(second.cookie.empty());
  ApiClient client(account.session);
  const Response logout = client.PostRaw("/api/v1/auth/logout", "");
  EXPECT_EQ(logout.status, 204) << logout;
  const std::string set_cookie = SetCookieOf(logout);
  EXPECT_TRUE(set_cookie.find("Max-Age=0") != std::string::npos ||
              set_cookie.find("Expires=Thu, 01 Jan 1970") != std::string::npos)
      << "logout must expire the cookie: " << logout;
  ApiClient stale(account.session);
  EXPECT_TRUE(IsError(stale.Get("/api/v1/me"), 401, "unauthorized"));
  EXPECT_TRUE(IsError(stale.PostRaw("/api/v1/auth/logout", ""), 401, "unauthorized"));
  std::string rows;
  ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT COUNT(*) FROM sessions WHERE token_hash = " +
                                      SqlText(Sha256Hex(TokenOf(account.session))),
                                  &rows));
  EXPECT_EQ(rows, "0\n") << "the session row must be gone after logout";
  EXPECT_EQ(SignedInUserId(second), account.id) << "another device's session stays";
}

TEST_F(SessionsTest, DisablingAnAccountEndsAllItsSessionsAndItsLogins) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"welcome_officer"}, &account));
  const Session second = SessionFromLogin(LoginFrom("", account.email, account.password));
  ASSERT_FALSE(second.cookie.empty());
  ASSERT_EQ(SignedInUserId(second), account.id);

  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/users/" + std::to_string(account.id), &user));
  Json changed = user;
  changed["active"] = false;
  EXPECT_TRUE(IsError(Api().Put("/api/v1/users/" + std::to_string(account.id), changed,
                                std::nullopt),
                      428, "precondition_required"));
  EXPECT_EQ(SignedInUserId(account.session), account.id) << "a refused change changes nothing";
  const Response disable =
      Api().Put("/api/v1/users/" + std::to_string(account.id), changed, VersionOf(user));
  ASSERT_TRUE(IsJson(disable, 200));
  EXPECT_EQ(disable.json["active"], false) << disable;

  EXPECT_EQ(SignedInUserId(account.session), -1) << "first session must be gone";
  EXPECT_EQ(SignedInUserId(second), -1) << "second session must be gone";
  ApiClient stale(second);
  EXPECT_TRUE(IsError(stale.Get("/api/v1/me"), 401, "unauthorized"));
  std::string rows;
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(account.id),
              &rows));
  EXPECT_EQ(rows, "0\n");

  // A disabled account cannot sign in, and the answer is that of a wrong password.
  const std::string address = FreshLoopbackAddress();
  const Response disabled_login = LoginFrom(address, account.email, account.password);
  const Response wrong_password = LoginFrom(address, DemoEmail("researcher"), "Wrong-" + UniqueLetters(8));
  ASSERT_TRUE(IsError(disabled_login, 401, "unauthorized"));
  ASSERT_TRUE(IsError(wrong_password, 401, "unauthorized"));
  EXPECT_EQ(disabled_login.body, wrong_password.body);
  EXPECT_TRUE(SetCookieOf(disabled_login).empty() ||
              SetCookieOf(disabled_login).find("Max-Age=0") != std::string::npos)
      << disabled_login;
}

TEST_F(SessionsTest, OneTimePasswordMustBeChangedFirst) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"international_office"}, &created));
  const std::string otp = Str(created, "one_time_password");
  const Response login = LoginFrom("", Str(created, "email"), otp);
  ASSERT_TRUE(IsJson(login, 200));
  const Session session = SessionFromLogin(login);
  ApiClient client(session);
  const Response state = client.Get("/api/v1/auth/session");
  ASSERT_TRUE(IsJson(state, 200));
  EXPECT_EQ(state.json["user"]["must_change_password"], true) << state;
  for (const char* path : {"/api/v1/institutions?limit=1", "/api/v1/isced", "/api/v1/me/data",
                           "/api/v1/summary"}) {
    const Response answer = client.Get(path);
    EXPECT_TRUE(IsError(answer, 403, "forbidden")) << path;
    const bool has_reason = answer.json.is_object() &&
                            ((answer.json.contains("error") && answer.json["error"].is_object() &&
                              Str(answer.json["error"], "reason") == "password_change_required") ||
                             Str(answer.json, "reason") == "password_change_required");
    EXPECT_TRUE(has_reason) << "expected \"reason\": \"password_change_required\": " << answer;
  }
  EXPECT_TRUE(IsJson(client.Get("/api/v1/me"), 200));
  const std::string fresh = UniquePassword("correct-staple");
  RememberSecret(fresh);
  const Response change = client.Put(
      "/api/v1/me/password", Json{{"current_password", otp}, {"new_password", fresh}}, std::nullopt);
  ASSERT_EQ(change.status, 204) << change;
  EXPECT_TRUE(IsJson(client.Get("/api/v1/institutions?limit=1"), 200));
}

// DESIGN.md: the server is stateless, sessions live in the database, so several servers can stand
// behind one load balancer. A session ended through one server is ended on all of them at once.
TEST_F(SessionsTest, LogoutAndDisablingReachEveryServerOfTheSameDatabase) {
  SecondServer other;
  ASSERT_NO_FATAL_FAILURE(other.Start(Server().db_url));
  Account leaving;
  Account disabled;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &leaving));
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &disabled));
  // Both sessions are in use on the second server too.
  other.UseSession(leaving.session);
  ASSERT_TRUE(IsJson(other.Request("GET", "/api/v1/me", ""), 200));
  other.UseSession(disabled.session);
  ASSERT_TRUE(IsJson(other.Request("GET", "/api/v1/me", ""), 200));

  ApiClient client(leaving.session);
  ASSERT_EQ(client.PostRaw("/api/v1/auth/logout", "").status, 204);
  other.UseSession(leaving.session);
  EXPECT_TRUE(IsError(other.Request("GET", "/api/v1/me", ""), 401, "unauthorized"))
      << "logged out on one server, still signed in on the other";

  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk("/api/v1/users/" + std::to_string(disabled.id), &user));
  user["active"] = false;
  ASSERT_TRUE(IsJson(
      Api().Put("/api/v1/users/" + std::to_string(disabled.id), user, VersionOf(user)), 200));
  other.UseSession(disabled.session);
  EXPECT_TRUE(IsError(other.Request("GET", "/api/v1/me", ""), 401, "unauthorized"))
      << "disabled through one server, still signed in on the other";
  other.Stop();
}

// --- CSRF and Origin --------------------------------------------------------------------------

Response RawWrite(const std::string& method, const std::string& path, const std::string& body,
                  const std::string& header_lines) {
  return RawHttp(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + header_lines +
                 "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body);
}

TEST_F(SessionsTest, WritesWithoutThisSessionsCsrfTokenOrOriginAreRefused) {
  Session office;
  ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office));
  Session other;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &other));
  const std::string cookie = "Cookie: " + office.cookie + "\r\n";
  const std::string csrf = "X-CSRF-Token: " + office.csrf_token + "\r\n";
  const std::string origin = "Origin: http://127.0.0.1\r\n";

  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  const std::string body = NewInstitutionBody().dump();
  struct Case {
    const char* what;
    std::string headers;
  };
  const Case cases[] = {
      {"no X-CSRF-Token", cookie + origin},
      {"another session's X-CSRF-Token", cookie + origin + "X-CSRF-Token: " + other.csrf_token + "\r\n"},
      {"an empty X-CSRF-Token", cookie + origin + "X-CSRF-Token: \r\n"},
      {"the session token as CSRF token", cookie + origin + "X-CSRF-Token: " + TokenOf(office) + "\r\n"},
      {"neither Origin nor Referer", cookie + csrf},
      {"a foreign Origin", cookie + csrf + "Origin: https://evil.example\r\n"},
      {"an Origin of another port", cookie + csrf + "Origin: http://127.0.0.1:1\r\n"},
      {"Origin null", cookie + csrf + "Origin: null\r\n"},
      {"a foreign Referer", cookie + csrf + "Referer: https://evil.example/127.0.0.1/\r\n"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(IsError(RawWrite("POST", "/api/v1/institutions", body, c.headers), 403, "forbidden"))
        << "POST with " << c.what;
  }
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(before, after) << "a refused write must not create anything";

  // PUT and DELETE too.
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &institution));
  const std::string path = "/api/v1/institutions/" + std::to_string(IdOf(institution));
  const std::string if_match = "If-Match: " + Quoted(VersionOf(institution)) + "\r\n";
  Json changed = institution;
  changed["city"] = "Changed by CSRF";
  EXPECT_TRUE(IsError(RawWrite("PUT", path, changed.dump(), cookie + origin + if_match), 403,
                      "forbidden"))
      << "PUT without X-CSRF-Token";
  EXPECT_TRUE(IsError(RawWrite("DELETE", path, "", cookie + origin + if_match), 403, "forbidden"))
      << "DELETE without X-CSRF-Token";
  EXPECT_TRUE(IsError(RawWrite("DELETE", path, "", cookie + csrf + if_match +
                                                        "Origin: https://evil.example\r\n"),
                      403, "forbidden"))
      << "DELETE from a foreign Origin";
  Json unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &unchanged));
  EXPECT_EQ(unchanged["city"], institution["city"]);
  EXPECT_EQ(VersionOf(unchanged), VersionOf(institution));
  // Own-account writes are state-changing too.
  EXPECT_TRUE(IsError(RawWrite("PUT", "/api/v1/me", R"({"display_name":"CSRF victim"})",
                               cookie + origin),
                      403, "forbidden"));
  EXPECT_TRUE(IsError(RawWrite("POST", "/api/v1/auth/logout", "", cookie + origin), 403,
                      "forbidden"))
      << "logout without the CSRF token";
  EXPECT_GT(SignedInUserId(office), 0) << "the refused logout must not have ended the session";

  // GET needs neither the token nor an Origin.
  const Response get = RawHttp("GET /api/v1/institutions?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                               cookie + "Connection: close\r\n\r\n");
  EXPECT_TRUE(IsJson(get, 200));
  // And with everything right, the write goes through.
  EXPECT_EQ(RawWrite("POST", "/api/v1/institutions", NewInstitutionBody().dump(),
                     cookie + csrf + origin)
                .status,
            201);
}

}  // namespace
}  // namespace weltcampus::api_test
