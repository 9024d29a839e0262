// Valid requests of the authorization grants (authorization_grants_test.cpp): the platform's
// routes — public, the signed-in person's own, the school's units, imports, indicators,
// administration.
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"
#include "grants_requests.h"

namespace weltcampus::api_test::grants {

Requests PlatformRequests() {
  const std::string v = "/api/v1";
  return {
      // public
      {{"GET", v + "/health"}, ReadPath(v + "/health")},
      {{"GET", v + "/openapi.json"}, ReadPath(v + "/openapi.json")},
      {{"GET", v + "/enumerations"}, ReadPath(v + "/enumerations")},
      {{"GET", v + "/settings/home"}, ReadPath(v + "/settings/home")},
      {{"POST", v + "/auth/login"}, Login()},
      {{"GET", v + "/auth/session"}, ReadPath(v + "/auth/session")},
      // signed-in
      {{"POST", v + "/auth/logout"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         *out = As(cell).Post("/api/v1/auth/logout", Json::object());
       }},
      {{"GET", v + "/me"}, ReadPath(v + "/me")},
      {{"PUT", v + "/me"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         ApiClient me(cell.session());
         const Response read = me.Get("/api/v1/me");
         ASSERT_TRUE(IsJson(read, 200)) << read;
         Json changed = read.json;
         changed["display_name"] = "Renamed " + cell.role;
         *out = me.Put("/api/v1/me", changed, VersionOf(read.json));
       }},
      {{"PUT", v + "/me/password"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         const std::string next = UniquePassword("Granted Again");
         *out = As(cell).Put(
             "/api/v1/me/password",
             {{"current_password", cell.person->account.password}, {"new_password", next}},
             std::nullopt);
         if (out->status == 204) {
           cell.person->account.password = next;
           RememberSecret(next);
         }
       }},
      {{"GET", v + "/me/data"}, ReadPath(v + "/me/data")},
      {{"GET", v + "/isced"}, ReadPath(v + "/isced")},
      {{"GET", v + "/jobs"}, ReadPath(v + "/jobs")},
      {{"GET", v + "/jobs/{id}"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         std::string job;
         ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "succeeded", &job));
         *out = As(cell).Get(job);
       }},
      {{"POST", v + "/jobs/{id}/cancel"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         std::string job;
         ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "running", &job));
         *out = As(cell).Post(job + "/cancel", Json::object());
       }},
      {{"GET", v + "/jobs/{id}/report"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         std::string job;
         ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "succeeded", &job));
         *out = As(cell).Get(job + "/report");
       }},
      // the school's units
      {{"GET", v + "/org-units"}, ReadPath(v + "/org-units")},
      {{"GET", v + "/org-units/{id}"}, Read([](GrantsApi&, std::string* p) {
         long long school = 0;
         ASSERT_NO_FATAL_FAILURE(SchoolUnit(&school));
         *p = "/api/v1/org-units/" + std::to_string(school);
       })},
      {{"POST", v + "/org-units"}, Create([](GrantsApi&, std::string* p, Json* body) {
         long long school = 0;
         ASSERT_NO_FATAL_FAILURE(SchoolUnit(&school));
         *p = "/api/v1/org-units";
         *body = OrgUnitBody(school);
       })},
      {{"PUT", v + "/org-units/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json unit;
         ASSERT_NO_FATAL_FAILURE(MadeOrgUnit(t, p, &unit));
       })},
      {{"DELETE", v + "/org-units/{id}"}, Remove(MadeOrgUnit)},
      // imports
      {{"POST", v + "/imports/{kind}"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         *out = As(cell).PostRaw("/api/v1/imports/isced?dry_run=true",
                                 "code,level\n0912,detailed\n", "text/csv");
       }},
      {{"GET", v + "/imports/{kind}/columns"}, ReadPath(v + "/imports/isced/columns")},
      {{"POST", v + "/imports/{kind}/header"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         *out = As(cell).PostRaw("/api/v1/imports/isced/header", "code,level\n0912,detailed\n",
                                 "text/csv");
       }},
      // indicators
      {{"GET", v + "/summary"}, ReadPath(v + "/summary")},
      {{"GET", v + "/partnerships/trends"}, ReadPath(v + "/partnerships/trends")},
      // administration
      {{"PUT", v + "/settings/home"},
       Update([](GrantsApi&, std::string* p) { *p = "/api/v1/settings/home"; })},
      {{"GET", v + "/users"}, ReadPath(v + "/users")},
      {{"POST", v + "/users"}, Create([](GrantsApi&, std::string* p, Json* body) {
         *p = "/api/v1/users";
         *body = {{"email", "granted." + GrantsApi::UniqueDigits() + "@example.org"},
                  {"display_name", "Granted Person"},
                  {"preferred_language", "de"},
                  {"roles", {"researcher"}}};
       })},
      {{"GET", v + "/users/{id}"}, Read([](GrantsApi&, std::string* p) {
         Json user;
         ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
         *p = I("users", user);
       })},
      {{"PUT", v + "/users/{id}"}, Update([](GrantsApi&, std::string* p) {
         Json user;
         ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
         *p = I("users", user);
       })},
      {{"POST", v + "/users/{id}/password-reset"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         Json user;
         ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
         *out = As(cell).Post(I("users", user) + "/password-reset", Json::object());
         if (out->status == 200) {
           RememberSecret(Str(out->json, "one_time_password"));
         }
       }},
      {{"POST", v + "/users/{id}/erasure"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         Json user;
         ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
         Json current;
         ASSERT_NO_FATAL_FAILURE(GetOk(I("users", user), &current));
         *out = As(cell).Post(I("users", user) + "/erasure", Json::object(),
                              GrantsApi::IfMatch(VersionOf(current)));
       }},
      {{"GET", v + "/users/{id}/data"}, Read([](GrantsApi&, std::string* p) {
         Json user;
         ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
         *p = I("users", user) + "/data";
       })},
      {{"GET", v + "/audit"}, ReadPath(v + "/audit")},
      {{"GET", v + "/audit/verify"}, ReadPath(v + "/audit/verify")},
      {{"GET", "/metrics"}, ReadPath("/metrics")},
  };
}

}  // namespace weltcampus::api_test::grants
