#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace weltcampus {

// A value as a database column holds it: NULL, a whole number, a real number or text (a boolean is
// a whole number 0 or 1, an enumeration its stored name, a date its ISO text).
using StoredValue = std::variant<std::monostate, int64_t, double, std::string>;

// One row read from the database, by column name (store::Row is one). Lets a record's one field
// definition (core/record_schema.h) load a record without core knowing the database.
class StoredRow {
 public:
  virtual std::optional<int64_t> OptionalInt(std::string_view column) const = 0;
  virtual std::optional<double> OptionalReal(std::string_view column) const = 0;
  virtual std::optional<std::string> OptionalText(std::string_view column) const = 0;

 protected:
  ~StoredRow() = default;
};

// The column value of a member, and a member from its column, for each type a record field has.
namespace stored {

inline StoredValue Of(int64_t value) { return value; }
inline StoredValue Of(int value) { return static_cast<int64_t>(value); }
inline StoredValue Of(bool value) { return static_cast<int64_t>(value); }
inline StoredValue Of(double value) { return value; }
inline StoredValue Of(const std::string& value) { return value; }
template <typename V>
StoredValue Of(const std::optional<V>& value) {
  return value ? Of(*value) : StoredValue{};
}

inline void Load(const StoredRow& row, std::string_view column, int64_t& out) {
  out = row.OptionalInt(column).value_or(0);
}
inline void Load(const StoredRow& row, std::string_view column, int& out) {
  out = static_cast<int>(row.OptionalInt(column).value_or(0));
}
inline void Load(const StoredRow& row, std::string_view column, bool& out) {
  out = row.OptionalInt(column).value_or(0) != 0;
}
inline void Load(const StoredRow& row, std::string_view column, double& out) {
  out = row.OptionalReal(column).value_or(0.0);
}
inline void Load(const StoredRow& row, std::string_view column, std::string& out) {
  out = row.OptionalText(column).value_or("");
}
inline void Load(const StoredRow& row, std::string_view column, std::optional<int64_t>& out) {
  out = row.OptionalInt(column);
}
inline void Load(const StoredRow& row, std::string_view column, std::optional<double>& out) {
  out = row.OptionalReal(column);
}
inline void Load(const StoredRow& row, std::string_view column, std::optional<std::string>& out) {
  out = row.OptionalText(column);
}

}  // namespace stored

}  // namespace weltcampus
