#pragma once

#include "http/permission.h"

namespace weltcampus::partners {

// The register: institutions, partnerships, agreements, joint structures.
inline constexpr http::Permission kReadPartners{"partners:read"};
inline constexpr http::Permission kWritePartners{"partners:write"};
// What the office works with and the public does not see: partnerships' notes, agreements that are
// not active (drafts, negotiations, signed, ended), the renewals worklist and the people named as
// contacts (partners/visibility.h).
inline constexpr http::Permission kReadPartnerInternals{"partners:internal"};
// Aggregates: the summary figures.
inline constexpr http::Permission kReadIndicators{"indicators:read"};

}  // namespace weltcampus::partners
