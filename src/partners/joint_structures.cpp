#include "partners/joint_structures.h"

#include "kit/records.h"
#include "partners/export_columns.h"
#include "partners/json.h"
#include "partners/permissions.h"
#include "partners/repository.h"
#include "partners/schemas.h"

namespace weltcampus::partners {

const store::RecordTable<JointStructure>& JointStructureTable() {
  static const store::RecordTable<JointStructure> table("joint_structures", "Joint structure",
                                                        JointStructureSchema(), "partnership_id",
                                                        {{"name_key", "name"}});
  return table;
}

std::vector<JointStructure> JointStructuresOf(store::Connection& c, int64_t partnership_id) {
  store::Filter where;
  where.Equal("partnership_id", std::optional<int64_t>(partnership_id));
  return JointStructureTable().All(c, where, "kind, name_key, id");
}

void RegisterJointStructureRoutes(http::Router& router, store::Database& database) {
  kit::RegisterRecordRoutes<JointStructure>(
      router, database,
      {.table = JointStructureTable(),
       .entity = "joint_structure",
       .path = "/api/v1/joint-structures",
       .export_name = "joint-structures",
       .read = kReadPartners,
       .write = kWritePartners,
       .one = "a joint structure to a partnership",
       .many = "joint structures of a partnership",
       .sorts = store::SortTable("id", {{"kind", "kind $, name_key $"}, {"name", "name_key $"}}),
       .filters = {kit::Search("q", {"name", "description"}, 200),
                   kit::EnumFilter("kind", "kind", kJointStructureKindTable)},
       .export_columns = kJointStructureExport,
       .parent =
           kit::ParentOf<JointStructure>{.member = &JointStructure::partnership_id,
                                         .collection = "/api/v1/partnerships/{id}/joint-structures",
                                         .exists = [](store::Connection& c, int64_t id) {
                                           if (!repository::FindPartnershipInstitution(c, id)) {
                                             throw NotFoundError("Partnership");
                                           }
                                         }}});
}

}  // namespace weltcampus::partners
