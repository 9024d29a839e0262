#pragma once

#include "http/permission.h"

namespace weltcampus::audit {

// Reading the audit log and checking its hash chain.
inline constexpr http::Permission kReadAudit{"audit:read"};

}  // namespace weltcampus::audit
