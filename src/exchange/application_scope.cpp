#include "exchange/application_scope.h"

#include <algorithm>
#include <map>

#include "auth/roles.h"
#include "exchange/programmes.h"
#include "organisation/repository.h"
#include "store/list_query.h"

namespace weltcampus::exchange {

ProgrammeScope ScopeOf(store::Connection& c, const auth::Principal& person) {
  if (person.HasRole(auth::Role::kAdmin) || person.HasRole(auth::Role::kInternationalOffice)) {
    return std::nullopt;
  }
  std::vector<auth::RoleGrant> grants;
  for (const auto& grant : person.roles) {
    if (grant.role == auth::Role::kCoordinator && (grant.org_unit_id || grant.isced_code)) {
      grants.push_back(grant);
    }
  }
  std::vector<int64_t> programmes;
  if (grants.empty()) {
    return programmes;
  }
  // A school has tens of programmes in a few units: each is tried against the grants, with each
  // unit's ancestors read once.
  std::map<int64_t, std::vector<int64_t>> ancestors;
  for (const auto& programme : ProgrammeTable().All(c, store::Filter(), "id")) {
    auto [known, inserted] = ancestors.try_emplace(programme.org_unit_id);
    if (inserted) {
      known->second = organisation::repository::OrgUnitAncestors(c, programme.org_unit_id);
    }
    const auto& units = known->second;
    const bool in = std::any_of(grants.begin(), grants.end(), [&](const auth::RoleGrant& grant) {
      const bool by_unit = grant.org_unit_id &&
                           std::find(units.begin(), units.end(), *grant.org_unit_id) != units.end();
      const bool by_field = grant.isced_code && !grant.isced_code->empty() &&
                            programme.isced_code &&
                            programme.isced_code->starts_with(*grant.isced_code);
      return by_unit || by_field;
    });
    if (in) {
      programmes.push_back(programme.id);
    }
  }
  return programmes;
}

bool InScope(const ProgrammeScope& scope, int64_t programme_id) {
  return !scope || std::find(scope->begin(), scope->end(), programme_id) != scope->end();
}

void RestrictToScope(store::Filter& where, const ProgrammeScope& scope, const std::string& column) {
  if (!scope) {
    return;
  }
  if (scope->empty()) {
    where.Add("1 = 0");
    return;
  }
  store::Params ids;
  const std::string in = store::InList(*scope, ids, "scope");
  where.Add(column + " IN (" + in + ")");
  where.params().Append(ids);
}

}  // namespace weltcampus::exchange
