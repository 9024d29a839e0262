#include "interop/reference_import.h"

#include <algorithm>
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
ImportReport Audited(store::Connection& c, const std::string& file_name, ImportReport report) {
  auth::AuditEntry entry;
  entry.action = "import";
  entry.entity_type = "reference_data";
  entry.entity_id = report.kind;
  entry.after = {{"file", file_name},
                 {"added", report.added},
                 {"updated", report.updated},
                 {"unchanged", report.unchanged},
                 {"rejected", report.rejected.size()}};
  auth::RecordAudit(c, std::move(entry));
  return report;
}

// Runs the importer: a dry run on a plain read connection (it writes nothing, and holding no
// write lock lets the job save its progress meanwhile), otherwise in one audited transaction.
template <typename Import>
ImportReport Run(store::Database& database, const std::string& file_name,
                 const ImportControl& control, Import import) {
  if (control.dry_run) {
    return database.Read([&](store::Connection& c) { return import(c); });
  }
  return database.Write([&](store::Connection& c) { return Audited(c, file_name, import(c)); });
}

}  // namespace

bool IsReferenceKind(std::string_view kind) {
  return std::find(kReferenceKinds.begin(), kReferenceKinds.end(), kind) != kReferenceKinds.end();
}

const std::vector<ColumnSpec>& ReferenceColumns(std::string_view kind) {
  static const std::vector<ColumnSpec> none;
  if (kind == "eche") {
    return EcheColumns();
  }
  if (kind == "isced") {
    return IscedColumns();
  }
  return none;
}

ImportReport ImportReference(store::Database& database, const std::string& kind,
                             std::string_view text, const std::string& file_name,
                             const ColumnMap& columns, const ImportControl& control) {
  if (kind == "eche") {
    const auto file = ParseEche(text, columns);
    return Run(database, file_name, control,
               [&](store::Connection& c) { return ImportEche(c, file, control); });
  }
  if (kind == "world-universities") {
    const auto file = ParseWorldUniversities(text);
    return Run(database, file_name, control,
               [&](store::Connection& c) { return ImportWorldUniversities(c, file, control); });
  }
  if (kind == "isced") {
    const auto file = ParseIsced(text, columns);
    return Run(database, file_name, control,
               [&](store::Connection& c) { return ImportIsced(c, file, control); });
  }
  throw std::invalid_argument("unknown kind of reference data: " + kind);
}

ImportReport ImportReferenceFile(store::Database& database, const std::string& kind,
                                 const std::string& path, const ImportControl& control) {
  const std::string text = ReadTextFile(path);
  return ImportReference(database, kind, text, std::filesystem::path(path).filename().string(), {},
                         control);
}

}  // namespace weltcampus::interop
