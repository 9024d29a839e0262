#pragma once

#include <cstdint>
#include <string>

#include "store/sql.h"

namespace weltcampus::store {

// After an UPDATE or DELETE "... WHERE id = :id AND version = :version" changed no row, tells why:
// the record is gone (404) or someone else changed it first (412 with the current version).
[[noreturn]] void ThrowVersionMismatch(Connection& connection, const std::string& table, int64_t id,
                                       const std::string& what);

// Throws ThrowVersionMismatch's error unless `changed` rows were changed.
void RequireChanged(long long changed, Connection& connection, const std::string& table, int64_t id,
                    const std::string& what);

}  // namespace weltcampus::store
