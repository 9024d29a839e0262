#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace weltcampus::store {

// A column of one module's table that points at another module's rows: offers at quotas,
// applications at offers. The module that owns the pointing table declares it when it starts
// (DeclareReference), so the owner of the rows pointed at can refuse to remove one that is used
// and name the records that use it, without knowing the module that uses it.
struct Reference {
  std::string target_table;  // "quotas"
  std::string table;         // "offers"
  std::string column;        // "quota_id"
  std::string what;          // "offer", for the message
  std::string key = "id";    // the pointing table's key, named in the message
};

void DeclareReference(Reference reference);
std::vector<Reference> ReferencesTo(std::string_view target_table);

// The records that point at target_table's row `id`: "offer 4", "offer 9" (at most 10 named).
std::vector<std::string> FindReferrers(Connection& connection, std::string_view target_table,
                                       int64_t id);

// 409 naming the referrers when there are any; `field` is the input field at fault (or empty).
void RefuseIfReferenced(Connection& connection, std::string_view target_table, int64_t id,
                        std::string_view what, std::string field = {});

}  // namespace weltcampus::store
