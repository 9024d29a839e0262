#pragma once

#include <nlohmann/json.hpp>

#include "core/record_schema.h"
#include "partners/model.h"

namespace weltcampus::partners {

// The partners module's record definitions (core/record_schema.h): each one reads the record from
// a client's JSON (input.cpp adds the rules across fields), writes it (json.cpp) and gives the
// schemas the routes declare for the OpenAPI document.
const RecordSchema<Institution>& InstitutionSchema();
const RecordSchema<Partnership>& PartnershipSchema();
const RecordSchema<Agreement>& AgreementSchema();
const RecordSchema<JointStructure>& JointStructureSchema();
const RecordSchema<MapPoint>& MapPointSchema();

// Answers that are not records, written by hand in json.cpp.
NamedSchema PartnerOverviewSchema();
NamedSchema SummarySchema();
// The world map's answer: every partner of a filter, one array a field (json.cpp PartnerMapJson).
NamedSchema PartnerMapSchema();

}  // namespace weltcampus::partners
