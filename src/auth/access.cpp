#include "auth/access.h"

#include <algorithm>
#include <stdexcept>

namespace weltcampus::auth {

AccessTable::AccessTable(std::vector<Grant> grants) : grants_(std::move(grants)) {
  for (size_t i = 0; i < grants_.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (grants_[j].role == grants_[i].role) {
        throw std::logic_error("the access table names a role twice: " +
                               std::string(kRoleTable.Name(grants_[i].role)));
      }
    }
    for (const auto& permission : grants_[i].permissions) {
      if (permission == http::kPublic || permission == http::kAuthenticated) {
        throw std::logic_error("public and authenticated are held without a grant");
      }
      if (std::find(all_.begin(), all_.end(), permission.name()) == all_.end()) {
        all_.push_back(permission.name());
      }
    }
  }
}

std::vector<std::string_view> AccessTable::PermissionsOf(const std::vector<Role>& roles) const {
  std::vector<std::string_view> held;
  for (const auto& name : all_) {
    const bool granted = std::any_of(grants_.begin(), grants_.end(), [&](const Grant& grant) {
      return std::find(roles.begin(), roles.end(), grant.role) != roles.end() &&
             std::any_of(grant.permissions.begin(), grant.permissions.end(),
                         [&](const http::Permission& p) { return p.name() == name; });
    });
    if (granted) {
      held.push_back(name);
    }
  }
  return held;
}

}  // namespace weltcampus::auth
