#pragma once

#include <cstdint>
#include <vector>

#include "http/router.h"
#include "partners/model.h"
#include "store/database.h"
#include "store/record_table.h"

namespace weltcampus::partners {

// A partnership's joint structures as a record type of the kit (kit/records.h): listed and added
// under /api/v1/partnerships/{id}/joint-structures, each at /api/v1/joint-structures/{id}.
const store::RecordTable<JointStructure>& JointStructureTable();
// All of one partnership's, for its overview.
std::vector<JointStructure> JointStructuresOf(store::Connection& c, int64_t partnership_id);
void RegisterJointStructureRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::partners
