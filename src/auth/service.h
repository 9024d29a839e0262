#pragma once

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "auth/access.h"
#include "auth/authenticator.h"
#include "auth/context.h"
#include "auth/model.h"
#include "auth/schemas.h"
#include "store/database.h"
#include "store/list_query.h"

namespace weltcampus::auth {

inline constexpr std::chrono::minutes kSessionIdleTimeout{30};
inline constexpr std::chrono::hours kSessionAbsoluteTimeout{12};

struct LoginResult {
  std::string token;  // goes into the cookie, nowhere else
  Principal principal;
};

struct RetentionReport {
  int64_t expired_sessions = 0;
  int64_t stale_throttles = 0;
  int64_t pseudonymised_accounts = 0;
};

// Accounts, sessions, login throttling and personal data. Every change is audited.
class AuthService {
 public:
  // `access` resolves a person's permissions from their roles (empty: none beyond signing in).
  explicit AuthService(store::Database& database, AccessTable access = {})
      : database_(database), access_(std::move(access)) {}

  // Throws 401 with one message for an unknown account and a wrong password, 429 while throttled.
  // `actor` is the anonymous caller (client address, request id).
  LoginResult Login(const Authenticator& authenticator, const Credentials& credentials,
                    const audit::Actor& actor);
  // The principal of a session token, or nothing when it is unknown or expired.
  std::optional<Principal> Authenticate(const std::string& token);
  void Logout(const audit::Actor& actor, const Principal& principal);
  void ChangePassword(const audit::Actor& actor, const Principal& principal,
                      const std::string& current, const std::string& next);
  User GetOwnAccount(const Principal& principal);
  // At the version read (If-Match): 412 when the account changed meanwhile.
  User UpdateOwnAccount(const audit::Actor& actor, const Principal& principal,
                        const nlohmann::json& input, int64_t expected_version);
  nlohmann::json ExportPersonalData(const audit::Actor& actor, int64_t user_id);

  store::Page<User> ListUsers(const UserFilter& filter, const PageRequest& page);
  User GetUser(const audit::Actor& actor,
               int64_t id);  // a staff read of a person's record: audited
  // Creates an account with a one-time password that must be changed at first login.
  std::pair<User, std::string> CreateUser(const audit::Actor& actor, User user);
  User UpdateUser(const audit::Actor& actor, int64_t id, User input, int64_t expected_version);
  std::string ResetPassword(const audit::Actor& actor, int64_t id);
  User ErasePerson(const audit::Actor& actor, int64_t id, int64_t expected_version);

  RetentionReport RunRetention(std::chrono::hours inactive_accounts_after);

 private:
  void ForgetSession(const std::string& token_hash);
  void ForgetUser(int64_t user_id);
  Principal ToPrincipal(const User& user, const Session& session) const;

  // The account part of a principal (name, roles) is kept per session while the account's version
  // stays the same; the session itself (expiry, logout, a disabled account) is read on every request.
  struct CachedPrincipal {
    Principal principal;
    int64_t user_version = 0;
  };

  store::Database& database_;
  AccessTable access_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, CachedPrincipal> cache_;  // by token hash
};

// Reads an account from an administrator's JSON (email, display name, language, active, roles).
User UserFromJson(const nlohmann::json& body);
nlohmann::json ToJson(const User& user);
nlohmann::json PrincipalJson(const Principal& principal);

}  // namespace weltcampus::auth
