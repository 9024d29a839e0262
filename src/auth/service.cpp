#include "auth/service.h"

#include <sodium.h>

#include <algorithm>

#include "audit/audit.h"
#include "auth/login_throttle.h"
#include "auth/password.h"
#include "auth/personal_data.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"
#include "store/versioned.h"

namespace weltcampus::auth {

namespace repo = repository;
using store::Connection;
using Clock = std::chrono::system_clock;

namespace {

constexpr std::array<std::string_view, 2> kLanguages = {"en", "de"};

// What the audit log keeps of an account: no e-mail or name, so erasure reaches everywhere.
nlohmann::json AuditView(const User& user) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& grant : user.roles) {
    nlohmann::json role = {{"role", kRoleTable.Name(grant.role)}};
    if (grant.org_unit_id) {
      role["org_unit_id"] = *grant.org_unit_id;
    }
    if (grant.isced_code) {
      role["isced_code"] = *grant.isced_code;
    }
    roles.push_back(std::move(role));
  }
  return {{"active", user.active}, {"preferred_language", user.preferred_language}, {"roles", roles}};
}

void AuditUserAction(Connection& c, const audit::Actor& actor, const std::string& action,
                     int64_t user_id, nlohmann::json before = nullptr,
                     nlohmann::json after = nullptr) {
  audit::AuditEntry entry;
  entry.action = action;
  entry.entity_type = "user";
  entry.entity_id = std::to_string(user_id);
  entry.subject_user_id = user_id;
  entry.before = std::move(before);
  entry.after = std::move(after);
  audit::RecordAudit(c, actor, std::move(entry));
}

}  // namespace

LoginResult AuthService::Login(const Authenticator& authenticator, const Credentials& credentials,
                               const audit::Actor& actor) {
  const std::string& client_address = actor.client_address;
  const LoginAttempt attempt{authenticator.AccountKey(credentials), client_address};
  // Counted before the password is checked (login_throttle.h): 429 while blocked.
  const AttemptTicket ticket =
      database_.Write([&](Connection& c) { return BeginLoginAttempt(c, attempt); });
  // The slow password check runs outside the write transaction so logins do not queue behind it.
  const auto user_id = database_.Read([&](Connection& c) { return authenticator.Authenticate(c, credentials); });
  auto result = database_.Write([&](Connection& c) {
    if (!user_id) {
      audit::AuditEntry entry;
      entry.action = "login_failed";
      entry.entity_type = "login";
      entry.entity_id = authenticator.Name();
      audit::RecordAudit(c, actor, std::move(entry));
      return std::optional<LoginResult>();
    }
    LoginSucceeded(c, attempt, ticket);
    const auto user = repo::FindUser(c, *user_id);
    const auto now = Clock::now();
    Session session;
    const std::string token = RandomToken();
    session.token_hash = Sha256Hex(token);
    session.user_id = user->id;
    session.csrf_token = RandomToken();
    session.created_at = session.last_seen_at = UtcTimestamp(now);
    session.idle_expires_at = UtcTimestamp(now + kSessionIdleTimeout);
    session.absolute_expires_at = UtcTimestamp(now + kSessionAbsoluteTimeout);
    session.client_address = client_address;
    // Data kept no longer than needed: the person's sessions that have expired go at sign-in, not
    // only when the retention command runs.
    repo::DeleteExpiredSessionsOf(c, user->id, session.created_at);
    repo::InsertSession(c, session);
    repo::SetLastLogin(c, user->id, session.created_at);
    audit::AuditEntry entry;
    entry.action = "login";
    entry.actor_user_id = user->id;
    entry.actor = "user:" + std::to_string(user->id);
    entry.entity_type = "login";
    entry.entity_id = authenticator.Name();
    entry.subject_user_id = user->id;
    audit::RecordAudit(c, actor, std::move(entry));
    return std::optional<LoginResult>(LoginResult{token, ToPrincipal(*user, session)});
  });
  if (!result) {
    // The same answer for an unknown account, a disabled one and a wrong password.
    throw ApiError(ErrorCode::kUnauthorized, "The e-mail address or the password is not right");
  }
  return std::move(*result);
}

Principal AuthService::ToPrincipal(const User& user, const Session& session) const {
  Principal principal;
  principal.user_id = user.id;
  principal.email = user.email;
  principal.display_name = user.display_name;
  principal.preferred_language = user.preferred_language;
  principal.must_change_password = user.must_change_password;
  principal.roles = user.roles;
  std::vector<Role> roles;
  for (const auto& grant : user.roles) {
    roles.push_back(grant.role);
  }
  principal.permissions = access_.PermissionsOf(roles);
  principal.session_hash = session.token_hash;
  principal.csrf_token = session.csrf_token;
  return principal;
}

void AuthService::ForgetSession(const std::string& token_hash) {
  std::lock_guard lock(cache_mutex_);
  cache_.erase(token_hash);
}

void AuthService::ForgetUser(int64_t user_id) {
  std::lock_guard lock(cache_mutex_);
  std::erase_if(cache_, [user_id](const auto& entry) { return entry.second.principal.user_id == user_id; });
}

std::optional<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 100) {
    return std::nullopt;
  }
  const std::string hash = Sha256Hex(token);
  const auto now = Clock::now();
  const std::string now_text = UtcTimestamp(now);
  // Read on every request, so a logout, an expiry or a disabled account counts at once on every
  // server that shares the database.
  const auto state = database_.Read([&](Connection& c) { return repo::FindSessionState(c, hash); });
  if (!state) {
    ForgetSession(hash);
    return std::nullopt;
  }
  const Session& session = state->session;
  if (session.idle_expires_at < now_text || session.absolute_expires_at < now_text ||
      !state->user_active || state->user_erased) {
    ForgetSession(hash);
    database_.Write([&](Connection& c) { repo::DeleteSession(c, hash); });
    return std::nullopt;
  }
  // Extending the idle timeout is a write; once a minute is enough and keeps reads cheap.
  if (session.last_seen_at < UtcTimestamp(now - std::chrono::minutes(1))) {
    database_.Write([&](Connection& c) {
      repo::TouchSession(c, hash, now_text, UtcTimestamp(now + kSessionIdleTimeout));
    });
  }
  {
    std::lock_guard lock(cache_mutex_);
    auto cached = cache_.find(hash);
    if (cached != cache_.end() && cached->second.user_version == state->user_version) {
      return cached->second.principal;
    }
  }
  const auto user = database_.Read([&](Connection& c) { return repo::FindUser(c, session.user_id); });
  if (!user) {
    return std::nullopt;
  }
  Principal principal = ToPrincipal(*user, session);
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= 100000) {
    cache_.clear();  // bounded: a flood of sessions must not grow the cache without end
  }
  cache_[hash] = CachedPrincipal{principal, user->version};
  return principal;
}

void AuthService::Logout(const audit::Actor& actor, const Principal& principal) {
  ForgetSession(principal.session_hash);
  database_.Write([&](Connection& c) {
    repo::DeleteSession(c, principal.session_hash);
    audit::AuditEntry entry;
    entry.action = "logout";
    entry.entity_type = "login";
    entry.subject_user_id = principal.user_id;
    audit::RecordAudit(c, actor, std::move(entry));
  });
}

void AuthService::ChangePassword(const audit::Actor& actor, const Principal& principal,
                                 const std::string& current, const std::string& next) {
  if (auto weakness = PasswordWeakness(next, principal.email)) {
    throw ValidationError("new_password", *weakness);
  }
  if (next == current) {
    throw ValidationError("new_password", "Choose a password different from the current one");
  }
  const auto hash = database_.Read([&](Connection& c) { return repo::PasswordHash(c, principal.user_id); });
  if (!hash || !VerifyPassword(*hash, current)) {
    throw ValidationError("current_password", "The current password is not right");
  }
  const std::string new_hash = HashPassword(next);
  database_.Write([&](Connection& c) {
    repo::SetPassword(c, principal.user_id, new_hash, false);
    // Whoever else held a session with the old password loses it.
    repo::DeleteUserSessions(c, principal.user_id, principal.session_hash);
    AuditUserAction(c, actor, "password_changed", principal.user_id);
  });
  ForgetUser(principal.user_id);
}

User AuthService::GetOwnAccount(const Principal& principal) {
  auto user = database_.Read([&](Connection& c) { return repo::FindUser(c, principal.user_id); });
  if (!user) {
    throw NotFoundError("Account");
  }
  return *user;
}

User AuthService::UpdateOwnAccount(const audit::Actor& actor, const Principal& principal,
                                   const nlohmann::json& input, int64_t expected_version) {
  const JsonInput in(input);
  const auto language = in.OptionalEnum("preferred_language", kLanguages);
  const auto name = in.OptionalString("display_name", 200);
  return database_.Write([&](Connection& c) {
    auto user =
        store::LoadForChange(repo::FindUser(c, principal.user_id), expected_version, "Account");
    const auto before = AuditView(user);
    if (language) user.preferred_language = *language;
    if (name) user.display_name = *name;
    repo::UpdateUser(c, user, expected_version);
    AuditUserAction(c, actor, "update", user.id, before, AuditView(user));
    ForgetUser(user.id);
    return *repo::FindUser(c, user.id);
  });
}

nlohmann::json AuthService::ExportPersonalData(const audit::Actor& actor, int64_t user_id) {
  return database_.Write([&](Connection& c) {
    auto user = repo::FindUser(c, user_id);
    if (!user) {
      throw NotFoundError("Account");
    }
    nlohmann::json sessions = nlohmann::json::array();
    for (const auto& session : repo::ListUserSessions(c, user_id)) {
      sessions.push_back({{"created_at", session.created_at},
                          {"last_seen_at", session.last_seen_at},
                          {"client_address", session.client_address}});
    }
    audit::AuditFilter filter;
    filter.subject_user_id = user_id;
    nlohmann::json about_me = nlohmann::json::array();
    for (const auto& entry : audit::ListAllAudit(c, filter)) {
      about_me.push_back(ToJson(entry));
    }
    filter = audit::AuditFilter{};
    filter.actor_user_id = user_id;
    nlohmann::json by_me = nlohmann::json::array();
    for (const auto& entry : audit::ListAllAudit(c, filter)) {
      by_me.push_back(ToJson(entry));
    }
    AuditUserAction(c, actor, "export", user_id);
    return nlohmann::json{{"exported_at", NowUtcTimestamp()},
                          {"account", ToJson(*user)},
                          {"sessions", sessions},
                          {"records", ExportPersonalDataParts(c, user_id)},
                          {"audit_entries_about_you", about_me},
                          {"audit_entries_by_you", by_me}};
  });
}

store::Page<User> AuthService::ListUsers(const UserFilter& filter, const PageRequest& page) {
  return database_.Read([&](Connection& c) { return repo::ListUsers(c, filter, page); });
}

User AuthService::GetUser(const audit::Actor& actor, int64_t id) {
  return database_.Write([&](Connection& c) {
    auto user = repo::FindUser(c, id);
    if (!user) {
      throw NotFoundError("Account");
    }
    AuditUserAction(c, actor, "read", id);
    return *user;
  });
}

std::pair<User, std::string> AuthService::CreateUser(const audit::Actor& actor, User user) {
  const std::string password = GeneratePassword();
  const std::string hash = HashPassword(password);
  auto created = database_.Write([&](Connection& c) {
    if (repo::FindUserByEmail(c, user.email)) {
      throw ApiError(ErrorCode::kConflict, "An account with this e-mail address exists", "email");
    }
    user.must_change_password = true;
    repo::InsertUser(c, user, hash);
    AuditUserAction(c, actor, "create", user.id, nullptr, AuditView(user));
    return user;
  });
  return {created, password};
}

User AuthService::UpdateUser(const audit::Actor& actor, int64_t id, User input,
                             int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto user = repo::FindUser(c, id);
    if (!user || user->erased_at) {
      throw NotFoundError("Account");
    }
    auto other = repo::FindUserByEmail(c, input.email);
    if (other && other->id != id) {
      throw ApiError(ErrorCode::kConflict, "An account with this e-mail address exists", "email");
    }
    const auto before = AuditView(*user);
    const bool was_admin = std::any_of(user->roles.begin(), user->roles.end(),
                                       [](const RoleGrant& g) { return g.role == Role::kAdmin; });
    input.id = id;
    input.erased_at = user->erased_at;
    repo::UpdateUser(c, input, expected_version);
    repo::ReplaceRoles(c, id, input.roles);
    if (was_admin && repo::CountActiveAdmins(c) == 0) {
      throw ValidationError("roles", "The last active administrator cannot lose that role");
    }
    if (!input.active) {
      repo::DeleteUserSessions(c, id);
    }
    AuditUserAction(c, actor, "update", id, before, AuditView(input));
    ForgetUser(id);
    return *repo::FindUser(c, id);
  });
}

std::string AuthService::ResetPassword(const audit::Actor& actor, int64_t id) {
  const std::string password = GeneratePassword();
  const std::string hash = HashPassword(password);
  database_.Write([&](Connection& c) {
    auto user = repo::FindUser(c, id);
    if (!user || user->erased_at) {
      throw NotFoundError("Account");
    }
    repo::SetPassword(c, id, hash, true);
    repo::DeleteUserSessions(c, id);
    AuditUserAction(c, actor, "password_reset", id);
  });
  ForgetUser(id);
  return password;
}

User AuthService::ErasePerson(const audit::Actor& actor, int64_t id, int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    auto user = repo::FindUser(c, id);
    if (!user || user->erased_at) {
      throw NotFoundError("Account");
    }
    if (actor.user_id == id) {
      throw ApiError(ErrorCode::kConflict, "You cannot erase your own account");
    }
    const auto before = AuditView(*user);
    // Pseudonymised, not deleted: the row (and its roles) keeps anonymous counts intact.
    user->email = "erased-" + std::to_string(id) + "@erased.invalid";
    user->display_name = "Erased person " + std::to_string(id);
    user->active = false;
    user->erased_at = NowUtcTimestamp();
    repo::UpdateUser(c, *user, expected_version);
    repo::SetPassword(c, id, std::nullopt, false);
    repo::DeleteUserSessions(c, id);
    c.Exec("UPDATE users SET external_issuer = NULL, external_subject = NULL WHERE id = :id",
           store::Params().Set("id", id));
    if (repo::CountActiveAdmins(c) == 0) {
      throw ApiError(ErrorCode::kConflict, "The last active administrator cannot be erased");
    }
    AuditUserAction(c, actor, "erase", id, before, AuditView(*user));
    ErasePersonalDataParts(c, actor, id);
    ForgetUser(id);
    return *repo::FindUser(c, id);
  });
}

RetentionReport AuthService::RunRetention(std::chrono::hours inactive_accounts_after) {
  const audit::Actor actor = audit::Actor::System();
  return database_.Write([&](Connection& c) {
    RetentionReport report;
    const auto now = Clock::now();
    report.expired_sessions = repo::DeleteExpiredSessions(c, UtcTimestamp(now));
    report.stale_throttles = DeleteStaleThrottles(c);
    for (int64_t id : repo::UsersInactiveSince(c, UtcTimestamp(now - inactive_accounts_after))) {
      auto user = repo::FindUser(c, id);
      user->email = "erased-" + std::to_string(id) + "@erased.invalid";
      user->display_name = "Erased person " + std::to_string(id);
      user->erased_at = UtcTimestamp(now);
      repo::UpdateUser(c, *user, user->version);
      repo::SetPassword(c, id, std::nullopt, false);
      AuditUserAction(c, actor, "erase", id, nullptr, nlohmann::json{{"reason", "retention"}});
      ErasePersonalDataParts(c, actor, id);
      ++report.pseudonymised_accounts;
    }
    audit::AuditEntry entry;
    entry.action = "retention";
    entry.after = {{"expired_sessions", report.expired_sessions},
                   {"pseudonymised_accounts", report.pseudonymised_accounts}};
    audit::RecordAudit(c, actor, std::move(entry));
    return report;
  });
}

User UserFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  User user;
  user.email = in.RequiredString("email", 254);
  if (!IsPlausibleEmail(user.email)) {
    throw ValidationError("email", "Not an e-mail address");
  }
  user.display_name = in.RequiredString("display_name", 200);
  user.preferred_language = in.OptionalEnum("preferred_language", kLanguages).value_or("en");
  user.active = in.OptionalBool("active").value_or(true);
  const auto& roles = in.OptionalArray("roles", 20);
  for (size_t i = 0; i < roles.size(); ++i) {
    RoleGrant grant;
    std::string name;
    if (roles[i].is_string()) {
      name = roles[i].get<std::string>();
    } else {
      const JsonInput role_in(roles[i], in.FieldName("roles", i));
      name = role_in.RequiredString("role", 50);
      grant.org_unit_id = role_in.OptionalInt("org_unit_id", 1, INT64_MAX);
      grant.isced_code = role_in.OptionalString("isced_code", 4);
    }
    const auto role = kRoleTable.Parse(name);
    if (!role) {
      throw ValidationError(in.FieldName("roles", i), "Not a role");
    }
    grant.role = *role;
    user.roles.push_back(std::move(grant));
  }
  return user;
}

nlohmann::json ToJson(const User& user) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& grant : user.roles) {
    roles.push_back({{"role", kRoleTable.Name(grant.role)},
                     {"org_unit_id", grant.org_unit_id ? nlohmann::json(*grant.org_unit_id)
                                                       : nlohmann::json(nullptr)},
                     {"isced_code", grant.isced_code ? nlohmann::json(*grant.isced_code)
                                                     : nlohmann::json(nullptr)}});
  }
  return {{"id", user.id},
          {"email", user.email},
          {"display_name", user.display_name},
          {"preferred_language", user.preferred_language},
          {"active", user.active},
          {"must_change_password", user.must_change_password},
          {"last_login_at", user.last_login_at ? nlohmann::json(*user.last_login_at) : nlohmann::json(nullptr)},
          {"erased", user.erased_at.has_value()},
          {"roles", roles},
          {"version", user.version},
          {"created_at", user.created_at},
          {"updated_at", user.updated_at}};
}

nlohmann::json PrincipalJson(const Principal& principal) {
  nlohmann::json roles = nlohmann::json::array();
  nlohmann::json permissions = nlohmann::json::array();
  for (const auto& grant : principal.roles) {
    roles.push_back(kRoleTable.Name(grant.role));
  }
  for (const auto& permission : principal.permissions) {
    permissions.push_back(permission);
  }
  return {{"user",
           {{"id", principal.user_id},
            {"email", principal.email},
            {"display_name", principal.display_name},
            {"preferred_language", principal.preferred_language},
            {"must_change_password", principal.must_change_password},
            {"roles", roles},
            {"permissions", permissions}}},
          {"csrf_token", principal.csrf_token}};
}

}  // namespace weltcampus::auth
