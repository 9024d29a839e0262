#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace weltcampus::interop {

// A row of an input file that was not imported, and why.
struct Rejection {
  int line = 0;  // line in the file where the row starts
  std::string reason;
};

// What an import did: every row of the file is counted in exactly one of the four outcomes.
struct ImportReport {
  std::string kind;
  int64_t added = 0;
  int64_t updated = 0;
  int64_t unchanged = 0;
  std::vector<Rejection> rejected;
  double seconds = 0;

  int64_t rows() const { return added + updated + unchanged + static_cast<int64_t>(rejected.size()); }
};

// The lines printed at the end of an import: totals first, then each rejected row.
std::string FormatReport(const ImportReport& report);

}  // namespace weltcampus::interop
