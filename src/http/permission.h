#pragma once

#include <string_view>

namespace weltcampus::http {

// What a route needs. Every route names one when it is registered (the router refuses a route
// without one). Each module declares its own permissions (e.g. partners/permissions.h); which
// roles hold which is one table, kept where every module is known (cli/access.cpp). The name is
// what the OpenAPI document (x-permission) and a session's list of permissions show.
class Permission {
 public:
  constexpr explicit Permission(std::string_view name) : name_(name) {}
  constexpr std::string_view name() const { return name_; }
  friend constexpr bool operator==(const Permission&, const Permission&) = default;

 private:
  std::string_view name_;
};

// Anyone, without an account: health, OpenAPI, login.
inline constexpr Permission kPublic{"public"};
// Any signed-in person: their own account and data.
inline constexpr Permission kAuthenticated{"authenticated"};

}  // namespace weltcampus::http
