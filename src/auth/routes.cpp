#include "auth/routes.h"

#include "auth/guard.h"
#include "auth/password.h"
#include "auth/permissions.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/paging.h"
#include "http/list_export.h"
#include "http/responses.h"
#include "store/references.h"

namespace weltcampus::auth {

using http::Request;
using http::Response;

namespace {

Response UserResponse(const User& user, int status = 200) {
  return Response::Json(status, ToJson(user)).WithVersion(user.version);
}

void RegisterSessionRoutes(http::Router& router, std::shared_ptr<AuthService> service,
                           const AccessTable& access) {
  router
      .Add("POST", "/api/v1/auth/login", http::kPublic, "Sign in with e-mail and password",
           [service](const Request& request) {
             const auto body = request.JsonBody();
             const JsonInput in(body);
             Credentials credentials{
                 {"email", in.RequiredString("email", 254)},
                 {"password", in.RequiredString("password", kMaxPasswordLength)}};
             static const PasswordAuthenticator kPasswords;
             auto result = service->Login(kPasswords, credentials, ActorOf(request));
             return Response::Json(200, PrincipalJson(result.principal))
                 .WithHeader("Set-Cookie", SessionCookie(result.token, request.secure));
           })
      .Accepts(CredentialsSchema())
      .Returns(200, SessionSchema(access))
      .Fails({401, 429});
  router
      .Add("POST", "/api/v1/auth/logout", http::kAuthenticated, "Sign out: ends this session",
           [service](const Request& request) {
             service->Logout(ActorOf(request), SignedIn(request));
             return Response::NoContent().WithHeader("Set-Cookie",
                                                     SessionCookie("", request.secure));
           })
      .ReturnsNothing(204);
  router
      .Add("GET", "/api/v1/auth/session", http::kPublic,
           "Who is signed in, with the CSRF token for changes",
           [](const Request& request) {
             const Principal* principal = PrincipalOf(request);
             if (principal == nullptr) {
               return Response::Json(200, {{"user", nullptr}, {"csrf_token", nullptr}});
             }
             return Response::Json(200, PrincipalJson(*principal));
           })
      .Returns(200, SessionSchema(access));
}

void RegisterOwnAccountRoutes(http::Router& router, std::shared_ptr<AuthService> service) {
  router
      .Add("GET", "/api/v1/me", http::kAuthenticated, "My account",
           [service](const Request& request) {
             return UserResponse(service->GetOwnAccount(SignedIn(request)));
           })
      .Returns(200, UserSchema());
  router
      .Add("PUT", "/api/v1/me", http::kAuthenticated, "Change my name or language",
           [service](const Request& request) {
             const int64_t expected_version = request.RequiredIfMatch();
             return UserResponse(service->UpdateOwnAccount(ActorOf(request), SignedIn(request),
                                                           request.JsonBody(), expected_version));
           })
      .Accepts(OwnAccountInputSchema())
      .Returns(200, UserSchema());
  router
      .Add("PUT", "/api/v1/me/password", http::kAuthenticated, "Change my password",
           [service](const Request& request) {
             const auto body = request.JsonBody();
             const JsonInput in(body);
             // Not trimmed: spaces at the ends of a password are part of it.
             auto raw = [&](const char* key) {
               if (!body.contains(key) || !body[key].is_string()) {
                 throw ValidationError(key, "Is required");
               }
               const auto value = body[key].get<std::string>();
               if (value.size() > kMaxPasswordLength) {
                 throw ValidationError(key, "Is too long");
               }
               return value;
             };
             service->ChangePassword(ActorOf(request), SignedIn(request), raw("current_password"),
                                     raw("new_password"));
             return Response::NoContent();
           })
      .Accepts(PasswordChangeSchema())
      .ReturnsNothing(204)
      .IfMatch(false);
  router
      .Add("GET", "/api/v1/me/data", http::kAuthenticated,
           "Everything stored about me, as a JSON download",
           [service](const Request& request) {
             return Response::Json(200, service->ExportPersonalData(ActorOf(request),
                                                                    SignedIn(request).user_id))
                 .WithHeader("Content-Disposition",
                             "attachment; filename=\"weltcampus-my-data.json\"");
           })
      .Returns(200, PersonalDataSchema());
}

void RegisterUserRoutes(http::Router& router, std::shared_ptr<AuthService> service) {
  router
      .Add("GET", "/api/v1/users", kManageUsers, "Accounts, with filters",
           [service](const Request& request) {
             UserFilter filter;
             filter.q = QueryText(request.query, "q", 200);
             filter.role = QueryEnum(request.query, "role", kRoleTable);
             filter.active = QueryBool(request.query, "active");
             const auto page = repository::UserSorts().PageFrom(request.query);
             static constexpr std::array<http::ExportField, 6> kUserExport = {{
                 {"/id", "ID", "ID", interop::CellKind::kInteger},
                 {"/email", "E-mail", "E-Mail"},
                 {"/display_name", "Name", "Name"},
                 {"/roles/*/role", "Roles", "Rollen"},
                 {"/active", "Active", "Aktiv", interop::CellKind::kBoolean},
                 {"/last_login_at", "Last sign-in", "Letzte Anmeldung"},
             }};
             return http::ListOrExport(
                 request, page, "users", kUserExport,
                 [service, filter](const PageRequest& p) { return service->ListUsers(filter, p); });
           })
      .ReturnsPage(UserSchema())
      .Paged(repository::UserSorts().ApiValues())
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .EnumQuery("role", kRoles)
      .Query("active", {{"type", "boolean"}});
  router
      .Add("POST", "/api/v1/users", kManageUsers, "Create an account; answers a one-time password",
           [service](const Request& request) {
             auto [user, password] =
                 service->CreateUser(ActorOf(request), UserFromJson(request.JsonBody()));
             auto body = ToJson(user);
             body["one_time_password"] = password;
             return Response::Json(201, body)
                 .WithVersion(user.version)
                 .WithHeader("Location", "/api/v1/users/" + std::to_string(user.id));
           })
      .Accepts(UserInputSchema())
      .Returns(201, CreatedUserSchema());
  router
      .Add("GET", "/api/v1/users/{id}", kManageUsers, "One account (the read is audited)",
           [service](const Request& request) {
             return UserResponse(service->GetUser(ActorOf(request), request.PathId("id")));
           })
      .Returns(200, UserSchema());
  router
      .Add("PUT", "/api/v1/users/{id}", kManageUsers,
           "Change an account, its roles, or disable it (ends its sessions)",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return UserResponse(service->UpdateUser(ActorOf(request), request.PathId("id"),
                                                     UserFromJson(request.JsonBody()), version));
           })
      .Accepts(UserInputSchema())
      .Returns(200, UserSchema());
  router
      .Add("POST", "/api/v1/users/{id}/password-reset", kManageUsers,
           "Give an account a new one-time password",
           [service](const Request& request) {
             return Response::Json(
                 200, {{"one_time_password",
                        service->ResetPassword(ActorOf(request), request.PathId("id"))}});
           })
      .Returns(200, OneTimePasswordSchema());
  router
      .Add("POST", "/api/v1/users/{id}/erasure", kManageUsers,
           "Erase a person: pseudonymise the account, keep anonymous counts",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return UserResponse(
                 service->ErasePerson(ActorOf(request), request.PathId("id"), version));
           })
      .Returns(200, UserSchema())
      .IfMatch(true);
  router
      .Add("GET", "/api/v1/users/{id}/data", kManageUsers,
           "Everything stored about a person (for a subject access request)",
           [service](const Request& request) {
             return Response::Json(
                 200, service->ExportPersonalData(ActorOf(request), request.PathId("id")));
           })
      .Returns(200, PersonalDataSchema());
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database, AccessTable access) {
  // A coordinator's role names the organisational unit they look after.
  store::DeclareReference({"org_units", "user_roles", "org_unit_id", "coordinator role"});
  auto service = std::make_shared<AuthService>(database, access);
  router.SetAuthorizer(std::make_shared<Guard>(database, service));
  RegisterSessionRoutes(router, service, access);
  RegisterOwnAccountRoutes(router, service);
  RegisterUserRoutes(router, service);
}

}  // namespace weltcampus::auth
