#include "auth/roles.h"

namespace weltcampus::auth {

nlohmann::json Enumerations() {
  nlohmann::json scoped = nlohmann::json::array();
  for (auto role : kScopedRoles) {
    scoped.push_back(kRoleTable.Name(role));
  }
  return {{"enumerations", {{std::string(kRoleTable.api_name()), kRoleTable.Json()}}},
          {"scoped_roles", scoped}};
}

}  // namespace weltcampus::auth
