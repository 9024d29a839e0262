#include "auth/routes.h"

#include "auth/audit.h"
#include "auth/guard.h"
#include "auth/password.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/paging.h"
#include "http/list_export.h"
#include "http/responses.h"

namespace weltcampus::auth {

using http::Request;
using http::Response;

namespace {

const Principal& Me() {
  const auto& principal = CurrentRequest().principal;
  if (!principal) {
    throw ApiError(ErrorCode::kUnauthorized, "Please sign in");
  }
  return *principal;
}

// A date ("2026-11-28", the whole day) or a UTC timestamp ("2026-11-28T17:00:00Z").
std::optional<std::string> TimestampFilter(const Request& request, const std::string& name,
                                           const std::string& day_suffix) {
  auto text = QueryText(request.query, name, 20);
  if (!text) {
    return std::nullopt;
  }
  if (Date::Parse(*text)) {
    return *text + day_suffix;
  }
  if (text->size() == 20 && text->back() == 'Z' && (*text)[10] == 'T' && Date::Parse(text->substr(0, 10))) {
    return text;
  }
  throw ValidationError(name, "Must be a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)");
}

Response UserResponse(const User& user, int status = 200) {
  return Response::Json(status, ToJson(user)).WithVersion(user.version);
}

void RegisterSessionRoutes(http::Router& router, std::shared_ptr<AuthService> service) {
  router.Add("POST", "/api/v1/auth/login", Permission::kPublic, "Sign in with e-mail and password",
             [service](const Request& request) {
               const auto body = request.JsonBody();
               const JsonInput in(body);
               Credentials credentials{{"email", in.RequiredString("email", 254)},
                                       {"password", in.RequiredString("password", kMaxPasswordLength)}};
               static const PasswordAuthenticator kPasswords;
               auto result = service->Login(kPasswords, credentials, request.remote_address);
               return Response::Json(200, PrincipalJson(result.principal))
                   .WithHeader("Set-Cookie", SessionCookie(result.token, request.secure));
             })
      .Accepts(CredentialsSchema())
      .Returns(200, SessionSchema())
      .Fails({401, 429});
  router.Add("POST", "/api/v1/auth/logout", Permission::kAuthenticated, "Sign out: ends this session",
             [service](const Request& request) {
               service->Logout(Me());
               return Response::NoContent().WithHeader("Set-Cookie", SessionCookie("", request.secure));
             })
      .ReturnsNothing(204);
  router.Add("GET", "/api/v1/auth/session", Permission::kPublic,
             "Who is signed in, with the CSRF token for changes", [](const Request&) {
               const auto& principal = CurrentRequest().principal;
               if (!principal) {
                 return Response::Json(200, {{"user", nullptr}, {"csrf_token", nullptr}});
               }
               return Response::Json(200, PrincipalJson(*principal));
             })
      .Returns(200, SessionSchema());
}

void RegisterOwnAccountRoutes(http::Router& router, std::shared_ptr<AuthService> service) {
  router.Add("GET", "/api/v1/me", Permission::kAuthenticated, "My account",
             [service](const Request&) { return UserResponse(service->GetOwnAccount(Me())); })
      .Returns(200, UserSchema());
  router.Add("PUT", "/api/v1/me", Permission::kAuthenticated, "Change my name or language",
             [service](const Request& request) {
               return UserResponse(service->UpdateOwnAccount(Me(), request.JsonBody()));
             })
      .Accepts(OwnAccountInputSchema())
      .Returns(200, UserSchema())
      .IfMatch(false);
  router.Add("PUT", "/api/v1/me/password", Permission::kAuthenticated, "Change my password",
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
               service->ChangePassword(Me(), raw("current_password"), raw("new_password"));
               return Response::NoContent();
             })
      .Accepts(PasswordChangeSchema())
      .ReturnsNothing(204)
      .IfMatch(false);
  router.Add("GET", "/api/v1/me/data", Permission::kAuthenticated,
             "Everything stored about me, as a JSON download", [service](const Request&) {
               return Response::Json(200, service->ExportPersonalData(Me().user_id))
                   .WithHeader("Content-Disposition", "attachment; filename=\"weltcampus-my-data.json\"");
             })
      .Returns(200, PersonalDataSchema());
}

void RegisterUserRoutes(http::Router& router, std::shared_ptr<AuthService> service) {
  router.Add("GET", "/api/v1/users", Permission::kManageUsers, "Accounts, with filters",
             [service](const Request& request) {
               UserFilter filter;
               filter.q = QueryText(request.query, "q", 200);
               filter.role = QueryEnum(request.query, "role", kRoles);
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
               return http::ListOrExport(request, page, "users", kUserExport,
                                         [service, filter](const PageRequest& p) {
                                           return service->ListUsers(filter, p);
                                         });
             })
      .ReturnsPage(UserSchema())
      .Paged(repository::UserSorts().ApiValues())
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .EnumQuery("role", kRoles)
      .Query("active", {{"type", "boolean"}});
  router.Add("POST", "/api/v1/users", Permission::kManageUsers,
             "Create an account; answers a one-time password", [service](const Request& request) {
               auto [user, password] = service->CreateUser(UserFromJson(request.JsonBody()));
               auto body = ToJson(user);
               body["one_time_password"] = password;
               return Response::Json(201, body)
                   .WithVersion(user.version)
                   .WithHeader("Location", "/api/v1/users/" + std::to_string(user.id));
             })
      .Accepts(UserInputSchema())
      .Returns(201, CreatedUserSchema());
  router.Add("GET", "/api/v1/users/{id}", Permission::kManageUsers, "One account (the read is audited)",
             [service](const Request& request) { return UserResponse(service->GetUser(request.PathId("id"))); })
      .Returns(200, UserSchema());
  router.Add("PUT", "/api/v1/users/{id}", Permission::kManageUsers,
             "Change an account, its roles, or disable it (ends its sessions)",
             [service](const Request& request) {
               const auto version = request.RequiredIfMatch();
               return UserResponse(
                   service->UpdateUser(request.PathId("id"), UserFromJson(request.JsonBody()), version));
             })
      .Accepts(UserInputSchema())
      .Returns(200, UserSchema());
  router.Add("POST", "/api/v1/users/{id}/password-reset", Permission::kManageUsers,
             "Give an account a new one-time password", [service](const Request& request) {
               return Response::Json(200, {{"one_time_password", service->ResetPassword(request.PathId("id"))}});
             })
      .Returns(200, OneTimePasswordSchema());
  router.Add("POST", "/api/v1/users/{id}/erasure", Permission::kManageUsers,
             "Erase a person: pseudonymise the account, keep anonymous counts", [service](const Request& request) {
               const auto version = request.RequiredIfMatch();
               return UserResponse(service->ErasePerson(request.PathId("id"), version));
             })
      .Returns(200, UserSchema())
      .IfMatch(true);
  router.Add("GET", "/api/v1/users/{id}/data", Permission::kManageUsers,
             "Everything stored about a person (for a subject access request)",
             [service](const Request& request) {
               return Response::Json(200, service->ExportPersonalData(request.PathId("id")));
             })
      .Returns(200, PersonalDataSchema());
}

void RegisterAuditRoutes(http::Router& router, store::Database& database) {
  router.Add("GET", "/api/v1/audit", Permission::kReadAudit, "The audit log, newest first, with filters",
             [&database](const Request& request) {
               AuditFilter filter;
               filter.actor_user_id = QueryInt(request.query, "actor_user_id", 1, INT64_MAX);
               filter.subject_user_id = QueryInt(request.query, "subject_user_id", 1, INT64_MAX);
               filter.action = QueryText(request.query, "action", 50);
               filter.entity_type = QueryText(request.query, "entity_type", 50);
               filter.entity_id = QueryText(request.query, "entity_id", 50);
               filter.from = TimestampFilter(request, "from", "T00:00:00Z");
               filter.to = TimestampFilter(request, "to", "T23:59:59Z");
               static constexpr std::array<std::string_view, 1> kSorts = {"at"};
               const auto page = PageRequest::FromQuery(request.query, kSorts);
               // Newest first unless ?sort=at asks for the oldest first.
               const bool newest_first = page.descending || !request.query.contains("sort");
               static constexpr std::array<http::ExportField, 7> kAuditExport = {{
                   {"/id", "ID", "ID", interop::CellKind::kInteger},
                   {"/at", "When", "Zeitpunkt"},
                   {"/actor_name", "Who", "Wer"},
                   {"/action", "Action", "Aktion"},
                   {"/entity_type", "Record type", "Datensatzart"},
                   {"/entity_id", "Record", "Datensatz"},
                   {"/client_address", "Address", "Adresse"},
               }};
               return http::ListOrExport(
                   request, page, "audit-log", kAuditExport,
                   [&database, filter, newest_first](const PageRequest& p) {
                     auto [entries, total] = database.Read([&](store::Connection& c) {
                       return ListAudit(c, filter, p.limit, p.offset, newest_first);
                     });
                     return store::Page<AuditEntry>{std::move(entries), total};
                   });
             })
      .Paged({"at", "-at"})
      .Query("actor_user_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("subject_user_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("action", {{"type", "string"}, {"maxLength", 50}})
      .Query("entity_type", {{"type", "string"}, {"maxLength", 50}})
      .Query("entity_id", {{"type", "string"}, {"maxLength", 50}})
      .Query("from", {{"type", "string"}, {"description", "a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)"}})
      .Query("to", {{"type", "string"}, {"description", "a date (2026-11-28) or a UTC time (2026-11-28T17:00:00Z)"}})
      .ReturnsPage(AuditEntrySchema());
  router.Add("GET", "/api/v1/audit/verify", Permission::kReadAudit,
             "Check the audit log's hash chain", [&database](const Request&) {
               const auto result = database.Read([](store::Connection& c) { return VerifyAudit(c); });
               return Response::Json(200, {{"intact", result.intact},
                                           {"entries", result.entries},
                                           {"first_broken_id", result.first_broken_id
                                                                   ? nlohmann::json(*result.first_broken_id)
                                                                   : nlohmann::json(nullptr)},
                                           {"problem", result.problem}});
             })
      .Returns(200, AuditVerificationSchema());
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  auto service = std::make_shared<AuthService>(database);
  router.SetAuthorizer(std::make_shared<Guard>(database, service));
  RegisterSessionRoutes(router, service);
  RegisterOwnAccountRoutes(router, service);
  RegisterUserRoutes(router, service);
  RegisterAuditRoutes(router, database);
}

}  // namespace weltcampus::auth
