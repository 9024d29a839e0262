#pragma once

#include "core/record_schema.h"
#include "organisation/model.h"

namespace weltcampus::organisation {

// The organisation's record definitions (core/record_schema.h).
const RecordSchema<OrgUnit>& OrgUnitSchema();
const RecordSchema<IscedField>& IscedFieldSchema();

// A record as the API writes it: as text into the answers (http/responses.h), as a value for the
// audit log and the exports.
void WriteJson(const OrgUnit& unit, JsonWriter& out);
void WriteJson(const IscedField& field, JsonWriter& out);
nlohmann::json ToJson(const OrgUnit& unit);
nlohmann::json ToJson(const IscedField& field);

}  // namespace weltcampus::organisation
