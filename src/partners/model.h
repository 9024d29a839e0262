#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/enum_table.h"

namespace weltcampus::partners {

// The partners module's enumerations: each an enum class with its one table of API names (see
// core/enum_table.h). The k...s spans are the names, for validation of input and query filters.
enum class InstitutionType { kUniversity, kUniversityOfAppliedSciences, kResearchInstitute, kHospital, kOther };
inline constexpr EnumTable<InstitutionType, 5> kInstitutionTypeTable(
    "institution_type", {{{InstitutionType::kUniversity, "university"},
                          {InstitutionType::kUniversityOfAppliedSciences, "university_of_applied_sciences"},
                          {InstitutionType::kResearchInstitute, "research_institute"},
                          {InstitutionType::kHospital, "hospital"},
                          {InstitutionType::kOther, "other"}}});

// In the order the strategy names them: transCampus first.
enum class Tier { kTranscampus, kStrategic, kStandard };
inline constexpr EnumTable<Tier, 3> kTierTable("tier", {{{Tier::kTranscampus, "transcampus"},
                                                         {Tier::kStrategic, "strategic"},
                                                         {Tier::kStandard, "standard"}}});

enum class AgreementType {
  kErasmusIia, kBilateralExchange, kClinicalElectives, kJointDegree, kCotutelleFramework,
  kResearchMemorandum, kTranscampus
};
inline constexpr EnumTable<AgreementType, 7> kAgreementTypeTable(
    "agreement_type", {{{AgreementType::kErasmusIia, "erasmus_iia"},
                        {AgreementType::kBilateralExchange, "bilateral_exchange"},
                        {AgreementType::kClinicalElectives, "clinical_electives"},
                        {AgreementType::kJointDegree, "joint_degree"},
                        {AgreementType::kCotutelleFramework, "cotutelle_framework"},
                        {AgreementType::kResearchMemorandum, "research_memorandum"},
                        {AgreementType::kTranscampus, "transcampus"}}});

enum class AgreementStatus { kDraft, kInNegotiation, kSigned, kActive, kExpired, kTerminated };
inline constexpr EnumTable<AgreementStatus, 6> kAgreementStatusTable(
    "agreement_status", {{{AgreementStatus::kDraft, "draft"},
                          {AgreementStatus::kInNegotiation, "in_negotiation"},
                          {AgreementStatus::kSigned, "signed"},
                          {AgreementStatus::kActive, "active"},
                          {AgreementStatus::kExpired, "expired"},
                          {AgreementStatus::kTerminated, "terminated"}}});

enum class Direction { kOutgoing, kIncoming };
inline constexpr EnumTable<Direction, 2> kDirectionTable(
    "direction", {{{Direction::kOutgoing, "outgoing"}, {Direction::kIncoming, "incoming"}}});

enum class QuotaCategory {
  kStudentStudies, kStudentTraineeship, kClinicalElective, kFinalYearTertial, kStaffTeaching,
  kStaffTraining
};
inline constexpr EnumTable<QuotaCategory, 6> kQuotaCategoryTable(
    "quota_category", {{{QuotaCategory::kStudentStudies, "student_studies"},
                        {QuotaCategory::kStudentTraineeship, "student_traineeship"},
                        {QuotaCategory::kClinicalElective, "clinical_elective"},
                        {QuotaCategory::kFinalYearTertial, "final_year_tertial"},
                        {QuotaCategory::kStaffTeaching, "staff_teaching"},
                        {QuotaCategory::kStaffTraining, "staff_training"}}});

enum class PartnerContactRole {
  kInternationalOffice,
  kExchangeCoordinator,
  kFacultyCoordinator,
  kIncomingOfficer,
  kOutgoingOfficer,
  kOther
};
inline constexpr EnumTable<PartnerContactRole, 6> kPartnerContactRoleTable(
    "partner_contact_role", {{{PartnerContactRole::kInternationalOffice, "international_office"},
                              {PartnerContactRole::kExchangeCoordinator, "exchange_coordinator"},
                              {PartnerContactRole::kFacultyCoordinator, "faculty_coordinator"},
                              {PartnerContactRole::kIncomingOfficer, "incoming_officer"},
                              {PartnerContactRole::kOutgoingOfficer, "outgoing_officer"},
                              {PartnerContactRole::kOther, "other"}}});

enum class PartnerNoteKind { kNote, kVisit, kCall, kMeeting, kCorrespondence, kDecision };
inline constexpr EnumTable<PartnerNoteKind, 6> kPartnerNoteKindTable(
    "partner_note_kind", {{{PartnerNoteKind::kNote, "note"},
                           {PartnerNoteKind::kVisit, "visit"},
                           {PartnerNoteKind::kCall, "call"},
                           {PartnerNoteKind::kMeeting, "meeting"},
                           {PartnerNoteKind::kCorrespondence, "correspondence"},
                           {PartnerNoteKind::kDecision, "decision"}}});

enum class AgreementDocumentKind { kSignedAgreement, kAmendment, kAnnex, kCorrespondence, kOther };
inline constexpr EnumTable<AgreementDocumentKind, 5> kAgreementDocumentKindTable(
    "agreement_document_kind", {{{AgreementDocumentKind::kSignedAgreement, "signed_agreement"},
                                 {AgreementDocumentKind::kAmendment, "amendment"},
                                 {AgreementDocumentKind::kAnnex, "annex"},
                                 {AgreementDocumentKind::kCorrespondence, "correspondence"},
                                 {AgreementDocumentKind::kOther, "other"}}});

enum class JointStructureKind { kJointProgramme, kJointAppointment, kJointInstitute, kSharedAdministrativeUnit };
inline constexpr EnumTable<JointStructureKind, 4> kJointStructureKindTable(
    "joint_structure_kind", {{{JointStructureKind::kJointProgramme, "joint_programme"},
                              {JointStructureKind::kJointAppointment, "joint_appointment"},
                              {JointStructureKind::kJointInstitute, "joint_institute"},
                              {JointStructureKind::kSharedAdministrativeUnit, "shared_administrative_unit"}}});

inline constexpr std::span<const std::string_view> kInstitutionTypes =
    kInstitutionTypeTable.names();
inline constexpr std::span<const std::string_view> kTiers = kTierTable.names();
inline constexpr std::span<const std::string_view> kAgreementTypes = kAgreementTypeTable.names();
inline constexpr std::span<const std::string_view> kAgreementStatuses = kAgreementStatusTable.names();
// The statuses a new agreement may start in.
inline constexpr std::array<AgreementStatus, 3> kInitialStatuses = {
    AgreementStatus::kDraft, AgreementStatus::kInNegotiation, AgreementStatus::kSigned};

// Staff mobility (teaching, training) is counted in days, student mobility in months.
constexpr bool IsStaffCategory(QuotaCategory category) {
  return category == QuotaCategory::kStaffTeaching || category == QuotaCategory::kStaffTraining;
}

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
  InstitutionType type = InstitutionType::kUniversity;
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
  std::optional<InstitutionType> type;
  std::optional<bool> has_erasmus_code;
  std::optional<bool> partner;
};

// An institution the school actively works with, and how strategic that is.
struct Partnership {
  int64_t id = 0;
  int64_t institution_id = 0;
  Tier tier = Tier::kStandard;
  std::optional<std::string> since;
  std::optional<std::string> responsible_person;
  std::optional<std::string> objectives;
  std::optional<std::string> objectives_de;  // the objectives in German, where they are given
  std::optional<std::string> notes;
  // The partner's deadlines for receiving our nominations, "MM-DD": for the winter semester (and
  // full-year stays) and for the summer semester. A call's nomination date is checked against them.
  std::optional<std::string> nomination_deadline_winter;
  std::optional<std::string> nomination_deadline_summer;
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
  std::optional<Tier> tier;
  std::optional<AgreementType> agreement_type;
  std::optional<AgreementStatus> agreement_status;
};

struct LanguageRequirement {
  std::string language;  // ISO 639-1
  std::string cefr;      // A1..C2
};

// Places an agreement offers per year in one direction, category and field.
struct Quota {
  int64_t id = 0;
  Direction direction = Direction::kOutgoing;
  QuotaCategory category = QuotaCategory::kStudentStudies;
  std::optional<std::string> isced_code;
  std::vector<int> eqf_levels;
  int64_t places_per_year = 0;
  std::optional<double> months_per_place;
  std::optional<int64_t> days_per_place;
  std::vector<LanguageRequirement> languages;
};

struct Contact {
  int64_t id = 0;  // kept across edits of the agreement
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> role;
};

struct Agreement {
  int64_t id = 0;
  int64_t partnership_id = 0;
  std::optional<std::string> title;
  std::optional<std::string> title_de;  // the title in German, where it is given
  AgreementType type = AgreementType::kErasmusIia;
  AgreementStatus status = AgreementStatus::kDraft;
  int first_academic_year = 0;  // the calendar year it starts in: 2027 for 2027/2028
  int last_academic_year = 0;
  std::string ends_on;          // 30 September after the last academic year
  std::optional<int64_t> org_unit_id;
  std::vector<int64_t> partner_institution_ids;
  std::vector<Contact> contacts;
  std::vector<Quota> quotas;
  // Renewal: the agreement this one renews (set when it is created by renewing), and the one that
  // renews it (read-only, from the successor's link).
  std::optional<int64_t> predecessor_id;
  std::optional<int64_t> successor_id;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
  // Read-only: the partnership's institution, for lists.
  std::string institution_name;
  std::string institution_country;
  // In a list page: partner_institution_ids, contacts and quotas as the JSON text kept with the
  // agreement (AgreementChildrenText), in place of the three vectors, which are then empty.
  std::string children_json;
};

struct AgreementFilter {
  std::optional<std::string> q;
  std::optional<int64_t> partnership_id;
  std::optional<int64_t> institution_id;
  std::optional<AgreementType> type;
  std::optional<AgreementStatus> status;
  std::optional<int> academic_year;  // in force in that year
  std::optional<std::string> ends_before;  // ends_on <= this date (for renewal)
  bool only_in_force = false;              // signed or active
  bool without_successor = false;          // not renewed yet
};

// A joint programme, appointment, institute or shared administrative unit of a partnership.
struct JointStructure {
  int64_t id = 0;
  int64_t partnership_id = 0;
  JointStructureKind kind = JointStructureKind::kJointProgramme;
  std::string name;
  std::optional<std::string> description;
  std::optional<std::string> description_de;  // in German, where it is given
  std::optional<std::string> since;
  int64_t version = 1;
};

// A person at the partner: its international office, a faculty coordinator (staff only).
struct PartnerContact {
  int64_t id = 0;
  int64_t partnership_id = 0;
  PartnerContactRole role = PartnerContactRole::kInternationalOffice;
  std::string name;
  std::optional<std::string> unit;  // faculty, department or office
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> address;  // postal, several lines
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// A dated note of the office about a partnership (a visit, a call, a decision), optionally about
// one of its agreements (staff only).
struct PartnerNote {
  int64_t id = 0;
  int64_t partnership_id = 0;
  std::optional<int64_t> agreement_id;
  std::string noted_on;
  PartnerNoteKind kind = PartnerNoteKind::kNote;
  std::string text;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// A document on an agreement (partners/agreement_documents.h): its title and kind, and the facts of
// its newest file version, which the server keeps.
struct AgreementDocument {
  int64_t id = 0;
  int64_t agreement_id = 0;
  std::string title;
  AgreementDocumentKind kind = AgreementDocumentKind::kSignedAgreement;
  int64_t file_count = 0;
  std::optional<int64_t> latest_file_id;
  std::optional<std::string> latest_file_name;
  std::optional<int64_t> latest_size_bytes;
  std::optional<std::string> latest_uploaded_at;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// One version of a document: a PDF file, numbered from 1, never changed once uploaded.
struct AgreementDocumentFile {
  int64_t id = 0;
  int64_t document_id = 0;
  int64_t number = 0;
  std::string file_name;
  std::string media_type;
  int64_t size_bytes = 0;
  std::string sha256;
  std::optional<int64_t> uploaded_by_id;
  std::optional<std::string> uploaded_by;  // the uploader's name (null for an erased account)
  std::string uploaded_at;
};

// A partner as the world map needs it: where, how strategic, how many active agreements.
struct MapPoint {
  int64_t partnership_id = 0;
  Tier tier = Tier::kStandard;
  std::string name;
  std::string country;
  std::optional<std::string> city;
  std::optional<double> latitude;
  std::optional<double> longitude;
  int64_t active_agreements = 0;
};

// Whether an agreement may move from one status to another.
bool IsAllowedTransition(AgreementStatus from, AgreementStatus to);

// The module's enumerations, the statuses a new agreement may start in and the allowed status
// transitions, for GET /api/v1/enumerations.
nlohmann::json Enumerations();

}  // namespace weltcampus::partners
