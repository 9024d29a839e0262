#include "core/json_writer.h"

#include <charconv>
#include <cmath>

namespace weltcampus {

namespace {

// The length of the valid UTF-8 sequence at text[i], or 0 when it is not one (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF).
size_t Utf8Length(std::string_view text, size_t i) {
  const auto byte = [&](size_t at) { return static_cast<unsigned char>(text[at]); };
  const auto continuation = [&](size_t at, unsigned char low = 0x80, unsigned char high = 0xBF) {
    return at < text.size() && byte(at) >= low && byte(at) <= high;
  };
  const unsigned char lead = byte(i);
  if (lead >= 0xC2 && lead <= 0xDF) {
    return continuation(i + 1) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char low = lead == 0xE0 ? 0xA0 : 0x80;
    const unsigned char high = lead == 0xED ? 0x9F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char low = lead == 0xF0 ? 0x90 : 0x80;
    const unsigned char high = lead == 0xF4 ? 0x8F : 0xBF;
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

}  // namespace

JsonWriter& JsonWriter::BeginObject() {
  BeforeValue();
  out_ += '{';
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  BeforeValue();
  out_ += '[';
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  BeforeValue();
  Quoted(key);
  out_ += ':';
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::WrittenKey(std::string_view key_text) {
  BeforeValue();
  out_ += key_text;
  comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::WrittenMembers(std::string_view members) {
  if (!members.empty()) {
    BeforeValue();
    out_ += members;
  }
  return *this;
}

std::string JsonWriter::KeyText(std::string_view key) {
  std::string text;
  JsonWriter(text).Key(key);
  return text;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  BeforeValue();
  Quoted(value);
  return *this;
}

JsonWriter& JsonWriter::Int(int64_t value) {
  BeforeValue();
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out_.append(buffer, end);
  return *this;
}

JsonWriter& JsonWriter::Number(double value) {
  BeforeValue();
  if (!std::isfinite(value)) {
    out_ += "null";
    return *this;
  }
  char buffer[32];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  const std::string_view text(buffer, static_cast<size_t>(end - buffer));
  out_ += text;
  // Still a number with a fraction when read back, as nlohmann::json writes it.
  if (text.find_first_of(".eE") == std::string_view::npos) {
    out_ += ".0";
  }
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  BeforeValue();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Value(const nlohmann::json& value) {
  BeforeValue();
  out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return *this;
}

void JsonWriter::Quoted(std::string_view text) {
  out_ += '"';
  size_t plain = 0;  // start of the run of bytes not yet copied
  size_t i = 0;
  const auto flush = [&] { out_.append(text.data() + plain, i - plain); };
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      if (const size_t length = Utf8Length(text, i)) {
        i += length;
        continue;
      }
      flush();
      out_ += "\xEF\xBF\xBD";  // U+FFFD in place of a byte that begins no valid sequence
      plain = ++i;
      continue;
    }
    flush();
    switch (c) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\b':
        out_ += "\\b";
        break;
      case '\f':
        out_ += "\\f";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
    }
    plain = ++i;
  }
  flush();
  out_ += '"';
}

}  // namespace weltcampus
