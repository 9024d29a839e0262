#pragma once

#include "auth/access.h"

namespace weltcampus::cli {

// Which role holds which permission: the one table of who may do what, over every module's
// permissions (each module declares its own in <module>/permissions.h).
const auth::AccessTable& Access();

}  // namespace weltcampus::cli
