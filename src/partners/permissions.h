#pragma once

#include "http/permission.h"

namespace weltcampus::partners {

// The register: institutions, partnerships, agreements, joint structures, organisational units.
inline constexpr http::Permission kReadPartners{"partners:read"};
inline constexpr http::Permission kWritePartners{"partners:write"};
// Reference tables such as ISCED-F.
inline constexpr http::Permission kReadReference{"reference:read"};
// Aggregates: the summary figures.
inline constexpr http::Permission kReadIndicators{"indicators:read"};

}  // namespace weltcampus::partners
