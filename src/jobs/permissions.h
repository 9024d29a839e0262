#pragma once

#include "http/permission.h"

namespace weltcampus::jobs {

// Everyone's jobs, not only one's own.
inline constexpr http::Permission kSeeAllJobs{"jobs:all"};

}  // namespace weltcampus::jobs
