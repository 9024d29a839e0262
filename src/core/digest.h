#pragma once

#include <string>
#include <string_view>

namespace weltcampus {

// The SHA-256 digest of a text as 64 lower-case hexadecimal digits (session token hashes, the audit
// log's hash chain).
std::string Sha256Hex(std::string_view text);

}  // namespace weltcampus
