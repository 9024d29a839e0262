#include "partners/json.h"

#include <cmath>
#include <map>

#include "core/academic_year.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

namespace {

std::string Year(int first_calendar_year) { return AcademicYear(first_calendar_year).ToString(); }

nlohmann::json ByCategory(const std::map<QuotaCategory, int64_t>& places) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [category, count] : places) {
    out[std::string(kQuotaCategoryTable.Name(category))] = count;
  }
  return out;
}

}  // namespace

void WriteJson(const Institution& institution, JsonWriter& out) {
  InstitutionSchema().Write(institution, out);
}
void WriteJson(const Partnership& partnership, JsonWriter& out) {
  PartnershipSchema().Write(partnership, out);
}
void WriteJson(const Agreement& agreement, JsonWriter& out) {
  if (agreement.children_json.empty()) {
    AgreementSchema().Write(agreement, out);
  } else {
    AgreementSchema().WriteWith(agreement, out, kAgreementChildKeys, agreement.children_json);
  }
}
void WriteJson(const JointStructure& structure, JsonWriter& out) {
  JointStructureSchema().Write(structure, out);
}

void WriteJson(const PartnerContact& contact, JsonWriter& out) {
  PartnerContactSchema().Write(contact, out);
}

void WriteJson(const PartnerNote& note, JsonWriter& out) { PartnerNoteSchema().Write(note, out); }

nlohmann::json ToJson(const Institution& institution) { return InstitutionSchema().Write(institution); }

nlohmann::json ToJson(const Partnership& partnership) { return PartnershipSchema().Write(partnership); }

nlohmann::json ToJson(const Agreement& agreement) {
  // Through the text, which may hold the children kept with the agreement (an export of a list).
  std::string text;
  JsonWriter out(text);
  WriteJson(agreement, out);
  return nlohmann::json::parse(text);
}

nlohmann::json ToJson(const JointStructure& structure) {
  return JointStructureSchema().Write(structure);
}

nlohmann::json ToJson(const PartnerContact& contact) {
  return PartnerContactSchema().Write(contact);
}

nlohmann::json ToJson(const PartnerNote& note) { return PartnerNoteSchema().Write(note); }

nlohmann::json ToJson(const MapPoint& point) { return MapPointSchema().Write(point); }

nlohmann::json PartnerMapJson(const std::vector<MapPoint>& points) {
  // Four decimals are about 10 m: more than a world map can show, and a third fewer bytes.
  const auto coordinate = [](const std::optional<double>& value) -> nlohmann::json {
    if (!value) {
      return nullptr;
    }
    return std::round(*value * 1e4) / 1e4;
  };
  const auto optional_text = [](const std::optional<std::string>& value) -> nlohmann::json {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json ids = nlohmann::json::array();
  nlohmann::json tiers = nlohmann::json::array();
  nlohmann::json names = nlohmann::json::array();
  nlohmann::json countries = nlohmann::json::array();
  nlohmann::json cities = nlohmann::json::array();
  nlohmann::json latitudes = nlohmann::json::array();
  nlohmann::json longitudes = nlohmann::json::array();
  nlohmann::json active = nlohmann::json::array();
  for (const auto& point : points) {
    ids.push_back(point.partnership_id);
    tiers.push_back(kTierTable.Name(point.tier));
    names.push_back(point.name);
    countries.push_back(point.country);
    cities.push_back(optional_text(point.city));
    latitudes.push_back(coordinate(point.latitude));
    longitudes.push_back(coordinate(point.longitude));
    active.push_back(point.active_agreements);
  }
  return {{"total", static_cast<int64_t>(points.size())},
          {"id", std::move(ids)},
          {"tier", std::move(tiers)},
          {"name", std::move(names)},
          {"country", std::move(countries)},
          {"city", std::move(cities)},
          {"latitude", std::move(latitudes)},
          {"longitude", std::move(longitudes)},
          {"active_agreements", std::move(active)}};
}

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
                     {"outgoing_by_category", ByCategory(year.outgoing_by_category)},
                     {"incoming_by_category", ByCategory(year.incoming_by_category)}});
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
  nlohmann::json tiers = nlohmann::json::object();
  for (auto name : kTierTable.names()) {
    tiers[std::string(name)] = 0;
  }
  for (const auto& [tier, count] : summary.partners_by_tier) {
    tiers[std::string(kTierTable.Name(tier))] = count;
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
