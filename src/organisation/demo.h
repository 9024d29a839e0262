#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "organisation/import/isced_import.h"
#include "store/sql.h"

namespace weltcampus::organisation {

// The organisation's part of the demo database (src/demo builds the whole), which the other
// modules' parts refer to.
struct DemoOrganisation {
  std::map<std::string, int64_t> units;  // org unit code -> id
  std::set<std::string> isced_codes;     // the imported table, empty when there was none
  int64_t org_units = 0;
  int64_t isced_fields = 0;
};

// The School of Medicine's (TU Dresden) clinics, institutes and offices and, when the file was
// there, the ISCED-F 2013 table, in the caller's transaction.
DemoOrganisation BuildDemo(store::Connection& connection, const std::optional<IscedFile>& isced);

}  // namespace weltcampus::organisation
