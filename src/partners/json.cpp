#include "partners/json.h"

#include "core/academic_year.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

namespace {

std::string Year(int first_calendar_year) { return AcademicYear(first_calendar_year).ToString(); }

}  // namespace

nlohmann::json ToJson(const Institution& institution) { return InstitutionSchema().Write(institution); }

nlohmann::json ToJson(const Partnership& partnership) { return PartnershipSchema().Write(partnership); }

nlohmann::json ToJson(const Agreement& agreement) { return AgreementSchema().Write(agreement); }

nlohmann::json ToJson(const JointStructure& structure) {
  return JointStructureSchema().Write(structure);
}

nlohmann::json ToJson(const MapPoint& point) { return MapPointSchema().Write(point); }

nlohmann::json ToJson(const PartnerOverview& overview) {
  nlohmann::json agreements = nlohmann::json::array();
  for (const auto& agreement : overview.agreements) {
    agreements.push_back(ToJson(agreement));
  }
  nlohmann::json years = nlohmann::json::array();
  for (const auto& year : overview.places_by_year) {
    years.push_back({{"academic_year", Year(year.academic_year)},
                     {"outgoing", year.outgoing},
                     {"incoming", year.incoming},
                     {"by_category", year.by_category}});
  }
  nlohmann::json structures = nlohmann::json::array();
  for (const auto& structure : overview.joint_structures) {
    structures.push_back(ToJson(structure));
  }
  return {{"partnership", ToJson(overview.partnership)},
          {"agreements", agreements},
          {"places_by_year", years},
          {"joint_structures", structures}};
}

nlohmann::json ToJson(const repository::Summary& summary, int academic_year) {
  nlohmann::json tiers = {{"strategic", 0}, {"transcampus", 0}, {"standard", 0}};
  for (const auto& [tier, count] : summary.partners_by_tier) {
    tiers[tier] = count;
  }
  return {{"academic_year", Year(academic_year)},
          {"partners_by_tier", tiers},
          {"partners", summary.partners},
          {"active_agreements", summary.active_agreements},
          {"places_per_year",
           {{"outgoing", summary.outgoing_places}, {"incoming", summary.incoming_places}}},
          {"countries", summary.countries}};
}

}  // namespace weltcampus::partners
