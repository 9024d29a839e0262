#pragma once

#include "http/permission.h"

namespace weltcampus::system {

// The home institution's settings.
inline constexpr http::Permission kManageSettings{"settings:manage"};
// Metrics (also open without an account from the server's own machine, for a scraper).
inline constexpr http::Permission kOperations{"operations"};

}  // namespace weltcampus::system
