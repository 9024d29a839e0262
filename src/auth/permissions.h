#pragma once

#include "http/permission.h"

namespace weltcampus::auth {

// Accounts, their roles, password resets and the erasure of a person.
inline constexpr http::Permission kManageUsers{"users:manage"};

}  // namespace weltcampus::auth
