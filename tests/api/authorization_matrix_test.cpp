// The authorization matrix (issue 4): every route against every role and anonymous, compared with
// an expectation table written from the requirements (docs/api.md and the issue), not from the
// server's route table. A route in the server's OpenAPI document that this table lacks fails, so a
// new route forces a new row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// Who may use a route.
struct Access {
  bool is_public = false;           // anyone, signed in or not
  bool any_signed_in = false;       // every role
  std::set<std::string> roles;      // exactly these roles
  bool anonymous_loopback = false;  // also anonymous from 127.0.0.1 (metrics scraper)
};

Access Public() {
  Access access;
  access.is_public = true;
  return access;
}
Access SignedIn() {
  Access access;
  access.any_signed_in = true;
  return access;
}
Access Only(std::set<std::string> roles) {
  Access access;
  access.roles = std::move(roles);
  return access;
}

const std::set<std::string> kAllRoles = {
    "admin",           "international_office", "coordinator", "researcher", "research_office",
    "welcome_officer", "management",           "student",     "incoming_guest"};

// Reading the partner register: everyone but guests from abroad (they see their own welcome case).
Access ReadPartners() {
  auto roles = kAllRoles;
  roles.erase("incoming_guest");
  return Only(roles);
}
Access WritePartners() { return Only({"admin", "international_office"}); }
// The register's internals (the renewals worklist among them): the school's staff, not students,
// researchers or guests.
Access PartnerInternals() {
  return Only({"admin", "international_office", "coordinator", "research_office", "welcome_officer",
               "management"});
}
// The school's units: read by the same people as the register, kept by the international office.
Access ReadOrganisation() { return ReadPartners(); }
Access WriteOrganisation() { return Only({"admin", "international_office"}); }
Access Indicators() {
  return Only({"admin", "international_office", "management", "research_office", "coordinator"});
}
Access AdminOnly() { return Only({"admin"}); }
// The exchange (issue 10): the school's programmes are read by the staff who work with exchanges
// and kept by the international office; student records are personal data, for the international
// office only; a student reads their own record and nobody else's.
Access ReadExchange() {
  return Only({"admin", "international_office", "coordinator", "management"});
}
Access WriteExchange() { return Only({"admin", "international_office"}); }
Access StudentRecords() { return Only({"admin", "international_office"}); }
Access OwnStudentRecord() { return Only({"student"}); }
// Calls and their offers are public facts: the staff who work with exchanges and students read
// them; the international office keeps them.
Access ReadCalls() {
  return Only({"admin", "international_office", "coordinator", "management", "student"});
}
// Applications: a student their own (by account); the office and coordinators (within their
// scope, which the applications' own tests check) read, check and score a call's.
Access Apply() { return Only({"student"}); }
Access ReadApplications() { return Only({"admin", "international_office", "coordinator"}); }
Access ScoreApplications() { return ReadApplications(); }
// Allocation runs: the international office runs and publishes them and reads their input; the
// committee (coordinators, management) signs them off; all of them read runs and results.
Access Allocate() { return Only({"admin", "international_office"}); }
Access SignOff() { return Only({"admin", "coordinator", "management"}); }
Access ReadRuns() { return Only({"admin", "international_office", "coordinator", "management"}); }
// Importing reference lists: the people who keep the register.
Access Imports() { return Only({"admin", "international_office"}); }
Access Metrics() {
  Access access = Only({"admin"});
  access.anonymous_loopback = true;
  return access;
}

struct Row {
  std::string method;
  std::string path;  // as in the OpenAPI document, with {id}
  Access access;
};

// The expectation table. Written from the requirements; keep it that way.
const std::vector<Row>& ExpectationTable() {
  static const std::vector<Row> rows = {
      // Public
      {"GET", "/api/v1/health", Public()},
      {"GET", "/api/v1/openapi.json", Public()},
      {"GET", "/api/v1/enumerations", Public()},
      {"GET", "/api/v1/settings/home", Public()},
      {"POST", "/api/v1/auth/login", Public()},
      {"GET", "/api/v1/auth/session", Public()},
      // Any signed-in person
      {"POST", "/api/v1/auth/logout", SignedIn()},
      {"GET", "/api/v1/me", SignedIn()},
      {"PUT", "/api/v1/me", SignedIn()},
      {"PUT", "/api/v1/me/password", SignedIn()},
      {"GET", "/api/v1/me/data", SignedIn()},
      {"GET", "/api/v1/isced", SignedIn()},
      // Jobs: everyone sees (and may cancel) their own; others' read as missing (404)
      {"GET", "/api/v1/jobs", SignedIn()},
      {"GET", "/api/v1/jobs/{id}", SignedIn()},
      {"POST", "/api/v1/jobs/{id}/cancel", SignedIn()},
      {"GET", "/api/v1/jobs/{id}/report", SignedIn()},
      // Organisation: the school's units
      {"GET", "/api/v1/org-units", ReadOrganisation()},
      {"GET", "/api/v1/org-units/{id}", ReadOrganisation()},
      {"POST", "/api/v1/org-units", WriteOrganisation()},
      {"PUT", "/api/v1/org-units/{id}", WriteOrganisation()},
      {"DELETE", "/api/v1/org-units/{id}", WriteOrganisation()},
      // Partners: reading
      {"GET", "/api/v1/institutions", ReadPartners()},
      {"GET", "/api/v1/institutions/{id}", ReadPartners()},
      {"GET", "/api/v1/partnerships", ReadPartners()},
      {"GET", "/api/v1/partnerships/map", ReadPartners()},
      {"GET", "/api/v1/partnerships/countries", ReadPartners()},
      {"GET", "/api/v1/partnerships/{id}", ReadPartners()},
      {"GET", "/api/v1/partnerships/{id}/overview", ReadPartners()},
      {"GET", "/api/v1/partnerships/{id}/joint-structures", ReadPartners()},
      {"GET", "/api/v1/joint-structures/{id}", ReadPartners()},
      {"GET", "/api/v1/agreements", ReadPartners()},
      {"GET", "/api/v1/agreements/expiring", PartnerInternals()},
      {"GET", "/api/v1/agreements/{id}", ReadPartners()},
      // The partner's contacts and the office's notes: staff only
      {"GET", "/api/v1/partnerships/{id}/contacts", PartnerInternals()},
      {"GET", "/api/v1/partner-contacts/{id}", PartnerInternals()},
      {"GET", "/api/v1/partnerships/{id}/notes", PartnerInternals()},
      {"GET", "/api/v1/partner-notes/{id}", PartnerInternals()},
      {"GET", "/api/v1/agreements/{id}/documents", PartnerInternals()},
      {"GET", "/api/v1/agreement-documents/{id}", PartnerInternals()},
      {"GET", "/api/v1/agreement-documents/{id}/files", PartnerInternals()},
      {"GET", "/api/v1/agreement-document-files/{id}", PartnerInternals()},
      {"GET", "/api/v1/partnerships/{id}/history", PartnerInternals()},
      {"GET", "/api/v1/agreements/{id}/history", PartnerInternals()},
      // Partners: changing
      {"POST", "/api/v1/institutions", WritePartners()},
      {"PUT", "/api/v1/institutions/{id}", WritePartners()},
      {"DELETE", "/api/v1/institutions/{id}", WritePartners()},
      {"POST", "/api/v1/partnerships", WritePartners()},
      {"PUT", "/api/v1/partnerships/{id}", WritePartners()},
      {"DELETE", "/api/v1/partnerships/{id}", WritePartners()},
      {"POST", "/api/v1/partnerships/{id}/joint-structures", WritePartners()},
      {"PUT", "/api/v1/joint-structures/{id}", WritePartners()},
      {"DELETE", "/api/v1/joint-structures/{id}", WritePartners()},
      {"POST", "/api/v1/partnerships/{id}/contacts", WritePartners()},
      {"PUT", "/api/v1/partner-contacts/{id}", WritePartners()},
      {"DELETE", "/api/v1/partner-contacts/{id}", WritePartners()},
      {"POST", "/api/v1/partnerships/{id}/notes", WritePartners()},
      {"PUT", "/api/v1/partner-notes/{id}", WritePartners()},
      {"DELETE", "/api/v1/partner-notes/{id}", WritePartners()},
      {"POST", "/api/v1/agreements/{id}/documents", WritePartners()},
      {"PUT", "/api/v1/agreement-documents/{id}", WritePartners()},
      {"DELETE", "/api/v1/agreement-documents/{id}", WritePartners()},
      {"POST", "/api/v1/agreement-documents/{id}/files", WritePartners()},
      {"POST", "/api/v1/agreements", WritePartners()},
      {"PUT", "/api/v1/agreements/{id}", WritePartners()},
      {"DELETE", "/api/v1/agreements/{id}", WritePartners()},
      {"POST", "/api/v1/agreements/{id}/renewal", WritePartners()},
      // Bulk actions on the lists: several records at once
      {"POST", "/api/v1/partnerships/bulk", WritePartners()},
      {"POST", "/api/v1/agreements/bulk", WritePartners()},
      // The exchange: programmes, students, their certificates and earlier stays abroad
      {"GET", "/api/v1/programmes", ReadExchange()},
      {"GET", "/api/v1/programmes/{id}", ReadExchange()},
      {"POST", "/api/v1/programmes", WriteExchange()},
      {"PUT", "/api/v1/programmes/{id}", WriteExchange()},
      {"DELETE", "/api/v1/programmes/{id}", WriteExchange()},
      {"GET", "/api/v1/students", StudentRecords()},
      {"GET", "/api/v1/students/{id}", StudentRecords()},
      {"GET", "/api/v1/students/{id}/language-certificates", StudentRecords()},
      {"GET", "/api/v1/student-language-certificates/{id}", StudentRecords()},
      {"GET", "/api/v1/students/{id}/stays-abroad", StudentRecords()},
      {"GET", "/api/v1/student-stays-abroad/{id}", StudentRecords()},
      {"POST", "/api/v1/students", WriteExchange()},
      {"PUT", "/api/v1/students/{id}", WriteExchange()},
      {"DELETE", "/api/v1/students/{id}", WriteExchange()},
      {"POST", "/api/v1/students/{id}/language-certificates", WriteExchange()},
      {"PUT", "/api/v1/student-language-certificates/{id}", WriteExchange()},
      {"DELETE", "/api/v1/student-language-certificates/{id}", WriteExchange()},
      {"POST", "/api/v1/students/{id}/stays-abroad", WriteExchange()},
      {"PUT", "/api/v1/student-stays-abroad/{id}", WriteExchange()},
      {"DELETE", "/api/v1/student-stays-abroad/{id}", WriteExchange()},
      {"GET", "/api/v1/me/student", OwnStudentRecord()},
      // Calls for exchange places and their offers
      {"GET", "/api/v1/calls", ReadCalls()},
      {"GET", "/api/v1/calls/{id}", ReadCalls()},
      {"POST", "/api/v1/calls", WriteExchange()},
      {"PUT", "/api/v1/calls/{id}", WriteExchange()},
      {"DELETE", "/api/v1/calls/{id}", WriteExchange()},
      {"GET", "/api/v1/calls/{id}/offers", ReadCalls()},
      {"POST", "/api/v1/calls/{id}/offers", WriteExchange()},
      {"GET", "/api/v1/calls/{id}/quotas", ReadCalls()},
      {"GET", "/api/v1/offers/{id}", ReadCalls()},
      {"PUT", "/api/v1/offers/{id}", WriteExchange()},
      {"DELETE", "/api/v1/offers/{id}", WriteExchange()},
      {"GET", "/api/v1/calls/{id}/my-application", Apply()},
      {"PUT", "/api/v1/calls/{id}/my-application", Apply()},
      {"POST", "/api/v1/calls/{id}/my-application/submit", Apply()},
      {"POST", "/api/v1/calls/{id}/my-application/withdraw", Apply()},
      {"POST", "/api/v1/calls/{id}/my-application/documents/{kind}", Apply()},
      {"GET", "/api/v1/calls/{id}/my-application/documents/{kind}", Apply()},
      {"DELETE", "/api/v1/calls/{id}/my-application/documents/{kind}", Apply()},
      {"GET", "/api/v1/calls/{id}/applications", ReadApplications()},
      {"GET", "/api/v1/applications/{id}", ReadApplications()},
      {"GET", "/api/v1/applications/{id}/documents/{kind}", ReadApplications()},
      {"PUT", "/api/v1/applications/{id}/score", ScoreApplications()},
      {"PUT", "/api/v1/applications/{id}/completeness", ScoreApplications()},
      {"POST", "/api/v1/calls/{id}/allocation-runs", Allocate()},
      {"GET", "/api/v1/calls/{id}/allocation-runs", ReadRuns()},
      {"GET", "/api/v1/allocation-runs/{id}", ReadRuns()},
      {"GET", "/api/v1/allocation-runs/{id}/results", ReadRuns()},
      {"GET", "/api/v1/allocation-runs/{id}/input", Allocate()},
      {"POST", "/api/v1/allocation-runs/{id}/repeat", ReadRuns()},
      {"POST", "/api/v1/allocation-runs/{id}/sign-off", SignOff()},
      {"POST", "/api/v1/allocation-runs/{id}/publish", Allocate()},
      {"POST", "/api/v1/calls/{id}/my-application/accept", Apply()},
      {"POST", "/api/v1/calls/{id}/my-application/decline", Apply()},
      // Objections: the student to their own result; read as the results are, answered by the
      // committee that signs rankings off (never by the office that ran the allocation).
      {"POST", "/api/v1/calls/{id}/my-application/objection", Apply()},
      {"GET", "/api/v1/allocation-runs/{id}/objections", ReadRuns()},
      {"PUT", "/api/v1/objections/{id}/answer", SignOff()},
      // The demand for places (counts only, nobody named): the staff who work with exchanges;
      // what-ifs on a stored run name students: those who run the allocation.
      {"GET", "/api/v1/calls/{id}/demand", ReadExchange()},
      {"GET", "/api/v1/exchange/demand", ReadExchange()},
      {"POST", "/api/v1/allocation-runs/{id}/what-if", Only({"admin", "international_office"})},
      {"GET", "/api/v1/allocation-runs/{id}/one-more-place",
       Only({"admin", "international_office"})},
      // Imports of reference lists (as jobs)
      {"POST", "/api/v1/imports/{kind}", Imports()},
      {"GET", "/api/v1/imports/{kind}/columns", Imports()},
      {"POST", "/api/v1/imports/{kind}/header", Imports()},
      // Aggregate indicators
      {"GET", "/api/v1/summary", Indicators()},
      // The partnerships over the years (the dean's home): figures without personal data, for
      // those who read the indicators.
      {"GET", "/api/v1/partnerships/trends", Indicators()},
      // Administration
      {"PUT", "/api/v1/settings/home", AdminOnly()},
      {"GET", "/api/v1/users", AdminOnly()},
      {"POST", "/api/v1/users", AdminOnly()},
      {"GET", "/api/v1/users/{id}", AdminOnly()},
      {"PUT", "/api/v1/users/{id}", AdminOnly()},
      {"POST", "/api/v1/users/{id}/password-reset", AdminOnly()},
      {"POST", "/api/v1/users/{id}/erasure", AdminOnly()},
      {"GET", "/api/v1/users/{id}/data", AdminOnly()},
      {"GET", "/api/v1/audit", AdminOnly()},
      {"GET", "/api/v1/audit/verify", AdminOnly()},
      {"GET", "/metrics", Metrics()},
  };
  return rows;
}

// An id no record has: requests with it change nothing, and a 404 proves the permission check
// passed.
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
// for records, If-Match so that a 428 does not hide behind the body.
Response SendHarmless(ApiClient& client, const Row& row) {
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

bool Allows(const Access& access, const std::string& role) {
  return access.is_public || access.any_signed_in || access.roles.count(role) > 0;
}

testing::AssertionResult Permitted(const Response& response) {
  if (response.status == 0 || response.status == 401 || response.status == 403 ||
      response.status >= 500) {
    return testing::AssertionFailure() << "expected the permission check to pass (any status but "
                                          "401/403, no 5xx), got "
                                       << response;
  }
  return testing::AssertionSuccess();
}

std::string Describe(const std::string& who, const Row& row) {
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
  for (const Row& row : ExpectationTable()) {
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

TEST_F(AuthorizationMatrixTest, AnonymousGets401OnEveryNonPublicRoute) {
  ApiClient anonymous;  // sends this server's Origin, no cookie
  for (const Row& row : ExpectationTable()) {
    const Response answer = SendHarmless(anonymous, row);
    if (row.access.is_public || row.access.anonymous_loopback) {
      EXPECT_TRUE(Permitted(answer)) << Describe("anonymous", row);
    } else {
      EXPECT_TRUE(IsError(answer, 401, "unauthorized")) << Describe("anonymous", row);
    }
  }
  // The tests connect from 127.0.0.1: the local Prometheus scraper needs no account.
  const Response metrics = anonymous.Get("/metrics");
  EXPECT_EQ(metrics.status, 200) << metrics;
}

TEST_F(AuthorizationMatrixTest, EveryRoleOnEveryRoute) {
  for (const DemoAccount& account : DemoAccounts()) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(account.role, &session));
    ApiClient client(session);
    for (const Row& row : ExpectationTable()) {
      if (row.path == "/api/v1/auth/logout") {
        continue;  // would end the shared session: LogoutIsOpenToEveryRole
      }
      const Response answer = SendHarmless(client, row);
      const std::string who = account.role + " (" + account.email + ")";
      if (Allows(row.access, account.role)) {
        EXPECT_TRUE(Permitted(answer)) << Describe(who, row);
      } else {
        EXPECT_TRUE(IsError(answer, 403, "forbidden")) << Describe(who, row);
      }
    }
    // Still signed in as the same person (no row may have ended or switched the session).
    EXPECT_GT(SignedInUserId(session), 0) << account.email;
  }
}

// Logging out ends a session, so every role uses a fresh account of its own here instead of the
// shared demo sessions.
TEST_F(AuthorizationMatrixTest, LogoutIsOpenToEveryRole) {
  const Row* logout = nullptr;
  for (const Row& row : ExpectationTable()) {
    if (row.path == "/api/v1/auth/logout") {
      logout = &row;
    }
  }
  ASSERT_NE(logout, nullptr);
  for (const std::string& role : kAllRoles) {
    Account account;
    ASSERT_NO_FATAL_FAILURE(CreateAccount({role}, &account));
    ApiClient client(account.session);
    const Response answer = SendHarmless(client, *logout);
    if (Allows(logout->access, role)) {
      EXPECT_EQ(answer.status, 204) << Describe(role, *logout) << ": " << answer;
    } else {
      EXPECT_TRUE(IsError(answer, 403, "forbidden")) << Describe(role, *logout);
    }
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
