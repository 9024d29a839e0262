#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace weltcampus {

// How deep objects and arrays may nest in a request body.
inline constexpr int kMaxJsonDepth = 32;

// Parses a request body; malformed JSON, a key twice in one object and nesting deeper than
// kMaxJsonDepth are a 400 bad_request, a control character in a string a 422.
nlohmann::json ParseJsonBody(std::string_view body);

// Reads the fields of one JSON object with the checks every input needs: type, length, range and
// membership in an enumeration. Every failure names the field (with its path inside nested objects).
class JsonInput {
 public:
  JsonInput(const nlohmann::json& object, std::string path_prefix = {});

  std::string RequiredString(std::string_view key, size_t max_length) const;
  // Missing, null and blank all read as "not given".
  std::optional<std::string> OptionalString(std::string_view key, size_t max_length) const;
  std::optional<int64_t> OptionalInt(std::string_view key, int64_t min, int64_t max) const;
  int64_t RequiredInt(std::string_view key, int64_t min, int64_t max) const;
  std::optional<double> OptionalNumber(std::string_view key, double min, double max) const;
  std::optional<bool> OptionalBool(std::string_view key) const;
  std::string RequiredEnum(std::string_view key, std::span<const std::string_view> allowed) const;
  std::optional<std::string> OptionalEnum(std::string_view key,
                                          std::span<const std::string_view> allowed) const;
  // The array at key, or an empty one; anything else than an array is a validation error.
  const nlohmann::json& OptionalArray(std::string_view key, size_t max_items) const;

  bool Has(std::string_view key) const;
  std::string FieldName(std::string_view key) const;
  std::string FieldName(std::string_view key, size_t index) const;

 private:
  const nlohmann::json* Find(std::string_view key) const;

  const nlohmann::json& object_;
  std::string prefix_;
};

}  // namespace weltcampus
