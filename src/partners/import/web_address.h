#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace weltcampus::partners {

// The host of a web address as EWP names institutions: lower case, without scheme, "www.", port or
// path ("http://www.uni-graz.at/en" -> "uni-graz.at"). Nothing when the text is not a plain
// host name with at least one dot (lists hold things like "www. x.es" or two addresses in one).
std::optional<std::string> WebDomain(std::string_view address);

// A web address as stored: "https://" put before a bare host, "http//" typos repaired; nothing when
// it is not one address.
std::optional<std::string> NormaliseWebsite(std::string_view address);

}  // namespace weltcampus::partners
