#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/model.h"
#include "store/list_query.h"
#include "store/sql.h"

// SQL of accounts and sessions (login throttling keeps its own: login_throttle.h).
namespace weltcampus::auth::repository {

using store::Connection;

std::optional<User> FindUser(Connection& c, int64_t id);
std::optional<User> FindUserByEmail(Connection& c, const std::string& email);
std::optional<std::string> PasswordHash(Connection& c, int64_t user_id);
const store::SortTable& UserSorts();
store::Page<User> ListUsers(Connection& c, const UserFilter& filter, const PageRequest& page);
void InsertUser(Connection& c, User& user, const std::optional<std::string>& password_hash);
// Writes every account's name_key (the collation key of its display name) where it differs: the
// code migration 0019_collation_keys_users.
void WriteUserNameKeys(Connection& c);
void UpdateUser(Connection& c, User& user, int64_t expected_version);
void SetPassword(Connection& c, int64_t user_id, const std::optional<std::string>& hash,
                 bool must_change);
void SetLastLogin(Connection& c, int64_t user_id, const std::string& at);
void ReplaceRoles(Connection& c, int64_t user_id, const std::vector<RoleGrant>& roles);
int64_t CountActiveAdmins(Connection& c);
std::vector<int64_t> UsersInactiveSince(Connection& c, const std::string& before);

void InsertSession(Connection& c, const Session& session);
std::optional<Session> FindSession(Connection& c, const std::string& token_hash);
// A session with what decides whether its account may still use it, in one query.
struct SessionState {
  Session session;
  int64_t user_version = 0;
  bool user_active = false;
  bool user_erased = false;
};
std::optional<SessionState> FindSessionState(Connection& c, const std::string& token_hash);
void TouchSession(Connection& c, const std::string& token_hash, const std::string& last_seen,
                  const std::string& idle_expires);
void DeleteSession(Connection& c, const std::string& token_hash);
void DeleteUserSessions(Connection& c, int64_t user_id, const std::string& except_hash = {});
std::vector<Session> ListUserSessions(Connection& c, int64_t user_id);
int64_t DeleteExpiredSessions(Connection& c, const std::string& now);
// One person's expired sessions (at their next sign-in).
int64_t DeleteExpiredSessionsOf(Connection& c, int64_t user_id, const std::string& now);

}  // namespace weltcampus::auth::repository
