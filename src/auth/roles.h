#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "auth/permission.h"

namespace weltcampus::auth {

inline constexpr std::array<std::string_view, 9> kRoles = {
    "admin",          "international_office", "coordinator", "researcher",    "research_office",
    "welcome_officer", "management",          "student",     "incoming_guest"};

bool IsKnownRole(std::string_view role);

// The one table of who may do what: whether a role holds a permission.
bool RoleHasPermission(std::string_view role, Permission permission);

}  // namespace weltcampus::auth
