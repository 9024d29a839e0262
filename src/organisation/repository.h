#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "organisation/model.h"
#include "store/sql.h"

// The organisation's tables. These operations take an open connection, so that another module's
// transaction can use them (an agreement checks its unit and its quotas' fields of education in
// the transaction that writes it).
namespace weltcampus::organisation::repository {

using store::Connection;

// A unit's list, insert, update and delete are the kit's (organisation/org_units.h).
std::optional<OrgUnit> FindOrgUnit(Connection& c, int64_t id);
std::optional<int64_t> FindOrgUnitIdByCode(Connection& c, const std::string& code);
bool HasSubUnits(Connection& c, int64_t id);
// The unit and its ancestors, nearest first.
std::vector<int64_t> OrgUnitAncestors(Connection& c, int64_t id);

bool IscedCodeKnown(Connection& c, const std::string& code);
bool IscedTableEmpty(Connection& c);
std::vector<IscedField> ListIscedFields(Connection& c, const std::optional<std::string>& q,
                                        const std::optional<std::string>& level);

}  // namespace weltcampus::organisation::repository
