#include "exchange/students.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "auth/context.h"
#include "auth/model.h"
#include "auth/repository.h"
#include "core/codes.h"
#include "exchange/permissions.h"
#include "http/list_export.h"
#include "interop/table_export.h"
#include "kit/records.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

constexpr std::array<http::ExportField, 12> kStudentExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/matriculation_number", "Matriculation number", "Matrikelnummer"},
    {"/family_name", "Family name", "Nachname"},
    {"/given_name", "Given name", "Vorname"},
    {"/email", "E-mail", "E-Mail"},
    {"/programme_id", "Programme ID", "Studiengangs-ID", interop::CellKind::kInteger},
    {"/study_semester", "Study semester", "Fachsemester", interop::CellKind::kInteger},
    {"/grade_average", "Grade average", "Durchschnittsnote", interop::CellKind::kNumber},
    {"/first_state_exam_passed", "First state examination passed",
     "Erster Abschnitt der Ärztlichen/Zahnärztlichen Prüfung bestanden",
     interop::CellKind::kBoolean},
    {"/enrolled_until", "Enrolled until", "Eingeschrieben bis", interop::CellKind::kDate},
    {"/user_id", "Account ID", "Konto-ID", interop::CellKind::kInteger},
    {"/updated_at", "Changed", "Geändert"},
}};

constexpr std::array<http::ExportField, 6> kCertificateExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/student_id", "Student ID", "Studierenden-ID", interop::CellKind::kInteger},
    {"/language", "Language", "Sprache"},
    {"/cefr_level", "CEFR level", "GER-Niveau"},
    {"/name", "Certificate", "Zertifikat"},
    {"/issued_on", "Issued on", "Ausgestellt am", interop::CellKind::kDate},
}};

constexpr std::array<http::ExportField, 6> kStayExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/student_id", "Student ID", "Studierenden-ID", interop::CellKind::kInteger},
    {"/country", "Country", "Land"},
    {"/months", "Months", "Monate", interop::CellKind::kInteger},
    {"/study_cycle", "Study cycle", "Studienzyklus"},
    {"/erasmus_funded", "Erasmus-funded", "Erasmus-gefördert", interop::CellKind::kBoolean},
}};

template <typename T>
kit::ParentOf<T> OfStudent(int64_t T::*member, std::string collection) {
  return {.member = member,
          .collection = std::move(collection),
          .exists = [](store::Connection& c, int64_t id) {
            if (!StudentTable().Find(c, id)) {
              throw NotFoundError("Student");
            }
          }};
}

template <typename T>
std::vector<T> ChildrenOf(store::Connection& c, const store::RecordTable<T>& table,
                          int64_t student_id) {
  store::Filter where;
  where.Equal("student_id", std::optional<int64_t>(student_id));
  return table.All(c, where, "id");
}

// A student with certificates or stays is removed with them only after they are.
void CheckStudentRemoval(store::Connection& c, const Student& student) {
  if (!CertificatesOfStudent(c, student.id).empty() ||
      !StaysAbroadOfStudent(c, student.id).empty()) {
    throw ApiError(ErrorCode::kConflict,
                   "This student has language certificates or stays abroad; remove those first");
  }
}

// The own record's JSON flattened to "pointer,value" rows, for the CSV download.
void Flatten(const nlohmann::json& value, const std::string& path,
             std::vector<std::vector<interop::Cell>>& rows) {
  if (value.is_object()) {
    for (const auto& [key, member] : value.items()) {
      Flatten(member, path + "/" + key, rows);
    }
  } else if (value.is_array()) {
    for (size_t i = 0; i < value.size(); ++i) {
      Flatten(value[i], path + "/" + std::to_string(i), rows);
    }
  } else if (value.is_null()) {
    rows.push_back({path, std::monostate{}});
  } else if (value.is_string()) {
    rows.push_back({path, value.get<std::string>()});
  } else {
    rows.push_back({path, value.dump()});
  }
}

}  // namespace

std::vector<LanguageCertificate> CertificatesOfStudent(store::Connection& c, int64_t student_id) {
  return ChildrenOf(c, LanguageCertificateTable(), student_id);
}

std::vector<StayAbroad> StaysAbroadOfStudent(store::Connection& c, int64_t student_id) {
  return ChildrenOf(c, StayAbroadTable(), student_id);
}

NamedSchema OwnStudentRecordSchema() {
  nlohmann::json schema = StudentSchema().OutputSchema();
  schema["properties"]["programme"] = ProgrammeSchema().OutputSchema();
  schema["properties"]["language_certificates"] = {
      {"type", "array"}, {"items", LanguageCertificateSchema().OutputSchema()}};
  schema["properties"]["stays_abroad"] = {{"type", "array"},
                                          {"items", StayAbroadSchema().OutputSchema()}};
  for (const char* key : {"programme", "language_certificates", "stays_abroad"}) {
    schema["required"].push_back(key);
  }
  return {"OwnStudentRecord", schema};
}

bool IsMatriculationNumber(std::string_view text) {
  return text.size() >= kMatriculationMinDigits && text.size() <= kMatriculationMaxDigits &&
         std::all_of(text.begin(), text.end(),
                     [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; });
}

bool IsGermanGrade(double grade) {
  if (!std::isfinite(grade) || grade < 1.0 || grade > 4.0) {
    return false;
  }
  const double tenths = grade * 10.0;
  return std::abs(tenths - std::round(tenths)) < 1e-6;
}

const RecordSchema<Student>& StudentSchema() {
  static const auto schema =
      RecordSchema<Student>("Student")
          .Key(&Student::id, &Student::version)
          .Text("matriculation_number", &Student::matriculation_number, kMatriculationMaxDigits)
          .Check(IsMatriculationNumber, "Must be a matriculation number of 5 to 10 digits")
          // A student erased while an application points at the record keeps it pseudonymised as
          // "erased-<id>"; the Check above refuses that on input.
          .Schema({{"pattern", "^([0-9]{5,10}|erased-[0-9]+)$"},
                   {"description",
                    "5 to 10 digits; \"erased-<id>\" for a record pseudonymised on erasure"}})
          .Text("family_name", &Student::family_name, 200)
          .Text("given_name", &Student::given_name, 200)
          .Text("email", &Student::email, 254)
          .Check(IsPlausibleEmail, "Not an e-mail address")
          .Schema({{"format", "email"}})
          .Int("programme_id", &Student::programme_id, 1, INT64_MAX)
          .Int("study_semester", &Student::study_semester, 1, 20)
          .Number("grade_average", &Student::grade_average, 1.0, 4.0)
          .Schema({{"description", "German scale, 1.0 (best) to 4.0, one decimal"}})
          .Bool("first_state_exam_passed", &Student::first_state_exam_passed, false)
          .Date("enrolled_until", &Student::enrolled_until)
          .Int("user_id", &Student::user_id, 1, INT64_MAX)
          .Timestamps(&Student::created_at, &Student::updated_at);
  return schema;
}

const RecordSchema<LanguageCertificate>& LanguageCertificateSchema() {
  static const auto schema =
      RecordSchema<LanguageCertificate>("LanguageCertificate")
          .Key(&LanguageCertificate::id, &LanguageCertificate::version)
          .Int("student_id", &LanguageCertificate::student_id, 1, INT64_MAX)
          .ReadOnly()
          .Text("language", &LanguageCertificate::language, 2)
          .Check(IsValidLanguageCode, "Must be an ISO 639-1 language code such as en")
          .Schema({{"pattern", "^[a-z]{2}$"}})
          .Enum("cefr_level", &LanguageCertificate::cefr_level, kCefrLevelTable)
          .Text("name", &LanguageCertificate::name, 200)
          .Date("issued_on", &LanguageCertificate::issued_on)
          .Timestamps(&LanguageCertificate::created_at, &LanguageCertificate::updated_at);
  return schema;
}

const RecordSchema<StayAbroad>& StayAbroadSchema() {
  static const auto schema =
      RecordSchema<StayAbroad>("StayAbroad")
          .Key(&StayAbroad::id, &StayAbroad::version)
          .Int("student_id", &StayAbroad::student_id, 1, INT64_MAX)
          .ReadOnly()
          .Text("country", &StayAbroad::country, 2)
          .Check(IsValidCountryCode, "Must be an ISO 3166-1 country code such as FR")
          .Schema({{"pattern", "^[A-Z]{2}$"}})
          .Int("months", &StayAbroad::months, 1, 24)
          .Enum("study_cycle", &StayAbroad::study_cycle, kStudyCycleTable)
          .Bool("erasmus_funded", &StayAbroad::erasmus_funded, false)
          .Timestamps(&StayAbroad::created_at, &StayAbroad::updated_at);
  return schema;
}

const store::RecordTable<Student>& StudentTable() {
  // Sorted by family and given name in Unicode collation (case and accents do not count first).
  static const store::RecordTable<Student> table(
      "students", "Student", StudentSchema(), {},
      {{"family_name_key", "family_name"}, {"given_name_key", "given_name"}});
  return table;
}
const store::RecordTable<LanguageCertificate>& LanguageCertificateTable() {
  static const store::RecordTable<LanguageCertificate> table(
      "student_language_certificates", "Language certificate", LanguageCertificateSchema(),
      "student_id");
  return table;
}
const store::RecordTable<StayAbroad>& StayAbroadTable() {
  static const store::RecordTable<StayAbroad> table("student_stays_abroad", "Stay abroad",
                                                    StayAbroadSchema(), "student_id");
  return table;
}

void WriteJson(const Student& student, JsonWriter& out) { StudentSchema().Write(student, out); }
void WriteJson(const LanguageCertificate& certificate, JsonWriter& out) {
  LanguageCertificateSchema().Write(certificate, out);
}
void WriteJson(const StayAbroad& stay, JsonWriter& out) { StayAbroadSchema().Write(stay, out); }
nlohmann::json ToJson(const Student& student) { return StudentSchema().Write(student); }
nlohmann::json ToJson(const LanguageCertificate& certificate) {
  return LanguageCertificateSchema().Write(certificate);
}
nlohmann::json ToJson(const StayAbroad& stay) { return StayAbroadSchema().Write(stay); }

std::optional<Student> FindStudentByMatriculation(store::Connection& c, const std::string& number) {
  auto row = c.QueryOne(StudentTable().select() + " WHERE matriculation_number = :number",
                        store::Params().Set("number", number));
  return row ? std::optional<Student>(StudentTable().FromRow(*row)) : std::nullopt;
}

std::optional<Student> FindStudentOfUser(store::Connection& c, int64_t user_id) {
  auto row = c.QueryOne(StudentTable().select() + " WHERE user_id = :user_id",
                        store::Params().Set("user_id", user_id));
  return row ? std::optional<Student>(StudentTable().FromRow(*row)) : std::nullopt;
}

std::optional<int64_t> AccountOfStudent(store::Connection& c, int64_t student_id) {
  const auto row = c.QueryOne("SELECT user_id FROM students WHERE id = :id",
                              store::Params().Set("id", student_id));
  return row ? row->OptionalInt("user_id") : std::nullopt;
}

void CheckStudent(store::Connection& c, const Student& student) {
  if (student.grade_average && !IsGermanGrade(*student.grade_average)) {
    throw ValidationError("grade_average", "Must be a grade from 1.0 to 4.0 with one decimal");
  }
  if (!ProgrammeTable().Find(c, student.programme_id)) {
    throw ValidationError("programme_id", "No programme with this id");
  }
  const auto owner = FindStudentByMatriculation(c, student.matriculation_number);
  if (owner && owner->id != student.id) {
    throw ApiError(
        ErrorCode::kConflict,
        "Another student already has the matriculation number " + student.matriculation_number,
        "matriculation_number");
  }
  if (student.user_id) {
    const auto user = auth::repository::FindUser(c, *student.user_id);
    if (!user || user->erased_at) {
      throw ValidationError("user_id", "No account with this id");
    }
    if (std::none_of(user->roles.begin(), user->roles.end(), [](const auth::RoleGrant& grant) {
          return grant.role == auth::Role::kStudent;
        })) {
      throw ValidationError("user_id", "This account does not have the student role");
    }
    const auto linked = FindStudentOfUser(c, *student.user_id);
    if (linked && linked->id != student.id) {
      throw ApiError(ErrorCode::kConflict,
                     "This account is already linked to the student with matriculation number " +
                         linked->matriculation_number,
                     "user_id");
    }
  }
}

nlohmann::json OwnStudentRecord(store::Connection& c, const Student& student) {
  nlohmann::json record = ToJson(student);
  record["programme"] =
      ToJson(store::Found(ProgrammeTable().Find(c, student.programme_id), ProgrammeTable().what()));
  record["language_certificates"] = nlohmann::json::array();
  for (const auto& certificate : CertificatesOfStudent(c, student.id)) {
    record["language_certificates"].push_back(ToJson(certificate));
  }
  record["stays_abroad"] = nlohmann::json::array();
  for (const auto& stay : StaysAbroadOfStudent(c, student.id)) {
    record["stays_abroad"].push_back(ToJson(stay));
  }
  return record;
}

nlohmann::json StudentEnumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kCefrLevelTable.api_name())] = kCefrLevelTable.Json();
  values[std::string(kStudyCycleTable.api_name())] = kStudyCycleTable.Json();
  return {{"enumerations", values}};
}

void RegisterStudentRoutes(http::Router& router, store::Database& database) {
  RegisterProgrammeRoutes(router, database);
  store::DeclareReference({"programmes", "students", "programme_id", "student"});
  kit::RegisterRecordRoutes<Student>(
      router, database,
      {.table = StudentTable(),
       .entity = "student",
       .path = "/api/v1/students",
       .export_name = "students",
       .read = kReadStudents,
       .write = kWriteExchange,
       .one = "a student",
       .many = "students",
       .sorts = store::SortTable(
           "id", {{"name", "family_name_key $, given_name_key $"},
                  {"programme", "programme_id $, family_name_key $, given_name_key $"},
                  {"semester", "study_semester $"}}),
       .filters = {kit::Search("q", {"matriculation_number", "family_name", "given_name", "email"},
                               200),
                   kit::IntFilter("programme_id", "programme_id", 1, INT64_MAX),
                   kit::IntFilter("study_semester", "study_semester", 1, 20)},
       .export_columns = kStudentExport,
       .check = CheckStudent,
       .check_removal = CheckStudentRemoval,
       .person = [](store::Connection&, const Student& student) { return student.user_id; }});
  kit::RegisterRecordRoutes<LanguageCertificate>(
      router, database,
      {.table = LanguageCertificateTable(),
       .entity = "student_language_certificate",
       .path = "/api/v1/student-language-certificates",
       .export_name = "language-certificates",
       .read = kReadStudents,
       .write = kWriteExchange,
       .one = "a student's language certificate",
       .many = "a student's language certificates",
       .sorts = store::SortTable("id", {{"language", "language $"}}),
       .filters = {kit::EnumFilter("cefr_level", "cefr_level", kCefrLevelTable)},
       .export_columns = kCertificateExport,
       .parent = OfStudent(&LanguageCertificate::student_id,
                           "/api/v1/students/{id}/language-certificates"),
       .person = [](store::Connection& c, const LanguageCertificate& certificate) {
         return AccountOfStudent(c, certificate.student_id);
       }});
  kit::RegisterRecordRoutes<StayAbroad>(
      router, database,
      {.table = StayAbroadTable(),
       .entity = "student_stay_abroad",
       .path = "/api/v1/student-stays-abroad",
       .export_name = "stays-abroad",
       .read = kReadStudents,
       .write = kWriteExchange,
       .one = "a student's earlier stay abroad",
       .many = "a student's earlier stays abroad",
       .sorts = store::SortTable("id", {{"country", "country $"}}),
       .filters = {kit::EnumFilter("study_cycle", "study_cycle", kStudyCycleTable)},
       .export_columns = kStayExport,
       .parent = OfStudent(&StayAbroad::student_id, "/api/v1/students/{id}/stays-abroad"),
       .person = [](store::Connection& c, const StayAbroad& stay) {
         return AccountOfStudent(c, stay.student_id);
       }});

  // The student's own record: found by the signed-in account, never by an id in the path, so
  // that no other student's record can be asked for; 404 for an account without one.
  static const std::array<std::string_view, 2> kDownloadFormats = {"json", "csv"};
  router
      .Add("GET", "/api/v1/me/student", kReadOwnStudentRecord,
           "My student record; ?format=json or csv downloads it",
           [&database](const http::Request& request) {
             const int64_t user_id = auth::SignedIn(request).user_id;
             const auto format = QueryEnum(request.query, "format", kDownloadFormats);
             const nlohmann::json record = database.Read([&](store::Connection& c) {
               const auto student = FindStudentOfUser(c, user_id);
               if (!student) {
                 throw NotFoundError("Student record");
               }
               return OwnStudentRecord(c, *student);
             });
             const std::string file =
                 "student-record-" + record["matriculation_number"].get<std::string>();
             if (!format) {
               return http::Response::Json(200, record);
             }
             if (*format == "json") {
               auto response = http::Response::Json(200, record);
               response.WithAttachment(file + ".json");
               return response;
             }
             std::vector<std::vector<interop::Cell>> rows;
             Flatten(record, "", rows);
             const bool german = http::RequestLanguage(request) == "de";
             auto writer = interop::TableWriter::Create(
                 interop::ExportFormat::kCsv,
                 {{german ? "Feld" : "Field"}, {german ? "Wert" : "Value"}}, "Student");
             for (const auto& row : rows) {
               writer->AddRow(row);
             }
             writer->Finish();
             http::Response response;
             response.content_type = "text/csv; charset=utf-8";
             response.body = writer->Take();
             response.WithAttachment(file + ".csv");
             return response;
           })
      .EnumQuery("format", kDownloadFormats)
      .Returns(200, OwnStudentRecordSchema())
      .ReturnsAlso(200, "text/csv; charset=utf-8")
      .Fails({404});
}

}  // namespace weltcampus::exchange
