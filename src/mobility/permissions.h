#pragma once

#include "http/permission.h"

namespace weltcampus::mobility {

// Mobilities (issue 11): the international office reads and keeps them, moves their tracks and
// enters the ones no allocation created. Coordinators' scoped access comes with the learning
// agreements they approve.
inline constexpr http::Permission kReadMobility{"mobility:read"};
inline constexpr http::Permission kWriteMobility{"mobility:write"};
// One's own mobilities (GET /api/v1/me/mobilities): students, by account, never by an id.
inline constexpr http::Permission kReadOwnMobility{"mobility:own"};

}  // namespace weltcampus::mobility
