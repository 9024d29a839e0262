#include "partners/input.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/academic_year.h"
#include "core/error.h"
#include "core/json_input.h"
#include "core/world_regions.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

namespace {

// The rules of a quota across its fields, after the field pass.
void CheckQuota(Quota& quota, const std::string& path) {
  const JsonInput in(nlohmann::json::object(), path);
  std::sort(quota.eqf_levels.begin(), quota.eqf_levels.end());
  const bool staff = IsStaffCategory(quota.category);
  if (staff && quota.months_per_place) {
    throw ValidationError(in.FieldName("months_per_place"), "Staff mobility is counted in days");
  }
  if (!staff && quota.days_per_place) {
    throw ValidationError(in.FieldName("days_per_place"), "Student mobility is counted in months");
  }
  for (size_t i = 0; i < quota.languages.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (quota.languages[j].language == quota.languages[i].language) {
        throw ValidationError(in.FieldName("languages", i) + ".language", "This language is given twice");
      }
    }
  }
}

// The moves an agreement's status may make (besides staying as it is): the one table, for the
// rule and for the web application.
constexpr std::array<std::pair<AgreementStatus, AgreementStatus>, 9> kStatusTransitions = {{
    {AgreementStatus::kDraft, AgreementStatus::kInNegotiation},
    {AgreementStatus::kDraft, AgreementStatus::kTerminated},
    {AgreementStatus::kInNegotiation, AgreementStatus::kDraft},
    {AgreementStatus::kInNegotiation, AgreementStatus::kSigned},
    {AgreementStatus::kInNegotiation, AgreementStatus::kTerminated},
    {AgreementStatus::kSigned, AgreementStatus::kActive},
    {AgreementStatus::kSigned, AgreementStatus::kTerminated},
    {AgreementStatus::kActive, AgreementStatus::kExpired},
    {AgreementStatus::kActive, AgreementStatus::kTerminated},
}};

}  // namespace

bool IsAllowedTransition(AgreementStatus from, AgreementStatus to) {
  return from == to || std::find(kStatusTransitions.begin(), kStatusTransitions.end(),
                                 std::pair{from, to}) != kStatusTransitions.end();
}

nlohmann::json Enumerations() {
  nlohmann::json transitions = nlohmann::json::object();
  for (auto from : kAgreementStatusTable.values()) {
    nlohmann::json next = nlohmann::json::array();
    for (auto to : kAgreementStatusTable.values()) {
      if (from != to && IsAllowedTransition(from, to)) {
        next.push_back(kAgreementStatusTable.Name(to));
      }
    }
    transitions[std::string(kAgreementStatusTable.Name(from))] = next;
  }
  nlohmann::json initial = nlohmann::json::array();
  for (auto status : kInitialStatuses) {
    initial.push_back(kAgreementStatusTable.Name(status));
  }
  nlohmann::json staff = nlohmann::json::array();
  for (auto category : kQuotaCategoryTable.values()) {
    if (IsStaffCategory(category)) {
      staff.push_back(kQuotaCategoryTable.Name(category));
    }
  }
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kInstitutionTypeTable.api_name())] = kInstitutionTypeTable.Json();
  values[std::string(kTierTable.api_name())] = kTierTable.Json();
  values[std::string(kAgreementTypeTable.api_name())] = kAgreementTypeTable.Json();
  values[std::string(kAgreementStatusTable.api_name())] = kAgreementStatusTable.Json();
  values[std::string(kDirectionTable.api_name())] = kDirectionTable.Json();
  values[std::string(kQuotaCategoryTable.api_name())] = kQuotaCategoryTable.Json();
  values[std::string(kJointStructureKindTable.api_name())] = kJointStructureKindTable.Json();
  values[std::string(kAgreementDocumentKindTable.api_name())] = kAgreementDocumentKindTable.Json();
  values[std::string(kPartnerContactRoleTable.api_name())] = kPartnerContactRoleTable.Json();
  values[std::string(kPartnerNoteKindTable.api_name())] = kPartnerNoteKindTable.Json();
  values[std::string(kWorldRegionTable.api_name())] = kWorldRegionTable.Json();
  values["eqf_level"] = {5, 6, 7, 8};
  values["cefr_level"] = {"A1", "A2", "B1", "B2", "C1", "C2"};
  return {{"enumerations", values},
          {"agreement_status_transitions", transitions},
          {"initial_agreement_statuses", initial},
          {"staff_quota_categories", staff}};
}

Institution InstitutionFromJson(const nlohmann::json& body) {
  Institution institution = InstitutionSchema().Read(body);
  if (institution.latitude.has_value() != institution.longitude.has_value()) {
    throw ValidationError(institution.latitude ? "longitude" : "latitude",
                          "Give both latitude and longitude, or neither");
  }
  return institution;
}

Partnership PartnershipFromJson(const nlohmann::json& body) { return PartnershipSchema().Read(body); }

Agreement AgreementFromJson(const nlohmann::json& body) {
  Agreement agreement = AgreementSchema().Read(body);
  CheckAgreementFields(agreement);
  return agreement;
}

void CheckAgreementFields(Agreement& agreement) {
  if (agreement.last_academic_year < agreement.first_academic_year) {
    throw ValidationError("last_academic_year", "Must not be before the first academic year");
  }
  if (agreement.last_academic_year - agreement.first_academic_year > 15) {
    throw ValidationError("last_academic_year", "An agreement runs for at most 16 academic years");
  }
  agreement.ends_on = AcademicYear(agreement.last_academic_year).EndsOn().ToString();
  for (size_t i = 0; i < agreement.quotas.size(); ++i) {
    CheckQuota(agreement.quotas[i], "quotas[" + std::to_string(i) + "]");
  }
}

}  // namespace weltcampus::partners
