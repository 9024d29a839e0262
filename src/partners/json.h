#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/json_writer.h"
#include "partners/model.h"
#include "partners/repository.h"
#include "partners/schemas.h"
#include "partners/service.h"

namespace weltcampus::partners {

// A record as the API writes it: as text into a page or a record answer (http/responses.h), as a
// value for the audit log and the exports.
void WriteJson(const Institution& institution, JsonWriter& out);
void WriteJson(const Partnership& partnership, JsonWriter& out);
void WriteJson(const Agreement& agreement, JsonWriter& out);
void WriteJson(const JointStructure& structure, JsonWriter& out);
void WriteJson(const PartnerContact& contact, JsonWriter& out);
void WriteJson(const PartnerNote& note, JsonWriter& out);
nlohmann::json ToJson(const Institution& institution);
nlohmann::json ToJson(const Partnership& partnership);
nlohmann::json ToJson(const Agreement& agreement);
nlohmann::json ToJson(const JointStructure& structure);
nlohmann::json ToJson(const PartnerContact& contact);
nlohmann::json ToJson(const PartnerNote& note);
nlohmann::json ToJson(const MapPoint& point);
// The world map's compact answer (PartnerMapSchema): one array a field.
nlohmann::json PartnerMapJson(const std::vector<MapPoint>& points);
nlohmann::json ToJson(const PartnerOverview& overview);
nlohmann::json ToJson(const repository::Summary& summary, int academic_year);

}  // namespace weltcampus::partners
