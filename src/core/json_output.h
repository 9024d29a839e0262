#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace weltcampus {

// An optional value as JSON: the value, or null. Every record's output uses it, so that a missing
// value is always null and never an absent member.
template <typename T>
nlohmann::json Nullable(const std::optional<T>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace weltcampus
