#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "auth/permission.h"

namespace weltcampus::auth {

struct RoleGrant {
  std::string role;
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
  std::string session_hash;
  std::string csrf_token;

  bool HasRole(const std::string& role) const;
  bool Has(Permission permission) const;
};

// Who is asking, for the services and the audit log; set for the duration of one request on the
// worker thread that handles it.
struct RequestContext {
  std::optional<Principal> principal;
  std::string client_address;
  std::string request_id;
};

const RequestContext& CurrentRequest();
void SetCurrentRequest(RequestContext context);
void ClearCurrentRequest() noexcept;

class ScopedRequest {
 public:
  explicit ScopedRequest(RequestContext context);
  ~ScopedRequest();
  ScopedRequest(const ScopedRequest&) = delete;
  ScopedRequest& operator=(const ScopedRequest&) = delete;
};

// A streamed body's producer (http::Response::stream) runs after the handler has returned, when
// the context is already cleared, and on whichever worker thread is free. Wrapped in this, each
// call sees who is asking as the handler did. Call it inside the handler.
template <typename Producer>
auto WithCurrentRequest(Producer producer) {
  return [context = CurrentRequest(), producer = std::move(producer)]() mutable {
    ScopedRequest scope(context);
    return producer();
  };
}

}  // namespace weltcampus::auth
