#pragma once

#include <array>
#include <string_view>

namespace weltcampus::auth {

// What a route needs. Every route names one when it is registered (the router refuses a route
// without one); which roles hold which permission is decided in roles.cpp, in one place.
enum class Permission {
  kPublic,          // anyone, without an account: health, OpenAPI, login
  kAuthenticated,   // any signed-in person: their own account and data
  kReadReference,   // reference tables such as ISCED-F
  kReadPartners,    // institutions, partnerships, agreements, org units
  kWritePartners,
  kReadIndicators,  // aggregates: summary figures
  kManageSettings,  // home institution settings
  kManageUsers,     // accounts, roles, erasure
  kReadAudit,       // the audit log
  kOperations,      // metrics (also open to scrapers on the loopback address)
  kImportData,      // imports of reference lists from the browser, as jobs
  kSeeAllJobs,      // everyone's jobs, not only one's own
};

// Every permission, for the session's schema in the OpenAPI document. A new permission goes into
// the enumeration above and here.
inline constexpr std::array<Permission, 12> kAllPermissions = {
    Permission::kPublic,         Permission::kAuthenticated, Permission::kReadReference,
    Permission::kReadPartners,   Permission::kWritePartners, Permission::kReadIndicators,
    Permission::kManageSettings, Permission::kManageUsers,   Permission::kReadAudit,
    Permission::kOperations,     Permission::kImportData,    Permission::kSeeAllJobs};

std::string_view PermissionName(Permission permission);

}  // namespace weltcampus::auth
