#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weltcampus::partners {

inline constexpr std::array<std::string_view, 5> kInstitutionTypes = {
    "university", "university_of_applied_sciences", "research_institute", "hospital", "other"};
inline constexpr std::array<std::string_view, 5> kOrgUnitKinds = {"school", "department", "clinic",
                                                                  "institute", "office"};
inline constexpr std::array<std::string_view, 3> kTiers = {"strategic", "transcampus", "standard"};
inline constexpr std::array<std::string_view, 7> kAgreementTypes = {
    "erasmus_iia",  "bilateral_exchange",  "clinical_electives", "joint_degree",
    "cotutelle_framework", "research_memorandum", "transcampus"};
inline constexpr std::array<std::string_view, 6> kAgreementStatuses = {
    "draft", "in_negotiation", "signed", "active", "expired", "terminated"};
inline constexpr std::array<std::string_view, 3> kInitialStatuses = {"draft", "in_negotiation",
                                                                     "signed"};
inline constexpr std::array<std::string_view, 2> kDirections = {"outgoing", "incoming"};
inline constexpr std::array<std::string_view, 6> kQuotaCategories = {
    "student_studies", "student_traineeship", "clinical_elective",
    "final_year_tertial", "staff_teaching", "staff_training"};
inline constexpr std::array<std::string_view, 4> kJointStructureKinds = {
    "joint_programme", "joint_appointment", "joint_institute", "shared_administrative_unit"};

// A university or other institution in the register, partner or not.
struct Institution {
  int64_t id = 0;
  std::string name;
  std::optional<std::string> name_local;
  std::string country;  // ISO 3166-1 alpha-2
  std::optional<std::string> city;
  std::optional<std::string> website;
  std::optional<std::string> erasmus_code;
  std::optional<std::string> pic;
  std::optional<std::string> oid;
  std::optional<std::string> ror_id;
  std::optional<std::string> hei_id;  // the institution's internet domain, as EWP names it
  std::string type = "university";
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::string source = "manual";  // manual, eche, world-universities
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct InstitutionFilter {
  std::optional<std::string> q;
  std::optional<std::string> country;
  std::optional<std::string> type;
  std::optional<bool> has_erasmus_code;
  std::optional<bool> partner;
};

// The school itself, its departments, clinics and institutes, as a tree.
struct OrgUnit {
  int64_t id = 0;
  std::optional<int64_t> parent_id;
  std::string name;
  std::optional<std::string> name_de;
  std::string kind;
  std::optional<std::string> code;
  int64_t version = 1;
};

// An institution the school actively works with, and how strategic that is.
struct Partnership {
  int64_t id = 0;
  int64_t institution_id = 0;
  std::string tier = "standard";
  std::optional<std::string> since;
  std::optional<std::string> responsible_person;
  std::optional<std::string> objectives;
  std::optional<std::string> notes;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  // Read-only, from joins.
  Institution institution;
  int64_t active_agreements = 0;
  int64_t places_per_year = 0;
};

struct PartnershipFilter {
  std::optional<std::string> q;
  std::optional<std::string> country;
  std::optional<std::string> tier;
  std::optional<std::string> agreement_type;
  std::optional<std::string> agreement_status;
};

struct LanguageRequirement {
  std::string language;  // ISO 639-1
  std::string cefr;      // A1..C2
};

// Places an agreement offers per year in one direction, category and field.
struct Quota {
  int64_t id = 0;
  std::string direction;
  std::string category;
  std::optional<std::string> isced_code;
  std::vector<int> eqf_levels;
  int64_t places_per_year = 0;
  std::optional<double> months_per_place;
  std::optional<int64_t> days_per_place;
  std::vector<LanguageRequirement> languages;
};

struct Contact {
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
};

struct Agreement {
  int64_t id = 0;
  int64_t partnership_id = 0;
  std::optional<std::string> title;
  std::string type;
  std::string status = "draft";
  int first_academic_year = 0;  // the calendar year it starts in: 2027 for 2027/2028
  int last_academic_year = 0;
  std::string ends_on;          // 30 September after the last academic year
  std::optional<int64_t> org_unit_id;
  std::vector<int64_t> partner_institution_ids;
  std::vector<Contact> contacts;
  std::vector<Quota> quotas;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  // Read-only: the partnership's institution, for lists.
  std::string institution_name;
  std::string institution_country;
};

struct AgreementFilter {
  std::optional<std::string> q;
  std::optional<int64_t> partnership_id;
  std::optional<int64_t> institution_id;
  std::optional<std::string> type;
  std::optional<std::string> status;
  std::optional<int> academic_year;  // in force in that year
  std::optional<std::string> ends_before;  // ends_on <= this date (for renewal)
  bool only_in_force = false;              // signed or active
};

// A joint programme, appointment, institute or shared administrative unit of a partnership.
struct JointStructure {
  int64_t id = 0;
  int64_t partnership_id = 0;
  std::string kind;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> since;
  int64_t version = 1;
};

// A partner as the world map needs it: where, how strategic, how many active agreements.
struct MapPoint {
  int64_t partnership_id = 0;
  std::string tier;
  std::string name;
  std::string country;
  std::optional<std::string> city;
  std::optional<double> latitude;
  std::optional<double> longitude;
  int64_t active_agreements = 0;
};

// A field of education of ISCED-F 2013 (reference data).
struct IscedField {
  std::string code;
  std::string level;  // broad, narrow, detailed
  std::string label_en;
  std::optional<std::string> label_de;
};

// Whether an agreement may move from one status to another.
bool IsAllowedTransition(std::string_view from, std::string_view to);

}  // namespace weltcampus::partners
