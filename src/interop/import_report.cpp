#include "interop/import_report.h"

#include <fmt/format.h>

#include <algorithm>

namespace weltcampus::interop {

std::string FormatReport(const ImportReport& report) {
  std::string text = fmt::format(
      "{}: {} rows: {} added, {} updated, {} unchanged, {} rejected ({:.2f} s)\n", report.kind,
      report.rows(), report.added, report.updated, report.unchanged, report.rejected.size(),
      report.seconds);
  auto rejected = report.rejected;
  std::stable_sort(rejected.begin(), rejected.end(),
                   [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
  for (const auto& rejection : rejected) {
    text += fmt::format("  rejected line {}: {}\n", rejection.line, rejection.reason);
  }
  return text;
}

}  // namespace weltcampus::interop
