#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "auth/roles.h"
#include "http/message.h"
#include "http/permission.h"

namespace weltcampus::auth {

struct RoleGrant {
  Role role = Role::kIncomingGuest;     // the role that allows least, until one is given
  std::optional<int64_t> org_unit_id;   // coordinators: the unit they look after
  std::optional<std::string> isced_code;  // coordinators: the field they look after
};

// The signed-in person behind a request.
struct Principal {
  int64_t user_id = 0;
  std::string email;
  std::string display_name;
  std::string preferred_language = "en";
  bool must_change_password = false;
  std::vector<RoleGrant> roles;
  // What the roles allow, resolved from the access table when the session is read.
  std::vector<std::string_view> permissions;
  std::string session_hash;
  std::string csrf_token;

  bool HasRole(Role role) const;
  bool Has(http::Permission permission) const;
};

// Who is asking: the Guard leaves the principal in `request.caller`. Nothing without a session.
const Principal* PrincipalOf(const http::Request& request);
// The principal, or 401 for a request without a session.
const Principal& SignedIn(const http::Request& request);
// The actor of the audit entries a request causes: the person, the client address, the request id.
audit::Actor ActorOf(const http::Request& request);

}  // namespace weltcampus::auth
