#include "auth/context.h"

#include <algorithm>
#include <any>

#include "core/error.h"

namespace weltcampus::auth {

bool Principal::HasRole(Role role) const {
  return std::any_of(roles.begin(), roles.end(),
                     [&](const RoleGrant& grant) { return grant.role == role; });
}

bool Principal::Has(http::Permission permission) const {
  if (permission == http::kPublic || (permission == http::kAuthenticated && user_id != 0)) {
    return true;
  }
  return std::find(permissions.begin(), permissions.end(), permission.name()) != permissions.end();
}

const Principal* PrincipalOf(const http::Request& request) {
  return std::any_cast<Principal>(&request.caller);
}

const Principal& SignedIn(const http::Request& request) {
  const Principal* principal = PrincipalOf(request);
  if (principal == nullptr) {
    throw ApiError(ErrorCode::kUnauthorized, "Please sign in");
  }
  return *principal;
}

audit::Actor ActorOf(const http::Request& request) {
  audit::Actor actor;
  if (const Principal* principal = PrincipalOf(request)) {
    actor.user_id = principal->user_id;
  }
  actor.client_address = request.remote_address;
  actor.request_id = request.request_id;
  return actor;
}

}  // namespace weltcampus::auth
