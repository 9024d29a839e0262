#include "system/settings.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

#include "core/codes.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"
#include "store/settings.h"

namespace weltcampus::system {

HomeSettings LoadHomeSettings(store::Connection& connection) {
  HomeSettings settings;
  for (const auto& row : connection.Query("SELECT key, value FROM settings WHERE key LIKE 'home.%'")) {
    const std::string key = row.Text("key");
    const std::string value = row.Text("value");
    if (key == "home.institution_name") settings.institution_name = value;
    if (key == "home.school_name") settings.school_name = value;
    if (key == "home.erasmus_code") settings.erasmus_code = value;
    if (key == "home.hei_id") settings.hei_id = value;
    if (key == "home.country") settings.country = value;
    if (key == "home.institution_name_de") settings.institution_name_de = value;
    if (key == "home.school_name_de") settings.school_name_de = value;
    if (key == "home.version") settings.version = std::max<int64_t>(1, std::atoll(value.c_str()));
  }
  return settings;
}

void SaveHomeSettings(store::Connection& connection, const HomeSettings& settings) {
  store::SetSetting(connection, "home.institution_name", settings.institution_name);
  store::SetSetting(connection, "home.school_name", settings.school_name);
  store::SetSetting(connection, "home.erasmus_code", settings.erasmus_code);
  store::SetSetting(connection, "home.hei_id", settings.hei_id);
  store::SetSetting(connection, "home.country", settings.country);
  store::SetSetting(connection, "home.institution_name_de", settings.institution_name_de);
  store::SetSetting(connection, "home.school_name_de", settings.school_name_de);
  store::SetSetting(connection, "home.version", std::to_string(settings.version));
}

HomeSettings MergeHomeSettings(const HomeSettings& current, const nlohmann::json& input) {
  const JsonInput in(input);
  HomeSettings merged = current;
  if (auto value = in.OptionalString("institution_name", 300)) merged.institution_name = *value;
  if (auto value = in.OptionalString("school_name", 300)) merged.school_name = *value;
  if (auto value = in.OptionalString("institution_name_de", 300)) {
    merged.institution_name_de = *value;
  }
  if (auto value = in.OptionalString("school_name_de", 300)) merged.school_name_de = *value;
  if (auto value = in.OptionalString("erasmus_code", 20)) {
    if (!IsValidErasmusCode(*value)) {
      throw ValidationError("erasmus_code", "Not an Erasmus code such as \"D  DRESDEN02\"");
    }
    merged.erasmus_code = *value;
  }
  if (auto value = in.OptionalString("hei_id", 253)) merged.hei_id = *value;
  if (auto value = in.OptionalString("country", 2)) {
    if (!IsValidCountryCode(*value)) {
      throw ValidationError("country", "Not an ISO 3166-1 alpha-2 country code");
    }
    merged.country = *value;
  }
  return merged;
}

nlohmann::json ToJson(const HomeSettings& settings) {
  return {{"institution_name", settings.institution_name},
          {"school_name", settings.school_name},
          {"erasmus_code", settings.erasmus_code},
          {"hei_id", settings.hei_id},
          {"country", settings.country},
          {"institution_name_de", settings.institution_name_de},
          {"school_name_de", settings.school_name_de},
          {"version", settings.version}};
}

namespace {

constexpr std::array<std::pair<const char*, size_t>, 7> kHomeFields = {
    {{"institution_name", 300},
     {"school_name", 300},
     {"erasmus_code", 20},
     {"hei_id", 253},
     {"country", 2},
     {"institution_name_de", 300},
     {"school_name_de", 300}}};

}  // namespace

NamedSchema HomeSettingsSchema() {
  nlohmann::json properties = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [key, max_length] : kHomeFields) {
    // Empty until the school has set it.
    properties[key] = {{"type", "string"}, {"maxLength", max_length}};
    required.push_back(key);
  }
  properties["version"] = {{"type", "integer"}, {"minimum", 1}};
  required.push_back("version");
  return {"HomeSettings",
          {{"type", "object"}, {"required", required}, {"additionalProperties", false}, {"properties", properties}}};
}

NamedSchema HomeSettingsInputSchema() {
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& [key, max_length] : kHomeFields) {
    properties[key] = {{"type", {"string", "null"}}, {"maxLength", max_length}};
  }
  return {"HomeSettingsInput", {{"type", "object"}, {"properties", properties}}};
}

}  // namespace weltcampus::system
