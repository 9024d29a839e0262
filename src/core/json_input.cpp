#include "core/json_input.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include "core/error.h"

namespace weltcampus {

namespace {

const nlohmann::json& EmptyArray() {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  return kEmpty;
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::string JoinAllowed(std::span<const std::string_view> allowed) {
  std::string joined;
  for (auto value : allowed) {
    if (!joined.empty()) {
      joined += ", ";
    }
    joined += value;
  }
  return joined;
}

}  // namespace

namespace {

// A C0 control character other than tab, line feed and carriage return (NUL, BEL, ESC ...):
// never part of a name or a text people write, and harmful where the text is shown or logged.
bool HasControlCharacter(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r';
  });
}

// The first string (value or key) with a control character, by its path ("quotas[0].name").
std::optional<std::string> FieldWithControlCharacter(const nlohmann::json& value,
                                                     const std::string& path) {
  if (value.is_string()) {
    return HasControlCharacter(value.get_ref<const std::string&>())
               ? std::optional<std::string>(path)
               : std::nullopt;
  }
  if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      if (auto found = FieldWithControlCharacter(value[i], path + "[" + std::to_string(i) + "]")) {
        return found;
      }
    }
  } else if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      const std::string field = path.empty() ? key : path + "." + key;
      if (HasControlCharacter(key)) {
        return path.empty() ? std::string("body") : path;  // not the key itself
      }
      if (auto found = FieldWithControlCharacter(item, field)) {
        return found;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json ParseJsonBody(std::string_view body) {
  // A key given twice in one object is refused: readers disagree on which one counts (the last
  // one here, the first one elsewhere), so what was checked need not be what is stored.
  std::vector<std::set<std::string>> keys_of_open_objects;
  std::optional<std::string> duplicate;
  const nlohmann::json::parser_callback_t watch = [&](int depth,
                                                      nlohmann::json::parse_event_t event,
                                                      nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    // Every reader of a body (the control character check here, a schema's nested records)
    // recurses per level: a body of a million "[" must not take the server's stack.
    if ((event == Event::object_start || event == Event::array_start) && depth >= kMaxJsonDepth) {
      throw ApiError(ErrorCode::kBadRequest, "The request body nests deeper than " +
                                                 std::to_string(kMaxJsonDepth) + " levels");
    }
    if (event == Event::object_start) {
      keys_of_open_objects.emplace_back();
    } else if (event == Event::object_end && !keys_of_open_objects.empty()) {
      keys_of_open_objects.pop_back();
    } else if (event == Event::key && !keys_of_open_objects.empty() && !duplicate &&
               !keys_of_open_objects.back().insert(parsed.get<std::string>()).second) {
      duplicate = parsed.get<std::string>();
    }
    return true;
  };
  auto parsed = nlohmann::json::parse(body, watch, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    throw ApiError(ErrorCode::kBadRequest, "The request body is not valid JSON");
  }
  if (duplicate) {
    throw ApiError(ErrorCode::kBadRequest, "The request body names \"" + duplicate->substr(0, 100) +
                                               "\" twice in one object");
  }
  if (auto field = FieldWithControlCharacter(parsed, "")) {
    throw ValidationError(*field,
                          "Must not contain control characters (only tabs and line breaks)");
  }
  return parsed;
}

JsonInput::JsonInput(const nlohmann::json& object, std::string path_prefix)
    : object_(object), prefix_(std::move(path_prefix)) {
  if (!object_.is_object()) {
    throw ApiError(ErrorCode::kValidationFailed,
                   prefix_.empty() ? "Expected a JSON object" : "Expected an object", prefix_);
  }
}

std::string JsonInput::FieldName(std::string_view key) const {
  return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

std::string JsonInput::FieldName(std::string_view key, size_t index) const {
  return FieldName(key) + "[" + std::to_string(index) + "]";
}

const nlohmann::json* JsonInput::Find(std::string_view key) const {
  auto it = object_.find(key);
  if (it == object_.end() || it->is_null()) {
    return nullptr;
  }
  return &*it;
}

bool JsonInput::Has(std::string_view key) const { return Find(key) != nullptr; }

std::optional<std::string> JsonInput::OptionalString(std::string_view key,
                                                     size_t max_length) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    throw ValidationError(FieldName(key), "Must be a string");
  }
  std::string trimmed = Trim(value->get_ref<const std::string&>());
  if (trimmed.empty()) {
    return std::nullopt;
  }
  if (trimmed.size() > max_length) {
    throw ValidationError(FieldName(key),
                          "Must be at most " + std::to_string(max_length) + " characters");
  }
  return trimmed;
}

std::string JsonInput::RequiredString(std::string_view key, size_t max_length) const {
  auto value = OptionalString(key, max_length);
  if (!value) {
    throw ValidationError(FieldName(key), "Is required");
  }
  return *value;
}

std::optional<int64_t> JsonInput::OptionalInt(std::string_view key, int64_t min,
                                              int64_t max) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  int64_t number = 0;
  if (value->is_number_integer()) {
    number = value->get<int64_t>();
  } else if (value->is_number_float() && std::nearbyint(value->get<double>()) == value->get<double>() &&
             std::abs(value->get<double>()) < 9e15) {
    number = static_cast<int64_t>(value->get<double>());
  } else {
    throw ValidationError(FieldName(key), "Must be a whole number");
  }
  if (number < min || number > max) {
    throw ValidationError(FieldName(key), "Must be between " + std::to_string(min) + " and " +
                                              std::to_string(max));
  }
  return number;
}

int64_t JsonInput::RequiredInt(std::string_view key, int64_t min, int64_t max) const {
  auto value = OptionalInt(key, min, max);
  if (!value) {
    throw ValidationError(FieldName(key), "Is required");
  }
  return *value;
}

std::optional<double> JsonInput::OptionalNumber(std::string_view key, double min,
                                                double max) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_number()) {
    throw ValidationError(FieldName(key), "Must be a number");
  }
  const double number = value->get<double>();
  if (!std::isfinite(number) || number < min || number > max) {
    throw ValidationError(FieldName(key), "Must be between " + std::to_string(min) + " and " +
                                              std::to_string(max));
  }
  return number;
}

std::optional<bool> JsonInput::OptionalBool(std::string_view key) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    throw ValidationError(FieldName(key), "Must be true or false");
  }
  return value->get<bool>();
}

std::optional<std::string> JsonInput::OptionalEnum(
    std::string_view key, std::span<const std::string_view> allowed) const {
  auto value = OptionalString(key, 64);
  if (!value) {
    return std::nullopt;
  }
  for (auto candidate : allowed) {
    if (*value == candidate) {
      return value;
    }
  }
  throw ValidationError(FieldName(key), "Must be one of: " + JoinAllowed(allowed));
}

std::string JsonInput::RequiredEnum(std::string_view key,
                                    std::span<const std::string_view> allowed) const {
  auto value = OptionalEnum(key, allowed);
  if (!value) {
    throw ValidationError(FieldName(key), "Is required");
  }
  return *value;
}

const nlohmann::json& JsonInput::OptionalArray(std::string_view key, size_t max_items) const {
  const auto* value = Find(key);
  if (value == nullptr) {
    return EmptyArray();
  }
  if (!value->is_array()) {
    throw ValidationError(FieldName(key), "Must be a list");
  }
  if (value->size() > max_items) {
    throw ValidationError(FieldName(key), "Must have at most " + std::to_string(max_items) + " items");
  }
  return *value;
}

}  // namespace weltcampus
