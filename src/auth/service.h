#pragma once

#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
  explicit AuthService(store::Database& database) : database_(database) {}

  // Throws 401 with one message for an unknown account and a wrong password, 429 while throttled.
  LoginResult Login(const Authenticator& authenticator, const Credentials& credentials,
                    const std::string& client_address);
  // The principal of a session token, or nothing when it is unknown or expired.
  std::optional<Principal> Authenticate(const std::string& token);
  void Logout(const Principal& principal);
  void ChangePassword(const Principal& principal, const std::string& current, const std::string& next);
  User GetOwnAccount(const Principal& principal);
  User UpdateOwnAccount(const Principal& principal, const nlohmann::json& input);
  nlohmann::json ExportPersonalData(int64_t user_id);

  store::Page<User> ListUsers(const UserFilter& filter, const PageRequest& page);
  User GetUser(int64_t id);  // a staff read of a person's record: audited
  // Creates an account with a one-time password that must be changed at first login.
  std::pair<User, std::string> CreateUser(User user);
  User UpdateUser(int64_t id, User input, int64_t expected_version);
  std::string ResetPassword(int64_t id);
  User ErasePerson(int64_t id, int64_t expected_version);

  RetentionReport RunRetention(std::chrono::hours inactive_accounts_after);

 private:
  void CheckThrottle(store::Connection& c, const std::string& key);
  void RecordFailure(store::Connection& c, const std::string& key, int64_t free_failures);
  void ForgetSession(const std::string& token_hash);
  void ForgetUser(int64_t user_id);

  // The account part of a principal (name, roles) is kept per session while the account's version
  // stays the same; the session itself (expiry, logout, a disabled account) is read on every request.
  struct CachedPrincipal {
    Principal principal;
    int64_t user_version = 0;
  };

  store::Database& database_;
  std::mutex cache_mutex_;
  std::unordered_map<std::string, CachedPrincipal> cache_;  // by token hash
};

// Reads an account from an administrator's JSON (email, display name, language, active, roles).
User UserFromJson(const nlohmann::json& body);
nlohmann::json ToJson(const User& user);
nlohmann::json PrincipalJson(const Principal& principal);

}  // namespace weltcampus::auth
