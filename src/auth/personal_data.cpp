#include "auth/personal_data.h"

#include <algorithm>
#include <utility>

#include "core/json_schema.h"

namespace weltcampus::auth {

namespace {

std::vector<PersonalDataPart>& Parts() {
  static std::vector<PersonalDataPart> parts;
  return parts;
}

}  // namespace

void RegisterPersonalDataPart(PersonalDataPart part) {
  auto& parts = Parts();
  const auto same = std::find_if(parts.begin(), parts.end(),
                                 [&](const PersonalDataPart& p) { return p.key == part.key; });
  if (same != parts.end()) {
    *same = std::move(part);
  } else {
    parts.push_back(std::move(part));
  }
}

const std::vector<PersonalDataPart>& PersonalDataParts() { return Parts(); }

nlohmann::json ExportPersonalDataParts(store::Connection& c, int64_t user_id) {
  nlohmann::json records = nlohmann::json::object();
  for (const auto& part : Parts()) {
    records[part.key] = part.export_data(c, user_id);
  }
  return records;
}

void ErasePersonalDataParts(store::Connection& c, const audit::Actor& actor, int64_t user_id) {
  for (const auto& part : Parts()) {
    part.erase(c, actor, user_id);
  }
}

nlohmann::json PersonalDataPartsSchema() {
  nlohmann::json properties = nlohmann::json::object();
  for (const auto& part : Parts()) {
    properties[part.key] = {{"anyOf", {part.schema, {{"type", "null"}}}}};
  }
  return json_schema::Closed(std::move(properties));
}

}  // namespace weltcampus::auth
