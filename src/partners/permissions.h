#pragma once

#include "http/permission.h"

namespace weltcampus::partners {

// The register: institutions, partnerships, agreements, joint structures.
inline constexpr http::Permission kReadPartners{"partners:read"};
inline constexpr http::Permission kWritePartners{"partners:write"};
// Aggregates: the summary figures.
inline constexpr http::Permission kReadIndicators{"indicators:read"};

}  // namespace weltcampus::partners
