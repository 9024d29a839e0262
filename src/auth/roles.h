#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/enum_table.h"

namespace weltcampus::auth {

enum class Role {
  kAdmin, kInternationalOffice, kCoordinator, kResearcher, kResearchOffice, kWelcomeOfficer,
  kManagement, kStudent, kIncomingGuest
};
inline constexpr EnumTable<Role, 9> kRoleTable(
    "role", {{{Role::kAdmin, "admin"},
              {Role::kInternationalOffice, "international_office"},
              {Role::kCoordinator, "coordinator"},
              {Role::kResearcher, "researcher"},
              {Role::kResearchOffice, "research_office"},
              {Role::kWelcomeOfficer, "welcome_officer"},
              {Role::kManagement, "management"},
              {Role::kStudent, "student"},
              {Role::kIncomingGuest, "incoming_guest"}}});
inline constexpr std::span<const std::string_view> kRoles = kRoleTable.names();
// Roles that may be limited to one organisational unit and one field of education.
inline constexpr std::array<Role, 1> kScopedRoles = {Role::kCoordinator};

// The roles, for GET /api/v1/enumerations.
nlohmann::json Enumerations();

}  // namespace weltcampus::auth
