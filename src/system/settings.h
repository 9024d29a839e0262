#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/record_schema.h"
#include "store/sql.h"

namespace weltcampus::system {

// The home institution and school: data, not code, so any school can run Weltcampus.
struct HomeSettings {
  std::string institution_name;
  std::string school_name;
  std::string erasmus_code;
  std::string hei_id;
  std::string country;
  // The names in German, shown on German screens; empty: the names above are shown.
  std::string institution_name_de;
  std::string school_name_de;
  // Counts the changes, for If-Match like a record's version (kept as the setting home.version).
  int64_t version = 1;
};

HomeSettings LoadHomeSettings(store::Connection& connection);
// Writes the settings with the version they carry (the caller counts it up).
void SaveHomeSettings(store::Connection& connection, const HomeSettings& settings);
// Validates a JSON object of home settings (all fields optional, merged onto current ones).
HomeSettings MergeHomeSettings(const HomeSettings& current, const nlohmann::json& input);
nlohmann::json ToJson(const HomeSettings& settings);
// The schemas of the answer (ToJson) and of a change (MergeHomeSettings: every field optional).
NamedSchema HomeSettingsSchema();
NamedSchema HomeSettingsInputSchema();


}  // namespace weltcampus::system
