#pragma once

#include <nlohmann/json.hpp>

#include "partners/model.h"

namespace weltcampus::partners {

// Reading a client's JSON into the model: every field checked for type, length and meaning, each
// failure naming its field. Checks that need the database (does the referenced record exist?)
// are the service's.
Institution InstitutionFromJson(const nlohmann::json& body);
Partnership PartnershipFromJson(const nlohmann::json& body);
Agreement AgreementFromJson(const nlohmann::json& body);
// The rules across an agreement's fields (its years, its quotas' units) that AgreementFromJson
// applies after reading the fields; sets `ends_on` from the last academic year. For an agreement
// changed otherwise than from a client's whole record (partners/bulk.h).
void CheckAgreementFields(Agreement& agreement);

}  // namespace weltcampus::partners
