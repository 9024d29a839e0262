#include "store/totals.h"

#include <fmt/format.h>

namespace weltcampus::store {

namespace {

// The statement and its values, told apart by type ("1" the number from "1" the text).
std::string KeyOf(const std::string& sql, const Params& params) {
  std::string key = sql;
  for (const auto& entry : params.entries()) {
    key += '\x1f';
    key += entry.name;
    if (const auto* integer = std::get_if<int64_t>(&entry.value)) {
      key += "=i" + std::to_string(*integer);
    } else if (const auto* real = std::get_if<double>(&entry.value)) {
      key += fmt::format("=r{}", *real);
    } else if (const auto* text = std::get_if<std::string>(&entry.value)) {
      key += "=t" + *text;
    } else {
      key += "=n";
    }
  }
  return key;
}

}  // namespace

int64_t Totals::Count(Connection& c, const std::string& sql, const Params& params) {
  const std::string key = KeyOf(sql, params);
  // Taken before counting: a write committed while the count runs makes the count stale.
  const uint64_t generation = generation_.load(std::memory_order_acquire);
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    if (const auto found = kept_.find(key); found != kept_.end() &&
                                            found->second.generation == generation &&
                                            now - found->second.at <= max_age_) {
      return found->second.total;
    }
  }
  const int64_t total = c.Count(sql, params);
  std::lock_guard lock(mutex_);
  if (kept_.size() >= kMaxKept) {
    std::erase_if(kept_, [&](const auto& entry) {
      return entry.second.generation != generation || now - entry.second.at > max_age_;
    });
    if (kept_.size() >= kMaxKept) {
      kept_.clear();
    }
  }
  kept_[key] = Kept{generation, now, total};
  return total;
}

}  // namespace weltcampus::store
