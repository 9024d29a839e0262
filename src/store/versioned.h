#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "store/sql.h"

namespace weltcampus::store {

// The 412 answer for a client that read version `expected` of a record now at `current`.
ApiError StaleVersionError(std::string_view what, int64_t current);

// The record, or 404 naming what was asked for.
template <typename T>
T Found(std::optional<T> record, std::string_view what) {
  if (!record) {
    throw NotFoundError(what);
  }
  return std::move(*record);
}

// Load-for-change: the record a write starts from. A missing record is 404 and a stale version
// 412 before any rule of the service is looked at, so a stale client is always told to reload
// first, never that its change breaks a rule it may not even be making any more.
template <typename T>
T LoadForChange(std::optional<T> current, int64_t expected_version, std::string_view what) {
  if (!current) {
    throw NotFoundError(what);
  }
  if (current->version != expected_version) {
    throw StaleVersionError(what, current->version);
  }
  return std::move(*current);
}

// After an UPDATE or DELETE "... WHERE id = :id AND version = :version" changed no row, tells why:
// the record is gone (404) or someone else changed it first (412 with the current version).
[[noreturn]] void ThrowVersionMismatch(Connection& connection, std::string_view table, int64_t id,
                                       std::string_view what);

// Throws ThrowVersionMismatch's error unless `changed` rows were changed.
void RequireChanged(long long changed, Connection& connection, std::string_view table, int64_t id,
                    std::string_view what);

// UPDATE table SET <assignments>, version = version + 1, updated_at = :at WHERE id = :id AND
// version = :version; answers the new version. `assignments` is a literal of the repository;
// params carries its values (:id, :version and :at are added here).
int64_t VersionedUpdate(Connection& connection, std::string_view table, std::string_view what,
                        int64_t id, int64_t expected_version, std::string_view assignments,
                        Params params);

// DELETE of one record at the version the client read.
void VersionedDelete(Connection& connection, std::string_view table, std::string_view what,
                     int64_t id, int64_t expected_version);

}  // namespace weltcampus::store
