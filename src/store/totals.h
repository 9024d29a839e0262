#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "store/sql.h"

namespace weltcampus::store {

// How many rows a list's filter matches, counted once and then kept briefly. A page costs only its
// rows, but its total costs reading every matching row; a user paging, or many users opening the
// same list, would pay that on every request. A count is kept until a write is committed through
// this database (any write: counting is cheap compared with being wrong) or for `max_age`, the
// longest another server's writes can go unseen in a total.
class Totals {
 public:
  explicit Totals(std::chrono::milliseconds max_age) : max_age_(max_age) {}

  // The answer of `sql` (a "SELECT COUNT(*) AS n ...") with `params`.
  int64_t Count(Connection& c, const std::string& sql, const Params& params);
  // A write was committed: every kept count may be wrong now.
  void Changed() { generation_.fetch_add(1, std::memory_order_acq_rel); }

 private:
  struct Kept {
    uint64_t generation;
    std::chrono::steady_clock::time_point at;
    int64_t total;
  };
  static constexpr std::size_t kMaxKept = 4096;

  std::chrono::milliseconds max_age_;
  std::atomic<uint64_t> generation_{0};
  std::mutex mutex_;
  std::unordered_map<std::string, Kept> kept_;
};

}  // namespace weltcampus::store
