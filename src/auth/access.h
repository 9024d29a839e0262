#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/roles.h"
#include "http/permission.h"

namespace weltcampus::auth {

// Which role holds which permission: the one table of who may do what. Each module declares its
// permissions; the table is written where every module is known (cli/access.cpp) and handed to the
// auth module, which resolves a person's permissions from their roles when they sign in.
class AccessTable {
 public:
  struct Grant {
    Role role;
    std::vector<http::Permission> permissions;
  };

  AccessTable() = default;
  // Throws std::logic_error for a role given twice, or for kPublic / kAuthenticated, which every
  // caller and every signed-in person hold without a grant.
  explicit AccessTable(std::vector<Grant> grants);

  // The permissions of a person with these roles, each once, in the order the table first names
  // them.
  std::vector<std::string_view> PermissionsOf(const std::vector<Role>& roles) const;
  // Every permission some role can hold, in table order (the OpenAPI enumeration of a session's
  // permissions).
  const std::vector<std::string_view>& AllPermissions() const { return all_; }

 private:
  std::vector<Grant> grants_;
  std::vector<std::string_view> all_;
};

}  // namespace weltcampus::auth
