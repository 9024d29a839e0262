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

}  // namespace weltcampus::partners
