#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/context.h"

namespace weltcampus::auth {

struct User {
  int64_t id = 0;
  std::string email;
  std::string display_name;
  std::string preferred_language = "en";
  bool active = true;
  bool must_change_password = false;
  std::optional<std::string> last_login_at;
  std::optional<std::string> erased_at;
  std::vector<RoleGrant> roles;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct Session {
  std::string token_hash;
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  std::string idle_expires_at;
  std::string absolute_expires_at;
  std::string client_address;
};

struct UserFilter {
  std::optional<std::string> q;
  std::optional<Role> role;
  std::optional<bool> active;
};

}  // namespace weltcampus::auth
