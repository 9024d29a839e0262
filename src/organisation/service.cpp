#include "organisation/service.h"

#include <algorithm>

#include "audit/record_changes.h"
#include "core/error.h"
#include "organisation/repository.h"
#include "organisation/schemas.h"
#include "store/references.h"
#include "store/versioned.h"

namespace weltcampus::organisation {

namespace repo = repository;
using store::Connection;

namespace {

constexpr std::string_view kWhat = "Organisational unit";

void CheckOrgUnitReferences(Connection& c, const OrgUnit& unit) {
  if (unit.parent_id) {
    if (!repo::FindOrgUnit(c, *unit.parent_id)) {
      throw ValidationError("parent_id", "No organisational unit with this id");
    }
    if (unit.id != 0) {
      const auto chain = repo::OrgUnitAncestors(c, *unit.parent_id);
      if (std::find(chain.begin(), chain.end(), unit.id) != chain.end()) {
        throw ValidationError("parent_id", "A unit cannot be placed below itself");
      }
    }
  }
  if (unit.code) {
    auto owner = repo::FindOrgUnitIdByCode(c, *unit.code);
    if (owner && *owner != unit.id) {
      throw ApiError(ErrorCode::kConflict,
                     "Another organisational unit already has the code " + *unit.code, "code");
    }
  }
}

}  // namespace

OrgUnit OrganisationService::GetOrgUnit(int64_t id) {
  return store::Found(database_.Read([&](Connection& c) { return repo::FindOrgUnit(c, id); }),
                      kWhat);
}

std::vector<OrgUnit> OrganisationService::ListOrgUnits(const std::optional<std::string>& q) {
  return database_.Read([&](Connection& c) { return repo::ListOrgUnits(c, q); });
}

OrgUnit OrganisationService::CreateOrgUnit(const audit::Actor& actor, OrgUnit unit) {
  return database_.Write([&](Connection& c) {
    return audit::CreateRecord(c, actor, "org_unit", repo::FindOrgUnit, [&](Connection& c) {
      unit.id = 0;
      CheckOrgUnitReferences(c, unit);
      repo::InsertOrgUnit(c, unit);
      return unit.id;
    });
  });
}

OrgUnit OrganisationService::UpdateOrgUnit(const audit::Actor& actor, int64_t id, OrgUnit unit,
                                           int64_t expected_version) {
  return database_.Write([&](Connection& c) {
    return audit::UpdateRecord(c, actor, "org_unit", kWhat, id, expected_version, repo::FindOrgUnit,
                               [&](Connection& c, const OrgUnit&) {
                                 unit.id = id;
                                 CheckOrgUnitReferences(c, unit);
                                 repo::UpdateOrgUnit(c, unit, expected_version);
                               });
  });
}

void OrganisationService::DeleteOrgUnit(const audit::Actor& actor, int64_t id,
                                        int64_t expected_version) {
  database_.Write([&](Connection& c) {
    audit::DeleteRecord(c, actor, "org_unit", kWhat, "org_units", id, expected_version,
                        repo::FindOrgUnit, [&](Connection& c, const OrgUnit&) {
                          if (repo::HasSubUnits(c, id)) {
                            throw ApiError(ErrorCode::kConflict,
                                           "This unit has sub-units; move or remove those first");
                          }
                          store::RefuseIfReferenced(c, "org_units", id, kWhat);
                        });
  });
}

}  // namespace weltcampus::organisation
