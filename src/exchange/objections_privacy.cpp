// A student's objections as personal data of the linked account (auth/personal_data.h): the
// account's data export lists them with their answers ("allocation_objections"), and the erasure of
// the account deletes them, leaving an audit entry without their text. Registered before the
// student record's part: that erasure unlinks the student from the account, after which the
// objections could no longer be found by it.
#include "auth/personal_data.h"
#include "exchange/objections.h"
#include "exchange/students.h"

namespace weltcampus::exchange {

namespace {

nlohmann::json ExportOf(store::Connection& c, int64_t user_id) {
  const auto student = FindStudentOfUser(c, user_id);
  if (!student) {
    return nullptr;
  }
  nlohmann::json list = nlohmann::json::array();
  for (auto& objection : objections::OfStudent(c, student->id)) {
    auto json = ToJson(objection);
    json.erase("answered_by");  // a member of the committee's name is not the student's data
    json.erase("version");
    list.push_back(std::move(json));
  }
  return list;
}

nlohmann::json ExportSchema() {
  auto item = ObjectionSchema().schema;
  item["properties"].erase("answered_by");
  item["properties"].erase("version");
  nlohmann::json required = nlohmann::json::array();
  for (const auto& key : item["required"]) {
    if (key != "answered_by" && key != "version") {
      required.push_back(key);
    }
  }
  item["required"] = required;
  return {{"type", "array"}, {"items", item}};
}

void EraseOf(store::Connection& c, const audit::Actor& actor, int64_t user_id) {
  const auto student = FindStudentOfUser(c, user_id);
  if (!student) {
    return;
  }
  const int64_t deleted = objections::DeleteOfStudent(c, student->id);
  if (deleted == 0) {
    return;
  }
  audit::AuditEntry entry;
  entry.action = "erase";
  entry.entity_type = "student";
  entry.entity_id = std::to_string(student->id);
  entry.subject_user_id = user_id;
  entry.after = {{"objections_deleted", deleted}};
  audit::RecordAudit(c, actor, std::move(entry));
}

}  // namespace

void RegisterObjectionPersonalData() {
  auth::RegisterPersonalDataPart({.key = "allocation_objections",
                                  .schema = ExportSchema(),
                                  .export_data = ExportOf,
                                  .erase = EraseOf});
}

}  // namespace weltcampus::exchange
