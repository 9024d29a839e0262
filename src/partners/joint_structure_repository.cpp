#include "core/date.h"
#include "partners/repository.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

constexpr const char* kSelect =
    "SELECT id, partnership_id, kind, name, description, since, version FROM joint_structures";

JointStructure FromRow(const store::Row& row) {
  return JointStructure{row.Int("id"),   row.Int("partnership_id"),      row.Text("kind"),
                        row.Text("name"), row.OptionalText("description"), row.OptionalText("since"),
                        row.Int("version")};
}

store::Params FieldParams(const JointStructure& structure) {
  store::Params params;
  params.Set("partnership_id", structure.partnership_id)
      .Set("kind", structure.kind)
      .Set("name", structure.name)
      .Set("description", structure.description)
      .Set("since", structure.since)
      .Set("at", NowUtcTimestamp());
  return params;
}

}  // namespace

std::optional<JointStructure> FindJointStructure(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kSelect) + " WHERE id = :id", store::Params().Set("id", id));
  return row ? std::optional<JointStructure>(FromRow(*row)) : std::nullopt;
}

std::vector<JointStructure> ListJointStructures(Connection& c, int64_t partnership_id) {
  std::vector<JointStructure> structures;
  for (const auto& row : c.Query(std::string(kSelect) + " WHERE partnership_id = :id ORDER BY kind, name, id",
                                 store::Params().Set("id", partnership_id))) {
    structures.push_back(FromRow(row));
  }
  return structures;
}

void InsertJointStructure(Connection& c, JointStructure& structure) {
  structure.id = c.Insert(
      "INSERT INTO joint_structures (partnership_id, kind, name, description, since, version, "
      "created_at, updated_at) VALUES (:partnership_id, :kind, :name, :description, :since, 1, :at, "
      ":at)",
      FieldParams(structure));
  structure.version = 1;
}

void UpdateJointStructure(Connection& c, JointStructure& structure, int64_t expected_version) {
  auto params = FieldParams(structure);
  params.Set("id", structure.id).Set("version", expected_version);
  store::RequireChanged(
      c.Exec("UPDATE joint_structures SET kind = :kind, name = :name, description = :description, "
             "since = :since, version = version + 1, updated_at = :at WHERE id = :id AND "
             "partnership_id = :partnership_id AND version = :version",
             params),
      c, "joint_structures", structure.id, "joint structure");
  structure.version = expected_version + 1;
}

void DeleteJointStructure(Connection& c, int64_t id, int64_t expected_version) {
  store::RequireChanged(c.Exec("DELETE FROM joint_structures WHERE id = :id AND version = :version",
                               store::Params().Set("id", id).Set("version", expected_version)),
                        c, "joint_structures", id, "joint structure");
}

}  // namespace weltcampus::partners::repository
