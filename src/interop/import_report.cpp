#include "interop/import_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace weltcampus::interop {

namespace {

std::string CsvField(const std::string& text) {
  // A leading =, +, - or @ would be a formula to a spreadsheet: quote it away.
  const bool formula =
      !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
  std::string field = formula ? "'" + text : text;
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    return field;
  }
  std::string quoted = "\"";
  for (const char c : field) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

}  // namespace

std::string FormatReport(const ImportReport& report) {
  std::string text = fmt::format(
      "{}{}: {} rows: {} added, {} updated, {} unchanged, {} rejected ({:.2f} s)\n", report.kind,
      report.dry_run ? " (dry run, nothing written)" : "", report.rows(), report.added,
      report.updated, report.unchanged, report.rejected.size(), report.seconds);
  auto rejected = report.rejected;
  std::stable_sort(rejected.begin(), rejected.end(),
                   [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
  for (const auto& rejection : rejected) {
    text += fmt::format("  rejected line {}: {}\n", rejection.line, rejection.reason);
  }
  return text;
}

std::string ReportCsv(const ImportReport& report) {
  std::multimap<int, std::string> lines;
  for (const auto& change : report.changes) {
    lines.emplace(change.line,
                  fmt::format("{},{},{},{},\r\n", change.line, change.added ? "added" : "updated",
                              CsvField(change.key), CsvField(change.name)));
  }
  for (const auto& rejection : report.rejected) {
    lines.emplace(rejection.line,
                  fmt::format("{},rejected,,,{}\r\n", rejection.line, CsvField(rejection.reason)));
  }
  std::string csv = "line,outcome,key,name,reason\r\n";
  for (const auto& [line, text] : lines) {
    csv += text;
  }
  return csv;
}

}  // namespace weltcampus::interop
