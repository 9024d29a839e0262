#include "partners/json.h"

#include "core/academic_year.h"
#include "core/json_output.h"

namespace weltcampus::partners {

namespace {

std::string Year(int first_calendar_year) { return AcademicYear(first_calendar_year).ToString(); }

}  // namespace

nlohmann::json ToJson(const Institution& i) {
  return {{"id", i.id},
          {"name", i.name},
          {"name_local", Nullable(i.name_local)},
          {"country", i.country},
          {"city", Nullable(i.city)},
          {"website", Nullable(i.website)},
          {"erasmus_code", Nullable(i.erasmus_code)},
          {"pic", Nullable(i.pic)},
          {"oid", Nullable(i.oid)},
          {"ror_id", Nullable(i.ror_id)},
          {"hei_id", Nullable(i.hei_id)},
          {"type", i.type},
          {"latitude", Nullable(i.latitude)},
          {"longitude", Nullable(i.longitude)},
          {"source", i.source},
          {"version", i.version},
          {"created_at", i.created_at},
          {"updated_at", i.updated_at}};
}

nlohmann::json ToJson(const OrgUnit& unit) {
  return {{"id", unit.id},
          {"parent_id", Nullable(unit.parent_id)},
          {"name", unit.name},
          {"name_de", Nullable(unit.name_de)},
          {"kind", unit.kind},
          {"code", Nullable(unit.code)},
          {"version", unit.version}};
}

nlohmann::json ToJson(const Partnership& p) {
  const Institution& i = p.institution;
  return {{"id", p.id},
          {"institution_id", p.institution_id},
          {"institution",
           {{"id", i.id},
            {"name", i.name},
            {"name_local", Nullable(i.name_local)},
            {"country", i.country},
            {"city", Nullable(i.city)},
            {"erasmus_code", Nullable(i.erasmus_code)},
            {"hei_id", Nullable(i.hei_id)},
            {"latitude", Nullable(i.latitude)},
            {"longitude", Nullable(i.longitude)}}},
          {"tier", p.tier},
          {"since", Nullable(p.since)},
          {"responsible_person", Nullable(p.responsible_person)},
          {"objectives", Nullable(p.objectives)},
          {"notes", Nullable(p.notes)},
          {"active_agreements", p.active_agreements},
          {"places_per_year", p.places_per_year},
          {"version", p.version},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

nlohmann::json ToJson(const Agreement& a) {
  nlohmann::json contacts = nlohmann::json::array();
  for (const auto& contact : a.contacts) {
    contacts.push_back({{"id", contact.id},
                        {"name", contact.name},
                        {"email", Nullable(contact.email)},
                        {"phone", Nullable(contact.phone)},
                        {"role", Nullable(contact.role)}});
  }
  nlohmann::json quotas = nlohmann::json::array();
  for (const auto& quota : a.quotas) {
    nlohmann::json languages = nlohmann::json::array();
    for (const auto& language : quota.languages) {
      languages.push_back({{"language", language.language}, {"cefr", language.cefr}});
    }
    quotas.push_back({{"id", quota.id},
                      {"direction", quota.direction},
                      {"category", quota.category},
                      {"isced_code", Nullable(quota.isced_code)},
                      {"eqf_levels", quota.eqf_levels},
                      {"places_per_year", quota.places_per_year},
                      {"months_per_place", Nullable(quota.months_per_place)},
                      {"days_per_place", Nullable(quota.days_per_place)},
                      {"languages", languages}});
  }
  return {{"id", a.id},
          {"partnership_id", a.partnership_id},
          {"institution_name", a.institution_name},
          {"institution_country", a.institution_country},
          {"title", Nullable(a.title)},
          {"type", a.type},
          {"status", a.status},
          {"first_academic_year", Year(a.first_academic_year)},
          {"last_academic_year", Year(a.last_academic_year)},
          {"ends_on", a.ends_on},
          {"org_unit_id", Nullable(a.org_unit_id)},
          {"partner_institution_ids", a.partner_institution_ids},
          {"contacts", contacts},
          {"quotas", quotas},
          {"version", a.version},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

nlohmann::json ToJson(const JointStructure& s) {
  return {{"id", s.id},
          {"partnership_id", s.partnership_id},
          {"kind", s.kind},
          {"name", s.name},
          {"description", Nullable(s.description)},
          {"since", Nullable(s.since)},
          {"version", s.version}};
}

nlohmann::json ToJson(const IscedField& field) {
  return {{"code", field.code},
          {"level", field.level},
          {"label_en", field.label_en},
          {"label_de", Nullable(field.label_de)}};
}

nlohmann::json ToJson(const MapPoint& point) {
  return {{"id", point.partnership_id},
          {"tier", point.tier},
          {"name", point.name},
          {"country", point.country},
          {"city", Nullable(point.city)},
          {"latitude", Nullable(point.latitude)},
          {"longitude", Nullable(point.longitude)},
          {"active_agreements", point.active_agreements}};
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
