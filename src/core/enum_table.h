#pragma once

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace weltcampus {

// The one table of names of an enumeration: the API's JSON, the SQL columns, the OpenAPI `enum`
// and the web application (through /api/v1/enumerations) all take their values from it. The
// order of the entries is the order people think about them in, and the order lists offer them.
template <typename E, std::size_t N>
class EnumTable {
 public:
  using Entry = std::pair<E, std::string_view>;

  constexpr EnumTable(std::string_view api_name, std::array<Entry, N> entries)
      : api_name_(api_name), entries_(entries) {
    for (std::size_t i = 0; i < N; ++i) {
      values_[i] = entries_[i].first;
      names_[i] = entries_[i].second;
    }
  }

  // The enumeration's name in the API ("agreement_status").
  constexpr std::string_view api_name() const { return api_name_; }
  constexpr std::span<const std::string_view> names() const { return names_; }
  // The values in the table's order.
  constexpr std::span<const E> values() const { return values_; }

  constexpr std::string_view Name(E value) const {
    for (const auto& [candidate, name] : entries_) {
      if (candidate == value) {
        return name;
      }
    }
    throw std::logic_error("enumeration value without a name in " + std::string(api_name_));
  }

  // The name of a value that may be missing (a query filter), to bind as a parameter.
  constexpr std::optional<std::string_view> Name(const std::optional<E>& value) const {
    return value ? std::optional<std::string_view>(Name(*value)) : std::nullopt;
  }

  constexpr std::optional<E> Parse(std::string_view name) const {
    for (const auto& [value, candidate] : entries_) {
      if (candidate == name) {
        return value;
      }
    }
    return std::nullopt;
  }

  // Reads a value stored by Name(); a name that no entry has is a corrupt row, not user input.
  E FromStored(std::string_view name) const {
    if (auto value = Parse(name)) {
      return *value;
    }
    throw std::runtime_error("unknown " + std::string(api_name_) + " '" + std::string(name) +
                             "' in the database");
  }

  nlohmann::json Json() const {
    nlohmann::json values = nlohmann::json::array();
    for (auto name : names_) {
      values.push_back(name);
    }
    return values;
  }

  // "a, b, c", for error messages.
  std::string List() const {
    std::string list;
    for (auto name : names_) {
      list += (list.empty() ? "" : ", ") + std::string(name);
    }
    return list;
  }

 private:
  std::string_view api_name_;
  std::array<Entry, N> entries_;
  std::array<E, N> values_{};
  std::array<std::string_view, N> names_{};
};

}  // namespace weltcampus
