#include "auth/context.h"

#include "auth/roles.h"

namespace weltcampus::auth {

namespace {
thread_local RequestContext current_request;
}  // namespace

bool Principal::HasRole(const std::string& role) const {
  for (const auto& grant : roles) {
    if (grant.role == role) {
      return true;
    }
  }
  return false;
}

bool Principal::Has(Permission permission) const {
  for (const auto& grant : roles) {
    if (RoleHasPermission(grant.role, permission)) {
      return true;
    }
  }
  return permission == Permission::kPublic ||
         (permission == Permission::kAuthenticated && user_id != 0);
}

const RequestContext& CurrentRequest() { return current_request; }

void SetCurrentRequest(RequestContext context) { current_request = std::move(context); }

void ClearCurrentRequest() noexcept { current_request = RequestContext{}; }

ScopedRequest::ScopedRequest(RequestContext context) { current_request = std::move(context); }

ScopedRequest::~ScopedRequest() { current_request = RequestContext{}; }

}  // namespace weltcampus::auth
