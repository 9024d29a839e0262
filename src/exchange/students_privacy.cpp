// A student record as personal data of the linked account (auth/personal_data.h): the account's
// data export includes it, and the erasure of the account erases it.
#include <string>

#include "auth/personal_data.h"
#include "exchange/students.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

template <typename T>
int64_t DeleteAllOfStudent(store::Connection& c, const store::RecordTable<T>& table,
                           int64_t student_id) {
  store::Filter where;
  where.Equal("student_id", std::optional<int64_t>(student_id));
  int64_t removed = 0;
  for (const auto& record : table.All(c, where, "id")) {
    table.Delete(c, record.id, record.version);
    ++removed;
  }
  return removed;
}

// The certificates and stays go; the student row goes too unless another record (an application)
// points at it: then it stays, without name, e-mail, matriculation number, grade or account, so
// that the anonymous counts of a call stay whole. The audit entry names no personal data.
void EraseStudentOfUser(store::Connection& c, const audit::Actor& actor, int64_t user_id) {
  auto student = FindStudentOfUser(c, user_id);
  if (!student) {
    return;
  }
  const int64_t certificates = DeleteAllOfStudent(c, LanguageCertificateTable(), student->id);
  const int64_t stays = DeleteAllOfStudent(c, StayAbroadTable(), student->id);
  const int64_t documents = c.Exec(
      "DELETE FROM application_documents WHERE application_id IN "
      "(SELECT id FROM applications WHERE student_id = :student)",
      store::Params().Set("student", student->id));
  const bool kept = !store::FindReferrers(c, StudentTable().table(), student->id).empty();
  if (kept) {
    const std::string marker = "erased-" + std::to_string(student->id);
    student->matriculation_number = marker;
    student->family_name = "Erased";
    student->given_name = "person " + std::to_string(student->id);
    student->email = marker + "@erased.invalid";
    student->grade_average = std::nullopt;
    student->user_id = std::nullopt;
    StudentTable().Update(c, *student, student->version);
  } else {
    StudentTable().Delete(c, student->id, student->version);
  }
  audit::AuditEntry entry;
  entry.action = "erase";
  entry.entity_type = "student";
  entry.entity_id = std::to_string(student->id);
  entry.subject_user_id = user_id;
  entry.after = {{"student", kept ? "pseudonymised" : "deleted"},
                 {"language_certificates_deleted", certificates},
                 {"stays_abroad_deleted", stays},
                 {"application_documents_deleted", documents}};
  audit::RecordAudit(c, actor, std::move(entry));
}

}  // namespace

void RegisterStudentPersonalData() {
  auth::RegisterPersonalDataPart(
      {.key = "student_record",
       .schema = OwnStudentRecordSchema().schema,
       .export_data = [](store::Connection& c, int64_t user_id) -> nlohmann::json {
         const auto student = FindStudentOfUser(c, user_id);
         return student ? OwnStudentRecord(c, *student) : nlohmann::json(nullptr);
       },
       .erase = EraseStudentOfUser});
}

}  // namespace weltcampus::exchange
