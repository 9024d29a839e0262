#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

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
const RecordSchema<PartnerContact>& PartnerContactSchema();
const RecordSchema<PartnerNote>& PartnerNoteSchema();
const RecordSchema<MapPoint>& MapPointSchema();

// An agreement's child records, which a list page writes from the text kept with the agreement
// (agreements.children_json, db/migrations/0012_agreement_children_text.sql) instead of reading
// five tables: AgreementChildrenText writes them as the members of the agreement's JSON, in the
// order the repository reads them (EQF levels ascending).
inline constexpr std::array<std::string_view, 3> kAgreementChildKeys = {"partner_institution_ids",
                                                                        "contacts", "quotas"};
std::string AgreementChildrenText(const Agreement& agreement);

// Answers that are not records, written by hand in json.cpp.
NamedSchema PartnerOverviewSchema();
NamedSchema SummarySchema();
NamedSchema PartnerCountriesSchema();
// The world map's answer: every partner of a filter, one array a field (json.cpp PartnerMapJson).
NamedSchema PartnerMapSchema();

}  // namespace weltcampus::partners
