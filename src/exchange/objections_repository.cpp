#include <string_view>

#include "exchange/objections.h"
#include "store/versioned.h"

// The SQL of objections (exchange's own tables): each read with the student, the run's round and
// the student's result in that run.
namespace weltcampus::exchange::objections {

namespace {

constexpr std::string_view kFrom =
    " FROM allocation_objections o JOIN applications a ON a.id = o.application_id "
    "JOIN students s ON s.id = a.student_id JOIN allocation_runs ru ON ru.id = o.run_id "
    "LEFT JOIN allocation_results r ON r.run_id = o.run_id AND r.application_id = "
    "o.application_id LEFT JOIN call_offers co ON co.id = r.offer_id";
constexpr std::string_view kColumns =
    "SELECT o.id, o.run_id, o.application_id, o.text, o.created_at, o.status, o.decision, "
    "o.answer, o.answered_by, o.answered_at, o.version, s.matriculation_number, s.family_name, "
    "s.given_name, s.programme_id, s.user_id, ru.call_id, ru.round, r.score, r.preference_rank, "
    "co.partner_name";

Objection FromRow(const store::Row& row) {
  Objection o;
  o.id = row.Int("id");
  o.run_id = row.Int("run_id");
  o.application_id = row.Int("application_id");
  o.text = row.Text("text");
  o.created_at = row.Text("created_at");
  o.status = kObjectionStatusTable.FromStored(row.Text("status"));
  if (const auto decision = row.OptionalText("decision")) {
    o.decision = kObjectionDecisionTable.FromStored(*decision);
  }
  o.answer = row.OptionalText("answer");
  o.answered_by = row.OptionalInt("answered_by");
  o.answered_at = row.OptionalText("answered_at");
  o.version = row.Int("version");
  o.matriculation_number = row.Text("matriculation_number");
  o.family_name = row.Text("family_name");
  o.given_name = row.Text("given_name");
  o.programme_id = row.Int("programme_id");
  o.student_user_id = row.OptionalInt("user_id");
  o.call_id = row.Int("call_id");
  o.round = row.Int("round");
  o.score = row.OptionalReal("score").value_or(0);
  o.preference_rank = row.OptionalInt("preference_rank");
  o.partner_name = row.OptionalText("partner_name");
  return o;
}

std::vector<Objection> Read(store::Connection& c, const std::string& where,
                            const store::Params& params) {
  std::vector<Objection> list;
  for (const auto& row : c.Query(std::string(kColumns) + std::string(kFrom) + where, params)) {
    list.push_back(FromRow(row));
  }
  return list;
}

}  // namespace

std::optional<Objection> Find(store::Connection& c, int64_t id) {
  auto list = Read(c, " WHERE o.id = :id", store::Params().Set("id", id));
  if (list.empty()) {
    return std::nullopt;
  }
  return std::move(list.front());
}

std::vector<Objection> OfApplication(store::Connection& c, int64_t application_id, int64_t run_id) {
  return Read(c, " WHERE o.application_id = :application AND o.run_id = :run ORDER BY o.id DESC",
              store::Params().Set("application", application_id).Set("run", run_id));
}

int64_t Insert(store::Connection& c, const Objection& objection) {
  return c.Insert(
      "INSERT INTO allocation_objections (run_id, application_id, text, created_at, status, "
      "version) VALUES (:run, :application, :text, :at, :status, 1)",
      store::Params()
          .Set("run", objection.run_id)
          .Set("application", objection.application_id)
          .Set("text", objection.text)
          .Set("at", objection.created_at)
          .Set("status", kObjectionStatusTable.Name(objection.status)));
}

void Answer(store::Connection& c, const Objection& objection) {
  const std::optional<std::string> decision =
      objection.decision ? std::optional<std::string>(
                               std::string(kObjectionDecisionTable.Name(*objection.decision)))
                         : std::nullopt;
  store::RequireChanged(
      c.Exec("UPDATE allocation_objections SET status = :status, decision = :decision, answer = "
             ":answer, answered_by = :by, answered_at = :at, version = version + 1 WHERE id = "
             ":id AND version = :version",
             store::Params()
                 .Set("status", kObjectionStatusTable.Name(objection.status))
                 .Set("decision", decision)
                 .Set("answer", objection.answer)
                 .Set("by", objection.answered_by)
                 .Set("at", objection.answered_at)
                 .Set("id", objection.id)
                 .Set("version", objection.version)),
      c, "allocation_objections", objection.id, "Objection");
}

const store::SortTable& Sorts() {
  static const store::SortTable sorts(
      "o.id", {{"created", ""}, {"name", "s.family_name_key $, s.given_name_key $"}});
  return sorts;
}

store::Page<Objection> List(store::Connection& c, const ListFilter& filter,
                            const PageRequest& page) {
  store::Filter where;
  where.Add("o.run_id = :run", "run", std::optional<int64_t>(filter.run_id));
  if (filter.status) {
    where.Add("o.status = :status", "status",
              std::optional<std::string>(std::string(kObjectionStatusTable.Name(*filter.status))));
  }
  RestrictToScope(where, filter.programmes, "s.programme_id");
  const store::ListSql sql{std::string(kColumns) + std::string(kFrom), std::string(kFrom)};
  return store::ListPage(c, sql, where, Sorts(), page, FromRow);
}

std::vector<Objection> OfStudent(store::Connection& c, int64_t student_id) {
  return Read(c, " WHERE a.student_id = :student ORDER BY o.id",
              store::Params().Set("student", student_id));
}

int64_t DeleteOfStudent(store::Connection& c, int64_t student_id) {
  return c.Exec(
      "DELETE FROM allocation_objections WHERE application_id IN "
      "(SELECT id FROM applications WHERE student_id = :student)",
      store::Params().Set("student", student_id));
}

}  // namespace weltcampus::exchange::objections
