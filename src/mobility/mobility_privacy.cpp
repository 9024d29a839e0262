// A student's mobilities as personal data of their account (auth/personal_data.h): the account's
// data export has them with their steps; its erasure keeps the mobility (the school's figures
// count it) without the person's name and e-mail — the student record it points at is kept
// pseudonymised by the exchange (exchange/students_privacy.cpp) because the mobility points at it.
#include "audit/audit.h"
#include "auth/personal_data.h"
#include "exchange/students.h"
#include "mobility/mobilities.h"

namespace weltcampus::mobility {

namespace {

std::vector<Mobility> OfStudent(store::Connection& c, int64_t student_id) {
  store::Filter where;
  where.Equal("student_id", std::optional<int64_t>(student_id));
  return MobilityTable().All(c, where, "id");
}

void EraseMobilitiesOfUser(store::Connection& c, const audit::Actor& actor, int64_t user_id) {
  const auto student = exchange::FindStudentOfUser(c, user_id);
  if (!student) {
    return;
  }
  int64_t pseudonymised = 0;
  for (auto mobility : OfStudent(c, student->id)) {
    mobility.family_name = "Erased";
    mobility.given_name = "person " + std::to_string(student->id);
    mobility.email = std::nullopt;
    MobilityTable().Update(c, mobility, mobility.version);
    c.Exec("UPDATE mobility_events SET reason = NULL WHERE mobility_id = :mobility",
           store::Params().Set("mobility", mobility.id));
    ++pseudonymised;
  }
  if (pseudonymised == 0) {
    return;
  }
  audit::AuditEntry entry;
  entry.action = "erase";
  entry.entity_type = "mobility";
  entry.entity_id = "student " + std::to_string(student->id);
  entry.subject_user_id = user_id;
  entry.after = {{"mobilities_pseudonymised", pseudonymised}};
  audit::RecordAudit(c, actor, std::move(entry));
}

}  // namespace

void RegisterMobilityPersonalData() {
  auth::RegisterPersonalDataPart(
      {.key = "mobilities",
       .schema = {{"type", "array"}, {"items", MobilitySchema().OutputSchema()}},
       .export_data = [](store::Connection& c, int64_t user_id) -> nlohmann::json {
         nlohmann::json items = nlohmann::json::array();
         if (const auto student = exchange::FindStudentOfUser(c, user_id)) {
           for (const auto& mobility : OfStudent(c, student->id)) {
             items.push_back(ToJson(mobility));
           }
         }
         return items;
       },
       .erase = EraseMobilitiesOfUser});
}

}  // namespace weltcampus::mobility
