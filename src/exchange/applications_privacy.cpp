#include "exchange/applications_privacy.h"

#include <string>

#include "auth/personal_data.h"
#include "core/academic_year.h"
#include "core/date.h"
#include "core/json_schema.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/applications.h"
#include "exchange/students.h"

namespace weltcampus::exchange {

namespace {

// A student has one application per call: a handful, each read with its children and result.
constexpr const char* kApplicationsOfStudentSql =
    "SELECT a.id, c.id AS call_id, c.title, c.academic_year, c.kind FROM applications a "
    "JOIN calls c ON c.id = a.call_id WHERE a.student_id = :student ORDER BY a.id";

nlohmann::json ExportApplications(store::Connection& c, int64_t user_id) {
  const auto student = FindStudentOfUser(c, user_id);
  if (!student) {
    return nullptr;
  }
  // Whether a published place is lapsed depends on the day of the export.
  const Date today = Date::TodayUtc();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& row :
       c.Query(kApplicationsOfStudentSql, store::Params().Set("student", student->id))) {
    const auto application = applications::Find(c, row.Int("id"));
    if (!application) {
      continue;
    }
    const auto result = MyResultOf(c, application->id, today);
    items.push_back(
        {{"call",
          {{"id", row.Int("call_id")},
           {"title", row.Text("title")},
           {"academic_year", AcademicYear(static_cast<int>(row.Int("academic_year"))).ToString()},
           {"kind", row.Text("kind")}}},
         {"application", ToJson(*application)},
         {"result", result ? ToJson(*result) : nlohmann::json()}});
  }
  return items;
}

nlohmann::json ExportSchema() {
  const nlohmann::json call = json_schema::Closed({{"id", json_schema::Id()},
                                                   {"title", json_schema::Text()},
                                                   {"academic_year", json_schema::Text()},
                                                   {"kind", {{"enum", kCallKindTable.Json()}}}});
  return json_schema::ArrayOf(json_schema::Closed(
      {{"call", call}, {"application", ApplicationSchema().schema}, {"result", MyResultSchema()}}));
}

// The office's notes about the person go, and where a planned stay (a funding call's) was: host
// and city, which with the dates could name the person again; the rest of the application stays
// for the counts (see the header).
void EraseApplicationNotes(store::Connection& c, const audit::Actor& actor, int64_t user_id) {
  const auto student = FindStudentOfUser(c, user_id);
  if (!student) {
    return;
  }
  const int64_t cleared = c.Exec(
      "UPDATE applications SET office_note = NULL, completeness_note = NULL, stay_host = NULL, "
      "stay_city = NULL, version = version + 1 WHERE student_id = :student AND (office_note IS "
      "NOT NULL OR completeness_note IS NOT NULL OR stay_host IS NOT NULL OR stay_city IS NOT "
      "NULL)",
      store::Params().Set("student", student->id));
  const int64_t applications =
      c.Count("SELECT COUNT(*) AS n FROM applications WHERE student_id = :student",
              store::Params().Set("student", student->id));
  audit::AuditEntry entry;
  entry.action = "erase";
  entry.entity_type = "applications";
  entry.entity_id = std::to_string(student->id);
  entry.subject_user_id = user_id;
  entry.after = {{"applications", applications}, {"notes_and_stays_cleared", cleared}};
  audit::RecordAudit(c, actor, std::move(entry));
}

}  // namespace

void RegisterApplicationPersonalData() {
  auth::RegisterPersonalDataPart({.key = "applications",
                                  .schema = ExportSchema(),
                                  .export_data = ExportApplications,
                                  .erase = EraseApplicationNotes});
}

}  // namespace weltcampus::exchange
