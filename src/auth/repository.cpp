#include "auth/repository.h"

#include <map>
#include <span>
#include <vector>

#include "core/collation.h"
#include "core/date.h"
#include "store/list_query.h"
#include "store/versioned.h"

namespace weltcampus::auth::repository {

namespace {

constexpr const char* kUserColumns =
    "id, email, display_name, preferred_language, active, must_change_password, last_login_at, "
    "erased_at, version, created_at, updated_at";

User UserFromRow(const store::Row& row) {
  User user;
  user.id = row.Int("id");
  user.email = row.Text("email");
  user.display_name = row.Text("display_name");
  user.preferred_language = row.Text("preferred_language");
  user.active = row.Int("active") != 0;
  user.must_change_password = row.Int("must_change_password") != 0;
  user.last_login_at = row.OptionalText("last_login_at");
  user.erased_at = row.OptionalText("erased_at");
  user.version = row.Int("version");
  user.created_at = row.Text("created_at");
  user.updated_at = row.Text("updated_at");
  return user;
}

// The roles of a page of users with one query (not one a user: a round trip each on PostgreSQL).
void LoadRoles(Connection& c, std::span<User> users) {
  if (users.empty()) {
    return;
  }
  std::map<int64_t, User*> by_id;
  std::vector<int64_t> ids;
  for (auto& user : users) {
    by_id[user.id] = &user;
    ids.push_back(user.id);
  }
  store::Params params;
  const std::string in_list = store::InList(ids, params, "u");
  for (const auto& row : c.Query("SELECT user_id, role, org_unit_id, isced_code FROM user_roles "
                                 "WHERE user_id IN (" +
                                     in_list + ") ORDER BY user_id, id",
                                 params)) {
    by_id.at(row.Int("user_id"))
        ->roles.push_back({kRoleTable.FromStored(row.Text("role")), row.OptionalInt("org_unit_id"),
                           row.OptionalText("isced_code")});
  }
}

std::optional<User> FindUserWhere(Connection& c, const std::string& condition, const store::Params& params) {
  auto row = c.QueryOne(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + condition, params);
  if (!row) {
    return std::nullopt;
  }
  User user = UserFromRow(*row);
  LoadRoles(c, std::span<User>(&user, 1));
  return user;
}

Session SessionFromRow(const store::Row& row) {
  return Session{row.Text("token_hash"),      row.Int("user_id"),           row.Text("csrf_token"),
                 row.Text("created_at"),      row.Text("last_seen_at"),     row.Text("idle_expires_at"),
                 row.Text("absolute_expires_at"), row.Text("client_address")};
}

}  // namespace

std::optional<User> FindUser(Connection& c, int64_t id) {
  return FindUserWhere(c, "id = :id", store::Params().Set("id", id));
}

std::optional<User> FindUserByEmail(Connection& c, const std::string& email) {
  return FindUserWhere(c, "lower(email) = lower(:email)", store::Params().Set("email", email));
}

std::optional<std::string> PasswordHash(Connection& c, int64_t user_id) {
  auto row = c.QueryOne("SELECT password_hash FROM users WHERE id = :id", store::Params().Set("id", user_id));
  return row ? row->OptionalText("password_hash") : std::nullopt;
}

const store::SortTable& UserSorts() {
  // People by the collation key of their name (core/collation.h, 0019_collation_keys.sql).
  static const store::SortTable table(
      "users.id",
      {{"name", "name_key $"}, {"email", "lower(email) $"}, {"last_login_at", "last_login_at $"}});
  return table;
}

store::Page<User> ListUsers(Connection& c, const UserFilter& filter, const PageRequest& page) {
  store::Filter where;
  where
      .Contains("(lower(email) LIKE :q ESCAPE '\\' OR lower(display_name) LIKE :q ESCAPE '\\')",
                "q", filter.q)
      .Add("EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = users.id AND r.role = :role)",
           "role", kRoleTable.Name(filter.role))
      .Add("active = :active", "active", filter.active);
  auto result = store::ListPage(c, {std::string("SELECT ") + kUserColumns + " FROM users", "FROM users"},
                                where, UserSorts(), page, UserFromRow);
  LoadRoles(c, result.items);
  return result;
}

void InsertUser(Connection& c, User& user, const std::optional<std::string>& password_hash) {
  user.created_at = user.updated_at = NowUtcTimestamp();
  user.id = c.Insert(
      "INSERT INTO users (email, display_name, name_key, preferred_language, active, "
      "password_hash, must_change_password, version, created_at, updated_at) VALUES (:email, "
      ":name, :name_key, :language, :active, :hash, :must_change, 1, :at, :at)",
      store::Params()
          .Set("email", user.email)
          .Set("name", user.display_name)
          .Set("name_key", CollationKey(user.display_name))
          .Set("language", user.preferred_language)
          .Set("active", static_cast<int64_t>(user.active))
          .Set("hash", password_hash)
          .Set("must_change", static_cast<int64_t>(user.must_change_password))
          .Set("at", user.created_at));
  user.version = 1;
  ReplaceRoles(c, user.id, user.roles);
}

void WriteUserNameKeys(Connection& c) {
  for (const auto& row : c.Query("SELECT id, display_name, name_key FROM users")) {
    const std::string key = CollationKey(row.Text("display_name"));
    if (key != row.Text("name_key")) {
      c.Exec("UPDATE users SET name_key = :key WHERE id = :id",
             store::Params().Set("key", key).Set("id", row.Int("id")));
    }
  }
}

void UpdateUser(Connection& c, User& user, int64_t expected_version) {
  user.updated_at = NowUtcTimestamp();
  store::RequireChanged(
      c.Exec("UPDATE users SET email = :email, display_name = :name, name_key = :name_key, "
             "preferred_language = :language, active = :active, erased_at = :erased_at, "
             "version = version + 1, updated_at = :at WHERE id = :id AND version = :version",
             store::Params()
                 .Set("email", user.email)
                 .Set("name", user.display_name)
                 .Set("name_key", CollationKey(user.display_name))
                 .Set("language", user.preferred_language)
                 .Set("active", static_cast<int64_t>(user.active))
                 .Set("erased_at", user.erased_at)
                 .Set("at", user.updated_at)
                 .Set("id", user.id)
                 .Set("version", expected_version)),
      c, "users", user.id, "account");
  user.version = expected_version + 1;
}

void SetPassword(Connection& c, int64_t user_id, const std::optional<std::string>& hash, bool must_change) {
  c.Exec("UPDATE users SET password_hash = :hash, must_change_password = :must_change, version = version "
         "+ 1, updated_at = :at WHERE id = :id",
         store::Params()
             .Set("hash", hash)
             .Set("must_change", static_cast<int64_t>(must_change))
             .Set("at", NowUtcTimestamp())
             .Set("id", user_id));
}

void SetLastLogin(Connection& c, int64_t user_id, const std::string& at) {
  c.Exec("UPDATE users SET last_login_at = :at WHERE id = :id",
         store::Params().Set("at", at).Set("id", user_id));
}

void ReplaceRoles(Connection& c, int64_t user_id, const std::vector<RoleGrant>& roles) {
  c.Exec("DELETE FROM user_roles WHERE user_id = :id", store::Params().Set("id", user_id));
  for (const auto& grant : roles) {
    c.Exec(
        "INSERT INTO user_roles (user_id, role, org_unit_id, isced_code) VALUES (:id, :role, "
        ":unit, :isced)",
        store::Params()
            .Set("id", user_id)
            .Set("role", kRoleTable.Name(grant.role))
            .Set("unit", grant.org_unit_id)
            .Set("isced", grant.isced_code));
  }
}

int64_t CountActiveAdmins(Connection& c) {
  return c.Count(
      "SELECT COUNT(DISTINCT u.id) AS n FROM users u JOIN user_roles r ON r.user_id = u.id WHERE "
      "r.role = :admin AND u.active = 1",
      store::Params().Set("admin", kRoleTable.Name(Role::kAdmin)));
}

std::vector<int64_t> UsersInactiveSince(Connection& c, const std::string& before) {
  std::vector<int64_t> ids;
  for (const auto& row : c.Query(
           "SELECT id FROM users WHERE erased_at IS NULL AND active = 0 AND COALESCE(last_login_at, "
           "created_at) < :before AND updated_at < :before",
           store::Params().Set("before", before))) {
    ids.push_back(row.Int("id"));
  }
  return ids;
}

void InsertSession(Connection& c, const Session& s) {
  c.Exec("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, "
         "idle_expires_at, absolute_expires_at, client_address) VALUES (:hash, :user, :csrf, :created, "
         ":seen, :idle, :absolute, :address)",
         store::Params()
             .Set("hash", s.token_hash)
             .Set("user", s.user_id)
             .Set("csrf", s.csrf_token)
             .Set("created", s.created_at)
             .Set("seen", s.last_seen_at)
             .Set("idle", s.idle_expires_at)
             .Set("absolute", s.absolute_expires_at)
             .Set("address", s.client_address));
}

std::optional<Session> FindSession(Connection& c, const std::string& token_hash) {
  auto row = c.QueryOne(
      "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, "
      "absolute_expires_at, client_address FROM sessions WHERE token_hash = :hash",
      store::Params().Set("hash", token_hash));
  return row ? std::optional<Session>(SessionFromRow(*row)) : std::nullopt;
}

std::optional<SessionState> FindSessionState(Connection& c, const std::string& token_hash) {
  auto row = c.QueryOne(
      "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, s.last_seen_at, s.idle_expires_at, "
      "s.absolute_expires_at, s.client_address, u.version AS user_version, u.active AS user_active, "
      "u.erased_at AS user_erased_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE "
      "s.token_hash = :hash",
      store::Params().Set("hash", token_hash));
  if (!row) {
    return std::nullopt;
  }
  return SessionState{SessionFromRow(*row), row->Int("user_version"), row->Int("user_active") != 0,
                      !row->IsNull("user_erased_at")};
}

void TouchSession(Connection& c, const std::string& token_hash, const std::string& last_seen,
                  const std::string& idle_expires) {
  c.Exec("UPDATE sessions SET last_seen_at = :seen, idle_expires_at = :idle WHERE token_hash = :hash",
         store::Params().Set("seen", last_seen).Set("idle", idle_expires).Set("hash", token_hash));
}

void DeleteSession(Connection& c, const std::string& token_hash) {
  c.Exec("DELETE FROM sessions WHERE token_hash = :hash", store::Params().Set("hash", token_hash));
}

void DeleteUserSessions(Connection& c, int64_t user_id, const std::string& except_hash) {
  c.Exec("DELETE FROM sessions WHERE user_id = :id AND token_hash <> :except",
         store::Params().Set("id", user_id).Set("except", except_hash));
}

std::vector<Session> ListUserSessions(Connection& c, int64_t user_id) {
  std::vector<Session> sessions;
  for (const auto& row : c.Query(
           "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, idle_expires_at, "
           "absolute_expires_at, client_address FROM sessions WHERE user_id = :id ORDER BY created_at",
           store::Params().Set("id", user_id))) {
    sessions.push_back(SessionFromRow(row));
  }
  return sessions;
}

int64_t DeleteExpiredSessionsOf(Connection& c, int64_t user_id, const std::string& now) {
  return c.Exec(
      "DELETE FROM sessions WHERE user_id = :id AND (idle_expires_at < :now OR "
      "absolute_expires_at < :now)",
      store::Params().Set("id", user_id).Set("now", now));
}

int64_t DeleteExpiredSessions(Connection& c, const std::string& now) {
  return c.Exec("DELETE FROM sessions WHERE idle_expires_at < :now OR absolute_expires_at < :now",
                store::Params().Set("now", now));
}

}  // namespace weltcampus::auth::repository
