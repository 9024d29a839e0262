#include "core/date.h"
#include "partners/repository.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

constexpr const char* kJointStructureSelect =
    "SELECT id, partnership_id, kind, name, description, since, version FROM joint_structures";

JointStructure JointStructureFromRow(const store::Row& row) {
  return JointStructure{row.Int("id"),
                        row.Int("partnership_id"),
                        kJointStructureKindTable.FromStored(row.Text("kind")),
                        row.Text("name"),
                        row.OptionalText("description"),
                        row.OptionalText("since"),
                        row.Int("version")};
}

store::Params JointStructureFieldParams(const JointStructure& structure) {
  store::Params params;
  params.Set("kind", kJointStructureKindTable.Name(structure.kind))
      .Set("name", structure.name)
      .Set("description", structure.description)
      .Set("since", structure.since);
  return params;
}

}  // namespace

std::optional<JointStructure> FindJointStructure(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kJointStructureSelect) + " WHERE id = :id",
                        store::Params().Set("id", id));
  return row ? std::optional<JointStructure>(JointStructureFromRow(*row)) : std::nullopt;
}

std::vector<JointStructure> ListJointStructures(Connection& c, int64_t partnership_id) {
  std::vector<JointStructure> structures;
  for (const auto& row : c.Query(std::string(kJointStructureSelect) +
                                     " WHERE partnership_id = :id ORDER BY kind, name, id",
                                 store::Params().Set("id", partnership_id))) {
    structures.push_back(JointStructureFromRow(row));
  }
  return structures;
}

void InsertJointStructure(Connection& c, JointStructure& structure) {
  structure.id = c.Insert(
      "INSERT INTO joint_structures (partnership_id, kind, name, description, since, version, "
      "created_at, updated_at) VALUES (:partnership_id, :kind, :name, :description, :since, 1, "
      ":at, :at)",
      JointStructureFieldParams(structure)
          .Set("partnership_id", structure.partnership_id)
          .Set("at", NowUtcTimestamp()));
  structure.version = 1;
}

void UpdateJointStructure(Connection& c, JointStructure& structure, int64_t expected_version) {
  structure.version = store::VersionedUpdate(
      c, "joint_structures", "Joint structure", structure.id, expected_version,
      "kind = :kind, name = :name, description = :description, since = :since",
      JointStructureFieldParams(structure));
}

void DeleteJointStructure(Connection& c, int64_t id, int64_t expected_version) {
  store::VersionedDelete(c, "joint_structures", "Joint structure", id, expected_version);
}

}  // namespace weltcampus::partners::repository
