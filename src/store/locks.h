#pragma once

#include <cstdint>

#include "store/sql.h"

namespace weltcampus::store {

// The named advisory locks, one key each, so that two modules never pick the same number.
enum class LockKey : int64_t {
  kMigrations = 4711,
  kAuditChain = 4712,
  kJobs = 4713,
  kLoginThrottle = 4714,
};

// On PostgreSQL, waits until no other transaction holds the lock and holds it until this
// transaction ends; SQLite's single writer makes this unnecessary there.
inline void LockForThisTransaction(Connection& connection, LockKey key) {
  LockForThisTransaction(connection, static_cast<int64_t>(key));
}

}  // namespace weltcampus::store
