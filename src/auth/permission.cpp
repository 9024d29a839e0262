#include "auth/permission.h"

namespace weltcampus::auth {

std::string_view PermissionName(Permission permission) {
  switch (permission) {
    case Permission::kPublic:
      return "public";
    case Permission::kAuthenticated:
      return "authenticated";
    case Permission::kReadReference:
      return "reference:read";
    case Permission::kReadPartners:
      return "partners:read";
    case Permission::kWritePartners:
      return "partners:write";
    case Permission::kReadIndicators:
      return "indicators:read";
    case Permission::kManageSettings:
      return "settings:manage";
    case Permission::kManageUsers:
      return "users:manage";
    case Permission::kReadAudit:
      return "audit:read";
    case Permission::kOperations:
      return "operations";
    case Permission::kImportData:
      return "imports:run";
    case Permission::kSeeAllJobs:
      return "jobs:all";
  }
  return "unknown";
}

}  // namespace weltcampus::auth
