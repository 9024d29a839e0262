#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weltcampus {

// Writes JSON text straight into a string, for answers too large to build as nlohmann::json first
// (a page of 50 agreements with their quotas is 65 KB). What it writes reads back as what
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes for the same values:
// UTF-8 kept as it is, invalid UTF-8 replaced by U+FFFD, control characters escaped, a whole
// double written with ".0", NaN and infinity as null. Commas are its own business:
//
//   JsonWriter w(text);
//   w.BeginObject().Key("id").Int(7).Key("tags").BeginArray().String("a").EndArray().EndObject();
//
// It does not check that keys and values alternate; RecordSchema and the page answers use it.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  // A key as KeyText wrote it: for keys written many times (a record schema's fields).
  JsonWriter& WrittenKey(std::string_view key_text);
  // `"key":`, for WrittenKey.
  static std::string KeyText(std::string_view key);
  // Members of the object begun, as text written before (`"a":1,"b":[]`; empty: none).
  JsonWriter& WrittenMembers(std::string_view members);

  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Number(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  // A value already built as nlohmann::json (the answers not written field by field).
  JsonWriter& Value(const nlohmann::json& value);

  JsonWriter& Value(std::string_view value) { return String(value); }
  JsonWriter& Value(const std::string& value) { return String(value); }
  JsonWriter& Value(const char* value) { return String(value); }
  JsonWriter& Value(int64_t value) { return Int(value); }
  JsonWriter& Value(int value) { return Int(value); }
  JsonWriter& Value(double value) { return Number(value); }
  JsonWriter& Value(bool value) { return Bool(value); }
  template <typename V>
  JsonWriter& Value(const std::optional<V>& value) {
    return value ? Value(*value) : Null();
  }
  template <typename V>
  JsonWriter& Value(const std::vector<V>& values) {
    BeginArray();
    for (const auto& value : values) {
      Value(value);
    }
    return EndArray();
  }

 private:
  void BeforeValue() {
    if (comma_) {
      out_ += ',';
    }
    comma_ = true;
  }
  void Quoted(std::string_view text);

  std::string& out_;
  bool comma_ = false;  // a value was written at this level: the next one needs a comma
};

}  // namespace weltcampus
