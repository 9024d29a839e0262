#pragma once

#include <string_view>

namespace weltcampus::auth {

// What a route needs. Every route names one when it is registered (the router refuses a route
// without one); which roles hold which permission is decided in auth, in one place.
enum class Permission {
  kPublic,           // health, the OpenAPI document, published statistics
  kReadReference,    // reference tables such as ISCED-F
  kReadPartners,     // institutions, partnerships, agreements, org units
  kWritePartners,
  kReadIndicators,   // aggregates: summary figures
  kManageSettings,   // home institution settings
  kOperations,       // metrics
};

std::string_view PermissionName(Permission permission);

}  // namespace weltcampus::auth
