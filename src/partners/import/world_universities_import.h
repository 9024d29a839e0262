#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interop/import_report.h"
#include "partners/model.h"
#include "store/sql.h"

namespace weltcampus::partners {

// One university of Hipo's world universities list (name, domains[], web_pages[],
// alpha_two_code, ...), checked.
struct WorldUniversityRow {
  int line = 0;                       // of the entry's opening brace
  partners::Institution institution;  // source "world-universities", hei_id its main domain
  std::vector<std::string> domains;   // all its domains and web page hosts, main domain first
};

struct WorldUniversitiesFile {
  std::vector<WorldUniversityRow> rows;
  std::vector<interop::Rejection> rejected;
};

// Reads the JSON array; entries without a name or with an unknown country are rejected, a file
// that is not a JSON array throws std::runtime_error.
WorldUniversitiesFile ParseWorldUniversities(std::string_view json);

// Brings an institution up to date with its entry and tells whether anything changed. The list
// owns name, country and website only of the institutions it created; on others it fills gaps.
bool MergeWorldUniversityRow(partners::Institution& institution, const WorldUniversityRow& row,
                             const std::optional<std::string>& hei_id);

// Adds or updates the register, in the caller's transaction. Matches by web domain (any of the
// entry's domains against hei_id or website), then by name and country.
interop::ImportReport ImportWorldUniversities(store::Connection& connection,
                                              const WorldUniversitiesFile& file,
                                              const interop::ImportControl& control = {});

// The line on which each element of a top-level JSON array starts.
std::vector<int> TopLevelElementLines(std::string_view json);

}  // namespace weltcampus::partners
