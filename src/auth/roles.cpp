#include "auth/roles.h"

#include <algorithm>

namespace weltcampus::auth {

nlohmann::json Enumerations() {
  return {{"enumerations", {{std::string(kRoleTable.api_name()), kRoleTable.Json()}}},
          {"scoped_roles", kScopedRoles}};
}

bool IsKnownRole(std::string_view role) {
  return std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end();
}

}  // namespace weltcampus::auth
