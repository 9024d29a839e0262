#include "partners/schemas.h"

#include <algorithm>
#include <cctype>

#include "core/codes.h"

namespace weltcampus::partners {

namespace {

constexpr size_t kNameLength = 300;
constexpr size_t kTextLength = 10000;

constexpr const char* kCountryMessage = "Must be an ISO 3166-1 alpha-2 code such as GB";

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The part of an institution a partnership shows.
RecordSchema<Institution> InstitutionSummarySchema() {
  return RecordSchema<Institution>("InstitutionSummary")
      .Int("id", &Institution::id, 1, INT64_MAX)
      .Text("name", &Institution::name, kNameLength)
      .Text("name_local", &Institution::name_local, kNameLength)
      .Text("country", &Institution::country, 2)
      .Text("city", &Institution::city, 200)
      .Text("erasmus_code", &Institution::erasmus_code, 20)
      .Text("hei_id", &Institution::hei_id, 253)
      .Number("latitude", &Institution::latitude, -90, 90)
      .Number("longitude", &Institution::longitude, -180, 180);
}

RecordSchema<Contact> ContactSchema() {
  return RecordSchema<Contact>("Contact")
      .ChildId("id", &Contact::id)
      .Text("name", &Contact::name, 200)
      .Text("email", &Contact::email, 254)
      .Check(IsPlausibleEmail, "Not an e-mail address")
      .Schema({{"format", "email"}})
      .Text("phone", &Contact::phone, 50)
      .Text("role", &Contact::role, 100);
}

RecordSchema<LanguageRequirement> LanguageRequirementSchema() {
  return RecordSchema<LanguageRequirement>("LanguageRequirement")
      .Text("language", &LanguageRequirement::language, 2)
      .Check(IsValidLanguageCode, "Must be an ISO 639-1 code such as en")
      .Schema({{"pattern", "^[a-z]{2}$"}})
      .Text("cefr", &LanguageRequirement::cefr, 2)
      .Check(IsValidCefrLevel, "Must be a CEFR level from A1 to C2")
      .Schema({{"enum", {"A1", "A2", "B1", "B2", "C1", "C2"}}});
}

RecordSchema<Quota> QuotaSchema() {
  return RecordSchema<Quota>("Quota")
      .ChildId("id", &Quota::id)
      .Enum("direction", &Quota::direction, kDirectionTable)
      .Enum("category", &Quota::category, kQuotaCategoryTable)
      .Text("isced_code", &Quota::isced_code, 4)
      .Check(IsIscedCodeShape, "Must be an ISCED-F 2013 code such as 0912")
      .Schema({{"pattern", "^[0-9]{2,4}$"}})
      .IntList("eqf_levels", &Quota::eqf_levels, 5, 8, 4)
      .Message("Must be an EQF level from 5 to 8")
      .Int("places_per_year", &Quota::places_per_year, 0, 10000)
      .Number("months_per_place", &Quota::months_per_place, 0.1, 60)
      .Int("days_per_place", &Quota::days_per_place, 1, 365)
      .List("languages", &Quota::languages, LanguageRequirementSchema(), 10);
}

}  // namespace

const RecordSchema<Institution>& InstitutionSchema() {
  static const auto schema =
      RecordSchema<Institution>("Institution")
          .Key(&Institution::id, &Institution::version)
          .Text("name", &Institution::name, kNameLength)
          .Text("name_local", &Institution::name_local, kNameLength)
          .Text("country", &Institution::country, 2)
          .Check(IsValidCountryCode, kCountryMessage)
          .Schema({{"pattern", "^[A-Z]{2}$"}})
          .Text("city", &Institution::city, 200)
          .Text("website", &Institution::website, 2048)
          .Check(IsPlausibleWebAddress, "Must be a web address starting with https:// or http://")
          // Trimmed at the ends only: the spaces inside a code matter ("D  DRESDEN02").
          .Text("erasmus_code", &Institution::erasmus_code, 20)
          .Check(IsValidErasmusCode,
                 "Not an Erasmus code such as \"D  DRESDEN02\" or \"PL WROCLAW05\"")
          .Text("pic", &Institution::pic, 20)
          .Check(AllDigits, "A PIC has digits only")
          .Text("oid", &Institution::oid, 20)
          .Text("ror_id", &Institution::ror_id, 100)
          .Text("hei_id", &Institution::hei_id, 253)
          .Enum("type", &Institution::type, kInstitutionTypeTable, InstitutionType::kUniversity)
          .Number("latitude", &Institution::latitude, -90, 90)
          .Number("longitude", &Institution::longitude, -180, 180)
          .Text("source", &Institution::source, 50)
          .ReadOnly()
          .Schema({{"enum", {"manual", "eche", "world-universities"}}})
          .Timestamps(&Institution::created_at, &Institution::updated_at);
  return schema;
}

const RecordSchema<Partnership>& PartnershipSchema() {
  static const auto schema =
      RecordSchema<Partnership>("Partnership")
          .Key(&Partnership::id, &Partnership::version)
          .Int("institution_id", &Partnership::institution_id, 1, INT64_MAX)
          .Object("institution", &Partnership::institution, InstitutionSummarySchema())
          .Enum("tier", &Partnership::tier, kTierTable)
          .Date("since", &Partnership::since)
          .Text("responsible_person", &Partnership::responsible_person, 200)
          .Text("objectives", &Partnership::objectives, kTextLength)
          .Text("objectives_de", &Partnership::objectives_de, kTextLength)
          .Text("notes", &Partnership::notes, kTextLength)
          .Text("nomination_deadline_winter", &Partnership::nomination_deadline_winter, 5)
          .Check(IsMonthDay, "Must be a day of the year as MM-DD, such as 04-15")
          .Schema({{"pattern", "^[0-9]{2}-[0-9]{2}$"},
                   {"description",
                    "The partner's deadline for nominations for the winter "
                    "semester and full-year stays"}})
          .Text("nomination_deadline_summer", &Partnership::nomination_deadline_summer, 5)
          .Check(IsMonthDay, "Must be a day of the year as MM-DD, such as 10-15")
          .Schema(
              {{"pattern", "^[0-9]{2}-[0-9]{2}$"},
               {"description", "The partner's deadline for nominations for the summer semester"}})
          .Int("active_agreements", &Partnership::active_agreements, 0, INT64_MAX)
          .ReadOnly()
          .Int("places_per_year", &Partnership::places_per_year, 0, INT64_MAX)
          .ReadOnly()
          .Timestamps(&Partnership::created_at, &Partnership::updated_at);
  return schema;
}

const RecordSchema<Agreement>& AgreementSchema() {
  static const auto schema =
      RecordSchema<Agreement>("Agreement")
          .Key(&Agreement::id, &Agreement::version)
          .Int("partnership_id", &Agreement::partnership_id, 1, INT64_MAX)
          .Text("institution_name", &Agreement::institution_name, kNameLength)
          .ReadOnly()
          .Text("institution_country", &Agreement::institution_country, 2)
          .ReadOnly()
          .Text("title", &Agreement::title, kNameLength)
          .Text("title_de", &Agreement::title_de, kNameLength)
          .Enum("type", &Agreement::type, kAgreementTypeTable)
          .Enum("status", &Agreement::status, kAgreementStatusTable, AgreementStatus::kDraft)
          .AcademicYearField("first_academic_year", &Agreement::first_academic_year)
          .AcademicYearField("last_academic_year", &Agreement::last_academic_year)
          .Date("ends_on", &Agreement::ends_on)
          .Int("org_unit_id", &Agreement::org_unit_id, 1, INT64_MAX)
          .IntList("partner_institution_ids", &Agreement::partner_institution_ids, 1, INT64_MAX, 20)
          .Message("Must be an institution id")
          .List("contacts", &Agreement::contacts, ContactSchema(), 20)
          .List("quotas", &Agreement::quotas, QuotaSchema(), 200)
          .Int("predecessor_id", &Agreement::predecessor_id, 1, INT64_MAX)
          .ReadOnly()
          .Int("successor_id", &Agreement::successor_id, 1, INT64_MAX)
          .ReadOnly()
          .Timestamps(&Agreement::created_at, &Agreement::updated_at);
  return schema;
}

std::string AgreementChildrenText(const Agreement& agreement) {
  Agreement stored;
  stored.partner_institution_ids = agreement.partner_institution_ids;
  stored.contacts = agreement.contacts;
  stored.quotas = agreement.quotas;
  for (auto& quota : stored.quotas) {
    std::sort(quota.eqf_levels.begin(), quota.eqf_levels.end());
  }
  std::string text;
  JsonWriter out(text);
  AgreementSchema().WriteFields(stored, out, kAgreementChildKeys);
  return text;
}

const RecordSchema<JointStructure>& JointStructureSchema() {
  static const auto schema =
      RecordSchema<JointStructure>("JointStructure")
          .Key(&JointStructure::id, &JointStructure::version)
          .Int("partnership_id", &JointStructure::partnership_id, 1, INT64_MAX)
          .ReadOnly()
          .Enum("kind", &JointStructure::kind, kJointStructureKindTable)
          .Text("name", &JointStructure::name, kNameLength)
          .Text("description", &JointStructure::description, kTextLength)
          .Text("description_de", &JointStructure::description_de, kTextLength)
          .Date("since", &JointStructure::since);
  return schema;
}

const RecordSchema<PartnerContact>& PartnerContactSchema() {
  static const auto schema =
      RecordSchema<PartnerContact>("PartnerContact")
          .Key(&PartnerContact::id, &PartnerContact::version)
          .Int("partnership_id", &PartnerContact::partnership_id, 1, INT64_MAX)
          .ReadOnly()
          .Enum("role", &PartnerContact::role, kPartnerContactRoleTable)
          .Text("name", &PartnerContact::name, 200)
          .Text("unit", &PartnerContact::unit, 300)
          .Text("email", &PartnerContact::email, 254)
          .Check(IsPlausibleEmail, "Not an e-mail address")
          .Schema({{"format", "email"}})
          .Text("phone", &PartnerContact::phone, 50)
          .Text("address", &PartnerContact::address, 1000)
          .Timestamps(&PartnerContact::created_at, &PartnerContact::updated_at);
  return schema;
}

const RecordSchema<PartnerNote>& PartnerNoteSchema() {
  static const auto schema = RecordSchema<PartnerNote>("PartnerNote")
                                 .Key(&PartnerNote::id, &PartnerNote::version)
                                 .Int("partnership_id", &PartnerNote::partnership_id, 1, INT64_MAX)
                                 .ReadOnly()
                                 .Int("agreement_id", &PartnerNote::agreement_id, 1, INT64_MAX)
                                 .RequiredDate("noted_on", &PartnerNote::noted_on)
                                 .Enum("kind", &PartnerNote::kind, kPartnerNoteKindTable)
                                 .Text("text", &PartnerNote::text, kTextLength)
                                 .Timestamps(&PartnerNote::created_at, &PartnerNote::updated_at);
  return schema;
}

const RecordSchema<MapPoint>& MapPointSchema() {
  static const auto schema = RecordSchema<MapPoint>("MapPoint")
                                 .Int("id", &MapPoint::partnership_id, 1, INT64_MAX)
                                 .Enum("tier", &MapPoint::tier, kTierTable)
                                 .Text("name", &MapPoint::name, kNameLength)
                                 .Text("country", &MapPoint::country, 2)
                                 .Text("city", &MapPoint::city, 200)
                                 .Number("latitude", &MapPoint::latitude, -90, 90)
                                 .Number("longitude", &MapPoint::longitude, -180, 180)
                                 .Int("active_agreements", &MapPoint::active_agreements, 0, INT64_MAX);
  return schema;
}

namespace {

nlohmann::json ArrayOf(nlohmann::json item) { return {{"type", "array"}, {"items", std::move(item)}}; }

nlohmann::json Count() { return {{"type", "integer"}, {"minimum", 0}}; }

nlohmann::json AcademicYearText() {
  return {{"type", "string"}, {"pattern", "^[0-9]{4}/[0-9]{4}$"}};
}

nlohmann::json Closed(nlohmann::json properties) {
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [key, value] : properties.items()) {
    required.push_back(key);
  }
  return {{"type", "object"},
          {"required", required},
          {"additionalProperties", false},
          {"properties", std::move(properties)}};
}

}  // namespace

NamedSchema PartnerOverviewSchema() {
  nlohmann::json by_category = {{"type", "object"},
                                {"propertyNames", {{"enum", kQuotaCategoryTable.Json()}}},
                                {"additionalProperties", Count()}};
  return {"PartnerOverview",
          Closed({{"partnership", PartnershipSchema().OutputSchema()},
                  {"agreements", ArrayOf(AgreementSchema().OutputSchema())},
                  {"places_by_year", ArrayOf(Closed({{"academic_year", AcademicYearText()},
                                                     {"outgoing", Count()},
                                                     {"incoming", Count()},
                                                     {"outgoing_by_category", by_category},
                                                     {"incoming_by_category", by_category}}))},
                  {"joint_structures", ArrayOf(JointStructureSchema().OutputSchema())}})};
}

NamedSchema PartnerCountriesSchema() {
  return {"PartnerCountries",
          Closed({{"items",
                   ArrayOf(Closed({{"country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}}},
                                   {"partners", Count()}}))}})};
}

NamedSchema SummarySchema() {
  nlohmann::json tiers = nlohmann::json::object();
  for (auto tier : kTiers) {
    tiers[std::string(tier)] = Count();
  }
  return {"Summary", Closed({{"academic_year", AcademicYearText()},
                             {"partners_by_tier", Closed(tiers)},
                             {"partners", Count()},
                             {"active_agreements", Count()},
                             {"places_per_year", Closed({{"outgoing", Count()}, {"incoming", Count()}})},
                             {"countries", Count()}})};
}

NamedSchema PartnerMapSchema() {
  const auto nullable = [](nlohmann::json schema) {
    schema["type"] = nlohmann::json::array({schema["type"], "null"});
    return schema;
  };
  nlohmann::json schema = Closed(
      {{"total", Count()},
       {"id", ArrayOf({{"type", "integer"}, {"minimum", 1}})},
       {"tier", ArrayOf({{"enum", kTierTable.Json()}})},
       {"name", ArrayOf({{"type", "string"}, {"maxLength", kNameLength}})},
       {"country", ArrayOf({{"type", "string"}, {"pattern", "^[A-Z]{2}$"}})},
       {"city", ArrayOf(nullable({{"type", "string"}, {"maxLength", 200}}))},
       {"latitude", ArrayOf(nullable({{"type", "number"}, {"minimum", -90}, {"maximum", 90}}))},
       {"longitude", ArrayOf(nullable({{"type", "number"}, {"minimum", -180}, {"maximum", 180}}))},
       {"active_agreements", ArrayOf(Count())}});
  schema["description"] =
      "Every partner matching the filters, one array a field, all of length total: the i-th "
      "partner is id[i], tier[i], name[i] ... (its partnership's id, tier, its institution's name, "
      "country, city, coordinates rounded to 4 decimals, and its active agreements), ordered by "
      "name.";
  return {"PartnerMap", std::move(schema)};
}

}  // namespace weltcampus::partners
