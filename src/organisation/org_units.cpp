#include "organisation/org_units.h"

#include <algorithm>
#include <array>

#include "kit/records.h"
#include "organisation/permissions.h"
#include "organisation/repository.h"
#include "organisation/schemas.h"

namespace weltcampus::organisation {

namespace {

// A unit's parent exists and is not the unit or below it; its code is its own.
void CheckOrgUnit(store::Connection& c, const OrgUnit& unit) {
  if (unit.parent_id) {
    if (!repository::FindOrgUnit(c, *unit.parent_id)) {
      throw ValidationError("parent_id", "No organisational unit with this id");
    }
    const auto chain =
        unit.id != 0 ? repository::OrgUnitAncestors(c, *unit.parent_id) : std::vector<int64_t>{};
    if (std::find(chain.begin(), chain.end(), unit.id) != chain.end()) {
      throw ValidationError("parent_id", "A unit cannot be placed below itself");
    }
  }
  if (unit.code) {
    const auto owner = repository::FindOrgUnitIdByCode(c, *unit.code);
    if (owner && *owner != unit.id) {
      throw ApiError(ErrorCode::kConflict,
                     "Another organisational unit already has the code " + *unit.code, "code");
    }
  }
}

// A unit with sub-units stays; the references of other modules (agreements, coordinators' scopes)
// are refused by the kit.
void CheckOrgUnitRemoval(store::Connection& c, const OrgUnit& unit) {
  if (repository::HasSubUnits(c, unit.id)) {
    throw ApiError(ErrorCode::kConflict, "This unit has sub-units; move or remove those first");
  }
}

// The columns of the list's CSV and XLSX exports, named in English and German.
constexpr std::array<http::ExportField, 6> kOrgUnitExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/parent_id", "Parent ID", "Übergeordnete ID", interop::CellKind::kInteger},
    {"/code", "Code", "Kürzel"},
    {"/name", "Name", "Name"},
    {"/name_de", "German name", "Deutscher Name"},
    {"/kind", "Kind", "Art"},
}};

}  // namespace

const store::RecordTable<OrgUnit>& OrgUnitTable() {
  // Sorted by name in the reader's language (the German name, else the English one).
  static const store::RecordTable<OrgUnit> table(
      "org_units", "Organisational unit", OrgUnitSchema(), {},
      {{"name_key_en", "name"}, {"name_key_de", "name_de", "name"}});
  return table;
}

void RegisterOrgUnitRoutes(http::Router& router, store::Database& database) {
  kit::RegisterRecordRoutes<OrgUnit>(
      router, database,
      {.table = OrgUnitTable(),
       .entity = "org_unit",
       .path = "/api/v1/org-units",
       .export_name = "org-units",
       .read = kReadOrganisation,
       .write = kWriteOrganisation,
       .one = "an organisational unit",
       .many = "organisational units (a tree as a flat list)",
       .sorts = store::SortTable(
           "id", {{"name", "name_key_{lang} $"}, {"code", "code $"}, {"kind", "kind $"}}),
       .filters = {kit::Search("q", {"name", "name_de", "code"}, 200),
                   kit::EnumFilter("kind", "kind", kOrgUnitKindTable),
                   kit::IntFilter("parent_id", "parent_id", 1, INT64_MAX)},
       .export_columns = kOrgUnitExport,
       .check = CheckOrgUnit,
       .check_removal = CheckOrgUnitRemoval});
}

}  // namespace weltcampus::organisation
