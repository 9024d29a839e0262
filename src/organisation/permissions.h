#pragma once

#include "http/permission.h"

namespace weltcampus::organisation {

// The school's organisational units: read by everyone who works with the partner register,
// changed by the international office.
inline constexpr http::Permission kReadOrganisation{"organisation:read"};
inline constexpr http::Permission kWriteOrganisation{"organisation:write"};
// Reference tables such as ISCED-F: everyone signed in.
inline constexpr http::Permission kReadReference{"reference:read"};

}  // namespace weltcampus::organisation
