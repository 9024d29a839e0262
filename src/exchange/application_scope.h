#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "auth/context.h"
#include "store/filter.h"
#include "store/sql.h"

// Whose applications a member of staff sees (issue 10, item 4): the international office and the
// administrators every application; a coordinator only those of students whose programme belongs
// to the coordinator's organisational unit or a unit below it, or whose programme's ISCED-F field
// begins with the coordinator's field (the scopes stored with the role, auth::RoleGrant). Another
// scope's application is answered as missing (404) and never listed or exported.
namespace weltcampus::exchange {

// None: every application; else the programmes whose students' applications may be seen (empty:
// none, e.g. a coordinator without a scope).
using ProgrammeScope = std::optional<std::vector<int64_t>>;
ProgrammeScope ScopeOf(store::Connection& c, const auth::Principal& person);
bool InScope(const ProgrammeScope& scope, int64_t programme_id);
// Narrows a list's filter to the scope: `column` holds the student's programme id.
void RestrictToScope(store::Filter& where, const ProgrammeScope& scope, const std::string& column);

}  // namespace weltcampus::exchange
