#include "core/paging.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "core/error.h"
#include "core/text.h"

namespace weltcampus {

namespace {

std::optional<int64_t> ParseInt(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

// A key cursor is "k" and the base64url text of its JSON.
constexpr std::size_t kMaxCursorLength = 4096;

std::optional<nlohmann::json> DecodeKeyCursor(const std::string& cursor) {
  if (cursor.size() < 2 || cursor[0] != 'k') {
    return std::nullopt;
  }
  std::string bytes(cursor.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                        cursor.data() + 1, cursor.size() - 1, nullptr, &length, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  auto json = nlohmann::json::parse(bytes, nullptr, false);
  if (!json.is_object() || !json.contains("s") || !json["s"].is_string() || !json.contains("d") ||
      !json["d"].is_boolean() || !json.contains("k") || !json["k"].is_array() ||
      json["k"].empty() || json["k"].size() > 9) {
    return std::nullopt;
  }
  for (const auto& key : json["k"]) {
    if (!key.is_null() && !key.is_number() && !key.is_string()) {
      return std::nullopt;
    }
  }
  return json;
}

}  // namespace

std::optional<std::string> QueryText(const std::map<std::string, std::string>& query,
                                     const std::string& name, size_t max_length) {
  auto it = query.find(name);
  if (it == query.end() || it->second.empty()) {
    return std::nullopt;
  }
  if (it->second.size() > max_length) {
    throw ValidationError(name, "Must be at most " + std::to_string(max_length) + " characters");
  }
  // Percent-decoding makes any byte: what goes on to a search, a stored name or a message is text.
  const bool control = std::any_of(it->second.begin(), it->second.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (control || !IsUtf8(it->second)) {
    throw ValidationError(name, "Must be UTF-8 text without control characters");
  }
  return it->second;
}

std::optional<int64_t> QueryInt(const std::map<std::string, std::string>& query,
                                const std::string& name, int64_t min, int64_t max) {
  auto text = QueryText(query, name, 20);
  if (!text) {
    return std::nullopt;
  }
  auto value = ParseInt(*text);
  if (!value || *value < min || *value > max) {
    throw ValidationError(name, "Must be a whole number from " + std::to_string(min) + " to " +
                                    std::to_string(max));
  }
  return value;
}

std::optional<bool> QueryBool(const std::map<std::string, std::string>& query,
                              const std::string& name) {
  auto text = QueryText(query, name, 5);
  if (!text) {
    return std::nullopt;
  }
  if (*text == "true") {
    return true;
  }
  if (*text == "false") {
    return false;
  }
  throw ValidationError(name, "Must be true or false");
}

std::optional<std::string> QueryEnum(const std::map<std::string, std::string>& query,
                                     const std::string& name,
                                     std::span<const std::string_view> allowed) {
  auto text = QueryText(query, name, 64);
  if (!text) {
    return std::nullopt;
  }
  for (auto candidate : allowed) {
    if (*text == candidate) {
      return text;
    }
  }
  std::string list;
  for (auto candidate : allowed) {
    list += (list.empty() ? "" : ", ") + std::string(candidate);
  }
  throw ValidationError(name, "Must be one of: " + list);
}

PageRequest PageRequest::FromQuery(const std::map<std::string, std::string>& query,
                                   std::span<const std::string_view> sortable) {
  PageRequest page;
  page.limit = QueryInt(query, "limit", 1, 200).value_or(50);
  if (auto cursor = QueryText(query, "cursor", kMaxCursorLength)) {
    if (auto keys = DecodeKeyCursor(*cursor)) {
      page.after = std::move(keys);
    } else {
      auto offset = ParseInt(*cursor);
      if (!offset || *offset < 0) {
        throw ValidationError("cursor", "Not a cursor from a previous page");
      }
      page.offset = *offset;
    }
  }
  page.sort = std::string(*sortable.begin());
  if (auto sort = QueryText(query, "sort", 64)) {
    std::string_view name = *sort;
    page.descending = name.starts_with('-');
    if (page.descending) {
      name.remove_prefix(1);
    }
    bool known = false;
    for (auto candidate : sortable) {
      known = known || candidate == name;
    }
    if (!known) {
      std::string list;
      for (auto candidate : sortable) {
        list += (list.empty() ? "" : ", ") + std::string(candidate);
      }
      throw ValidationError("sort", "Can sort by: " + list);
    }
    page.sort = std::string(name);
  }
  return page;
}

std::optional<std::string> PageRequest::NextCursor(int64_t total) const {
  // Not offset + limit >= total: a client's cursor may skip up to INT64_MAX rows.
  if (offset >= total - limit) {
    return std::nullopt;
  }
  return std::to_string(offset + limit);
}

PageRequest NextPageRequest(PageRequest page, const std::string& next_cursor) {
  if (auto keys = DecodeKeyCursor(next_cursor)) {
    page.after = std::move(keys);
    page.offset = 0;
    return page;
  }
  const auto offset = ParseInt(next_cursor);
  if (!offset || *offset < 0) {
    throw std::logic_error("not a cursor of this server: " + next_cursor);
  }
  page.after.reset();
  page.offset = *offset;
  return page;
}

std::string KeyCursor(const PageRequest& page, nlohmann::json keys) {
  const std::string text = nlohmann::json{
      {"s", page.sort},
      {"d", page.descending},
      {"l", page.language},
      {"k", std::move(keys)}}.dump();
  std::string encoded(
      sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  encoded.resize(std::strlen(encoded.c_str()));
  return "k" + encoded;
}

}  // namespace weltcampus
