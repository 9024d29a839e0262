#pragma once

#include "http/router.h"
#include "organisation/model.h"
#include "store/database.h"
#include "store/record_table.h"

namespace weltcampus::organisation {

// The school's units as a record type of the kit (kit/records.h): /api/v1/org-units.
const store::RecordTable<OrgUnit>& OrgUnitTable();
void RegisterOrgUnitRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::organisation
