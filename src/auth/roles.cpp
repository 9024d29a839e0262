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

bool RoleHasPermission(std::string_view role, Permission permission) {
  using P = Permission;
  switch (permission) {
    case P::kPublic:
      return true;
    case P::kAuthenticated:
    case P::kReadReference:
      return IsKnownRole(role);
    case P::kReadPartners:
      // Guests from abroad see their own welcome case, not the school's partner register.
      return IsKnownRole(role) && role != "incoming_guest";
    case P::kWritePartners:
    case P::kImportData:
      return role == "admin" || role == "international_office";
    case P::kReadIndicators:
      return role == "admin" || role == "international_office" || role == "management" ||
             role == "research_office" || role == "coordinator";
    case P::kManageSettings:
    case P::kManageUsers:
    case P::kReadAudit:
    case P::kOperations:
    case P::kSeeAllJobs:
      return role == "admin";
  }
  return false;
}

}  // namespace weltcampus::auth
