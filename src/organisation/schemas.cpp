#include "organisation/schemas.h"

namespace weltcampus::organisation {

namespace {
constexpr size_t kNameLength = 300;
}  // namespace

const RecordSchema<OrgUnit>& OrgUnitSchema() {
  static const auto schema = RecordSchema<OrgUnit>("OrgUnit")
                                 .Key(&OrgUnit::id, &OrgUnit::version)
                                 .Int("parent_id", &OrgUnit::parent_id, 1, INT64_MAX)
                                 .Text("name", &OrgUnit::name, kNameLength)
                                 .Text("name_de", &OrgUnit::name_de, kNameLength)
                                 .Enum("kind", &OrgUnit::kind, kOrgUnitKindTable)
                                 .Text("code", &OrgUnit::code, 50);
  return schema;
}

const RecordSchema<IscedField>& IscedFieldSchema() {
  static const auto schema = RecordSchema<IscedField>("IscedField")
                                 .Text("code", &IscedField::code, 4)
                                 .Text("level", &IscedField::level, 20)
                                 .Schema({{"enum", {"broad", "narrow", "detailed"}}})
                                 .Text("label_en", &IscedField::label_en, kNameLength)
                                 .Text("label_de", &IscedField::label_de, kNameLength);
  return schema;
}

void WriteJson(const OrgUnit& unit, JsonWriter& out) { OrgUnitSchema().Write(unit, out); }
void WriteJson(const IscedField& field, JsonWriter& out) { IscedFieldSchema().Write(field, out); }
nlohmann::json ToJson(const OrgUnit& unit) { return OrgUnitSchema().Write(unit); }
nlohmann::json ToJson(const IscedField& field) { return IscedFieldSchema().Write(field); }

nlohmann::json Enumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kOrgUnitKindTable.api_name())] = kOrgUnitKindTable.Json();
  values["isced_level"] = kIscedLevels;
  return {{"enumerations", values}};
}

}  // namespace weltcampus::organisation
