#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_table.h"
#include "core/json_writer.h"
#include "core/record_schema.h"
#include "exchange/programmes.h"
#include "http/router.h"
#include "store/database.h"
#include "store/record_table.h"

// Students as records (issue 10, item 1): what the selection of outgoing students needs and
// nothing more (no nationality, no date of birth: those are asked once a place is accepted).
// Records of the kit (kit/records.h): students at /api/v1/students (exchange:students to read,
// exchange:write to change), their language certificates and earlier stays abroad as records of
// a student (/api/v1/students/{id}/language-certificates, /stays-abroad). A student reads their
// own record, and only theirs, at /api/v1/me/student (JSON, or a JSON or CSV download).
namespace weltcampus::exchange {

enum class CefrLevel { kA1, kA2, kB1, kB2, kC1, kC2 };
inline constexpr EnumTable<CefrLevel, 6> kCefrLevelTable("cefr_level", {{{CefrLevel::kA1, "A1"},
                                                                         {CefrLevel::kA2, "A2"},
                                                                         {CefrLevel::kB1, "B1"},
                                                                         {CefrLevel::kB2, "B2"},
                                                                         {CefrLevel::kC1, "C1"},
                                                                         {CefrLevel::kC2, "C2"}}});

// The study cycle of an earlier stay, as Erasmus counts months: 12 per cycle (bachelor, master,
// doctorate), 24 in a single-cycle programme (medicine, dentistry).
enum class StudyCycle { kFirst, kSecond, kThird, kSingle };
inline constexpr EnumTable<StudyCycle, 4> kStudyCycleTable("study_cycle",
                                                           {{{StudyCycle::kFirst, "first"},
                                                             {StudyCycle::kSecond, "second"},
                                                             {StudyCycle::kThird, "third"},
                                                             {StudyCycle::kSingle, "single"}}});

struct Student {
  int64_t id = 0;
  std::string matriculation_number;
  std::string family_name;
  std::string given_name;
  std::string email;
  int64_t programme_id = 0;
  int64_t study_semester = 1;
  // On the German scale: 1.0 (best) to 4.0 (pass), one decimal; unknown in the first semester.
  std::optional<double> grade_average;
  // Medicine and dentistry: the first section of the state examination (Physikum) passed.
  bool first_state_exam_passed = false;
  // The last day of enrolment, when the student has announced the end of their studies (ISO
  // date); none: enrolled. A stay that ends later is not open to them (exchange/eligibility.h).
  std::optional<std::string> enrolled_until;
  // The account (with the student role) that reads this record as its own.
  std::optional<int64_t> user_id;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct LanguageCertificate {
  int64_t id = 0;
  int64_t student_id = 0;
  std::string language;  // ISO 639-1
  CefrLevel cefr_level = CefrLevel::kB2;
  std::optional<std::string> name;  // "TOEFL iBT", "DELF B2"
  std::optional<std::string> issued_on;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct StayAbroad {
  int64_t id = 0;
  int64_t student_id = 0;
  std::string country;  // ISO 3166-1 alpha-2
  int64_t months = 1;
  StudyCycle study_cycle = StudyCycle::kFirst;
  bool erasmus_funded = false;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

// Limits of the matriculation number: digits only, 5 to 10 of them.
inline constexpr size_t kMatriculationMinDigits = 5;
inline constexpr size_t kMatriculationMaxDigits = 10;
bool IsMatriculationNumber(std::string_view text);
// 1.0 to 4.0 with at most one decimal.
bool IsGermanGrade(double grade);

const RecordSchema<Student>& StudentSchema();
const RecordSchema<LanguageCertificate>& LanguageCertificateSchema();
const RecordSchema<StayAbroad>& StayAbroadSchema();
const store::RecordTable<Student>& StudentTable();
const store::RecordTable<LanguageCertificate>& LanguageCertificateTable();
const store::RecordTable<StayAbroad>& StayAbroadTable();

// A student's language certificates and earlier stays abroad, in the order they were entered.
std::vector<LanguageCertificate> CertificatesOfStudent(store::Connection& c, int64_t student_id);
std::vector<StayAbroad> StaysAbroadOfStudent(store::Connection& c, int64_t student_id);

void WriteJson(const Student& student, JsonWriter& out);
void WriteJson(const LanguageCertificate& certificate, JsonWriter& out);
void WriteJson(const StayAbroad& stay, JsonWriter& out);
nlohmann::json ToJson(const Student& student);
nlohmann::json ToJson(const LanguageCertificate& certificate);
nlohmann::json ToJson(const StayAbroad& stay);

std::optional<Student> FindStudentByMatriculation(store::Connection& c, const std::string& number);
std::optional<Student> FindStudentOfUser(store::Connection& c, int64_t user_id);
// The account a student record is linked to, if any (nothing for a missing record).
std::optional<int64_t> AccountOfStudent(store::Connection& c, int64_t student_id);

// The student rules, run before every create and update (and by the import): the programme
// exists, the grade has one decimal, the matriculation number is the student's own, a linked
// account exists, has the student role and is no other student's.
void CheckStudent(store::Connection& c, const Student& student);

// A student's own record: the student, the programme, the certificates and the stays abroad.
nlohmann::json OwnStudentRecord(store::Connection& c, const Student& student);
NamedSchema OwnStudentRecordSchema();

// The student record as personal data of its account (auth/personal_data.h): in the account's
// data export, and erased with the account (students_privacy.cpp). Called once at start.
void RegisterStudentPersonalData();

// The enumerations of this part of the module, for GET /api/v1/enumerations.
nlohmann::json StudentEnumerations();

// Programmes, students, their certificates and stays, and the student's own record.
void RegisterStudentRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
