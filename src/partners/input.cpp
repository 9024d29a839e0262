#include "partners/input.h"

#include <algorithm>

#include "core/academic_year.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/error.h"
#include "core/json_input.h"

namespace weltcampus::partners {

namespace {

constexpr size_t kNameLength = 300;
constexpr size_t kTextLength = 10000;

std::optional<std::string> OptionalDate(const JsonInput& in, std::string_view key) {
  auto text = in.OptionalString(key, 10);
  if (text && !Date::Parse(*text)) {
    throw ValidationError(in.FieldName(key), "Must be a date such as 2027-09-30");
  }
  return text;
}

int RequiredAcademicYear(const JsonInput& in, std::string_view key) {
  const auto text = in.RequiredString(key, 9);
  const auto year = AcademicYear::Parse(text);
  if (!year) {
    throw ValidationError(in.FieldName(key), "Must be an academic year such as 2027/2028");
  }
  return year->first_calendar_year();
}

Quota QuotaFromJson(const nlohmann::json& body, const std::string& path) {
  const JsonInput in(body, path);
  Quota quota;
  // A quota with an id is an existing one being changed; without, a new one.
  quota.id = in.OptionalInt("id", 1, INT64_MAX).value_or(0);
  quota.direction = in.RequiredEnum("direction", kDirections);
  quota.category = in.RequiredEnum("category", kQuotaCategories);
  quota.isced_code = in.OptionalString("isced_code", 4);
  if (quota.isced_code && !IsIscedCodeShape(*quota.isced_code)) {
    throw ValidationError(in.FieldName("isced_code"), "Must be an ISCED-F 2013 code such as 0912");
  }
  const auto& levels = in.OptionalArray("eqf_levels", 4);
  for (size_t i = 0; i < levels.size(); ++i) {
    // Checked in the JSON's own 64-bit type, so that 2^32 + 7 is refused, not narrowed to 7.
    const bool in_range = levels[i].is_number_integer() &&
                          (levels[i].is_number_unsigned() ? levels[i].get<uint64_t>() <= 8
                                                          : levels[i].get<int64_t>() >= 0 &&
                                                                levels[i].get<int64_t>() <= 8);
    if (!in_range || !IsValidEqfLevel(static_cast<int>(levels[i].get<int64_t>()))) {
      throw ValidationError(in.FieldName("eqf_levels", i), "Must be an EQF level from 5 to 8");
    }
    const int level = levels[i].get<int>();
    if (std::find(quota.eqf_levels.begin(), quota.eqf_levels.end(), level) == quota.eqf_levels.end()) {
      quota.eqf_levels.push_back(level);
    }
  }
  std::sort(quota.eqf_levels.begin(), quota.eqf_levels.end());
  quota.places_per_year = in.RequiredInt("places_per_year", 0, 10000);
  quota.months_per_place = in.OptionalNumber("months_per_place", 0.1, 60);
  quota.days_per_place = in.OptionalInt("days_per_place", 1, 365);
  const bool staff = quota.category.starts_with("staff_");
  if (staff && quota.months_per_place) {
    throw ValidationError(in.FieldName("months_per_place"), "Staff mobility is counted in days");
  }
  if (!staff && quota.days_per_place) {
    throw ValidationError(in.FieldName("days_per_place"), "Student mobility is counted in months");
  }
  const auto& languages = in.OptionalArray("languages", 10);
  for (size_t i = 0; i < languages.size(); ++i) {
    const std::string item_path = in.FieldName("languages", i);
    const JsonInput language_in(languages[i], item_path);
    LanguageRequirement requirement;
    requirement.language = language_in.RequiredString("language", 2);
    if (!IsValidLanguageCode(requirement.language)) {
      throw ValidationError(language_in.FieldName("language"), "Must be an ISO 639-1 code such as en");
    }
    requirement.cefr = language_in.RequiredString("cefr", 2);
    if (!IsValidCefrLevel(requirement.cefr)) {
      throw ValidationError(language_in.FieldName("cefr"), "Must be a CEFR level from A1 to C2");
    }
    for (const auto& earlier : quota.languages) {
      if (earlier.language == requirement.language) {
        throw ValidationError(language_in.FieldName("language"), "This language is given twice");
      }
    }
    quota.languages.push_back(requirement);
  }
  return quota;
}

}  // namespace

bool IsAllowedTransition(std::string_view from, std::string_view to) {
  if (from == to) {
    return true;
  }
  if (from == "draft") return to == "in_negotiation" || to == "terminated";
  if (from == "in_negotiation") return to == "draft" || to == "signed" || to == "terminated";
  if (from == "signed") return to == "active" || to == "terminated";
  if (from == "active") return to == "expired" || to == "terminated";
  return false;
}

nlohmann::json Enumerations() {
  nlohmann::json transitions = nlohmann::json::object();
  for (auto from : kAgreementStatuses) {
    nlohmann::json next = nlohmann::json::array();
    for (auto to : kAgreementStatuses) {
      if (from != to && IsAllowedTransition(from, to)) {
        next.push_back(to);
      }
    }
    transitions[std::string(from)] = next;
  }
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kInstitutionTypeTable.api_name())] = kInstitutionTypeTable.Json();
  values[std::string(kOrgUnitKindTable.api_name())] = kOrgUnitKindTable.Json();
  values[std::string(kTierTable.api_name())] = kTierTable.Json();
  values[std::string(kAgreementTypeTable.api_name())] = kAgreementTypeTable.Json();
  values[std::string(kAgreementStatusTable.api_name())] = kAgreementStatusTable.Json();
  values[std::string(kDirectionTable.api_name())] = kDirectionTable.Json();
  values[std::string(kQuotaCategoryTable.api_name())] = kQuotaCategoryTable.Json();
  values[std::string(kJointStructureKindTable.api_name())] = kJointStructureKindTable.Json();
  values["eqf_level"] = {5, 6, 7, 8};
  values["cefr_level"] = {"A1", "A2", "B1", "B2", "C1", "C2"};
  return {{"enumerations", values},
          {"agreement_status_transitions", transitions},
          {"initial_agreement_statuses", kInitialStatuses},
          {"staff_quota_categories", {"staff_teaching", "staff_training"}}};
}

Institution InstitutionFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  Institution institution;
  institution.name = in.RequiredString("name", kNameLength);
  institution.name_local = in.OptionalString("name_local", kNameLength);
  institution.country = in.RequiredString("country", 2);
  if (!IsValidCountryCode(institution.country)) {
    throw ValidationError("country", "Must be an ISO 3166-1 alpha-2 code such as GB");
  }
  institution.city = in.OptionalString("city", 200);
  institution.website = in.OptionalString("website", 2048);
  if (institution.website && !IsPlausibleWebAddress(*institution.website)) {
    throw ValidationError("website", "Must be a web address starting with https:// or http://");
  }
  // Trimmed at the ends only: the spaces inside a code matter ("D  DRESDEN02").
  institution.erasmus_code = in.OptionalString("erasmus_code", 20);
  if (institution.erasmus_code && !IsValidErasmusCode(*institution.erasmus_code)) {
    throw ValidationError("erasmus_code",
                          "Not an Erasmus code such as \"D  DRESDEN02\" or \"PL WROCLAW05\"");
  }
  institution.pic = in.OptionalString("pic", 20);
  if (institution.pic && !std::all_of(institution.pic->begin(), institution.pic->end(), ::isdigit)) {
    throw ValidationError("pic", "A PIC has digits only");
  }
  institution.oid = in.OptionalString("oid", 20);
  institution.ror_id = in.OptionalString("ror_id", 100);
  institution.hei_id = in.OptionalString("hei_id", 253);
  institution.type = in.OptionalEnum("type", kInstitutionTypes).value_or("university");
  institution.latitude = in.OptionalNumber("latitude", -90, 90);
  institution.longitude = in.OptionalNumber("longitude", -180, 180);
  if (institution.latitude.has_value() != institution.longitude.has_value()) {
    throw ValidationError(institution.latitude ? "longitude" : "latitude",
                          "Give both latitude and longitude, or neither");
  }
  return institution;
}

OrgUnit OrgUnitFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  OrgUnit unit;
  unit.parent_id = in.OptionalInt("parent_id", 1, INT64_MAX);
  unit.name = in.RequiredString("name", kNameLength);
  unit.name_de = in.OptionalString("name_de", kNameLength);
  unit.kind = in.RequiredEnum("kind", kOrgUnitKinds);
  unit.code = in.OptionalString("code", 50);
  return unit;
}

Partnership PartnershipFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  Partnership partnership;
  partnership.institution_id = in.RequiredInt("institution_id", 1, INT64_MAX);
  partnership.tier = in.RequiredEnum("tier", kTiers);
  partnership.since = OptionalDate(in, "since");
  partnership.responsible_person = in.OptionalString("responsible_person", 200);
  partnership.objectives = in.OptionalString("objectives", kTextLength);
  partnership.notes = in.OptionalString("notes", kTextLength);
  return partnership;
}

Agreement AgreementFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  Agreement agreement;
  agreement.partnership_id = in.RequiredInt("partnership_id", 1, INT64_MAX);
  agreement.title = in.OptionalString("title", kNameLength);
  agreement.type = in.RequiredEnum("type", kAgreementTypes);
  agreement.status = in.OptionalEnum("status", kAgreementStatuses).value_or("draft");
  agreement.first_academic_year = RequiredAcademicYear(in, "first_academic_year");
  agreement.last_academic_year = RequiredAcademicYear(in, "last_academic_year");
  if (agreement.last_academic_year < agreement.first_academic_year) {
    throw ValidationError("last_academic_year", "Must not be before the first academic year");
  }
  if (agreement.last_academic_year - agreement.first_academic_year > 15) {
    throw ValidationError("last_academic_year", "An agreement runs for at most 16 academic years");
  }
  agreement.ends_on = AcademicYear(agreement.last_academic_year).EndsOn().ToString();
  agreement.org_unit_id = in.OptionalInt("org_unit_id", 1, INT64_MAX);
  const auto& partners = in.OptionalArray("partner_institution_ids", 20);
  for (size_t i = 0; i < partners.size(); ++i) {
    if (!partners[i].is_number_integer() || partners[i].get<int64_t>() < 1) {
      throw ValidationError(in.FieldName("partner_institution_ids", i), "Must be an institution id");
    }
    const auto id = partners[i].get<int64_t>();
    if (std::find(agreement.partner_institution_ids.begin(), agreement.partner_institution_ids.end(),
                  id) == agreement.partner_institution_ids.end()) {
      agreement.partner_institution_ids.push_back(id);
    }
  }
  const auto& contacts = in.OptionalArray("contacts", 20);
  for (size_t i = 0; i < contacts.size(); ++i) {
    const JsonInput contact_in(contacts[i], in.FieldName("contacts", i));
    Contact contact;
    contact.id = contact_in.OptionalInt("id", 1, INT64_MAX).value_or(0);
    contact.name = contact_in.RequiredString("name", 200);
    contact.email = contact_in.OptionalString("email", 254);
    if (contact.email && !IsPlausibleEmail(*contact.email)) {
      throw ValidationError(contact_in.FieldName("email"), "Not an e-mail address");
    }
    contact.phone = contact_in.OptionalString("phone", 50);
    contact.role = contact_in.OptionalString("role", 100);
    agreement.contacts.push_back(std::move(contact));
  }
  const auto& quotas = in.OptionalArray("quotas", 200);
  for (size_t i = 0; i < quotas.size(); ++i) {
    agreement.quotas.push_back(QuotaFromJson(quotas[i], in.FieldName("quotas", i)));
  }
  return agreement;
}

JointStructure JointStructureFromJson(const nlohmann::json& body) {
  const JsonInput in(body);
  JointStructure structure;
  structure.kind = in.RequiredEnum("kind", kJointStructureKinds);
  structure.name = in.RequiredString("name", kNameLength);
  structure.description = in.OptionalString("description", kTextLength);
  structure.since = OptionalDate(in, "since");
  return structure;
}

}  // namespace weltcampus::partners
