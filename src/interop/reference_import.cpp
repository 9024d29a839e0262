#include "interop/reference_import.h"

#include <filesystem>
#include <stdexcept>

#include "auth/audit.h"

#include "interop/eche_import.h"
#include "interop/isced_import.h"
#include "interop/text_file.h"
#include "interop/world_universities_import.h"

namespace weltcampus::interop {

namespace {

// One audit entry per import with its totals: the rows themselves are public reference data.
ImportReport Audited(store::Connection& c, const std::string& path, ImportReport report) {
  auth::AuditEntry entry;
  entry.action = "import";
  entry.entity_type = "reference_data";
  entry.entity_id = report.kind;
  entry.after = {{"file", std::filesystem::path(path).filename().string()},
                 {"added", report.added},
                 {"updated", report.updated},
                 {"unchanged", report.unchanged},
                 {"rejected", report.rejected.size()}};
  auth::RecordAudit(c, std::move(entry));
  return report;
}

}  // namespace

ImportReport ImportReferenceFile(store::Database& database, const std::string& kind,
                                 const std::string& path) {
  const std::string text = ReadTextFile(path);
  if (kind == "eche") {
    const auto file = ParseEche(text);
    return database.Write([&](store::Connection& c) { return Audited(c, path, ImportEche(c, file)); });
  }
  if (kind == "world-universities") {
    const auto file = ParseWorldUniversities(text);
    return database.Write(
        [&](store::Connection& c) { return Audited(c, path, ImportWorldUniversities(c, file)); });
  }
  if (kind == "isced") {
    const auto file = ParseIsced(text);
    return database.Write([&](store::Connection& c) { return Audited(c, path, ImportIsced(c, file)); });
  }
  throw std::invalid_argument("unknown kind of reference data: " + kind);
}

}  // namespace weltcampus::interop
