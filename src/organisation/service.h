#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/audit.h"
#include "organisation/model.h"
#include "store/database.h"

namespace weltcampus::organisation {

// The rules of the organisational units; each call is one transaction, every change audited in
// the actor's name. A unit that other modules' records point at (agreements, coordinators'
// scopes: store::DeclareReference) cannot be removed; the answer names them.
class OrganisationService {
 public:
  explicit OrganisationService(store::Database& database) : database_(database) {}

  OrgUnit GetOrgUnit(int64_t id);
  std::vector<OrgUnit> ListOrgUnits(const std::optional<std::string>& q);
  OrgUnit CreateOrgUnit(const audit::Actor& actor, OrgUnit unit);
  OrgUnit UpdateOrgUnit(const audit::Actor& actor, int64_t id, OrgUnit unit,
                        int64_t expected_version);
  void DeleteOrgUnit(const audit::Actor& actor, int64_t id, int64_t expected_version);

 private:
  store::Database& database_;
};

}  // namespace weltcampus::organisation
