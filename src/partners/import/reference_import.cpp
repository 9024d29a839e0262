#include "partners/import/reference_import.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "audit/audit.h"
#include "interop/table.h"
#include "interop/text_file.h"
#include "organisation/import/isced_import.h"
#include "partners/import/eche_import.h"
#include "partners/import/world_universities_import.h"

namespace weltcampus::partners {

namespace {

// One audit entry per import with its totals: the rows themselves are public reference data.
interop::ImportReport Audited(store::Connection& c, const audit::Actor& actor,
                              const std::string& file_name, interop::ImportReport report) {
  audit::AuditEntry entry;
  entry.action = "import";
  entry.entity_type = "reference_data";
  entry.entity_id = report.kind;
  entry.after = {{"file", file_name},
                 {"added", report.added},
                 {"updated", report.updated},
                 {"unchanged", report.unchanged},
                 {"rejected", report.rejected.size()}};
  audit::RecordAudit(c, actor, std::move(entry));
  return report;
}

// Runs the importer: a dry run on a plain read connection (it writes nothing, and holding no
// write lock lets the job save its progress meanwhile), otherwise in one audited transaction.
template <typename Import>
interop::ImportReport Run(store::Database& database, const audit::Actor& actor,
                          const std::string& file_name, const interop::ImportControl& control,
                          Import import) {
  if (control.dry_run) {
    return database.Read([&](store::Connection& c) { return import(c); });
  }
  return database.Write(
      [&](store::Connection& c) { return Audited(c, actor, file_name, import(c)); });
}

// The file's rows, its format chosen once by content or name: the file is parsed once per call.
std::unique_ptr<interop::RowReader> OpenRows(std::string_view content,
                                             const std::string& file_name) {
  return interop::OpenTable(content, interop::DetectTableFormat(content, file_name), file_name);
}

}  // namespace

bool IsReferenceKind(std::string_view kind) {
  return std::find(kReferenceKinds.begin(), kReferenceKinds.end(), kind) != kReferenceKinds.end();
}

const std::vector<interop::ColumnSpec>& ReferenceColumns(std::string_view kind) {
  static const std::vector<interop::ColumnSpec> none;
  if (kind == "eche") {
    return EcheColumns();
  }
  if (kind == "isced") {
    return organisation::IscedColumns();
  }
  return none;
}

interop::ImportReport ImportReference(store::Database& database, const audit::Actor& actor,
                                      const std::string& kind, std::string_view text,
                                      const std::string& file_name,
                                      const interop::ColumnMap& columns,
                                      const interop::ImportControl& control) {
  if (kind == "eche") {
    const auto file = ParseEche(*OpenRows(text, file_name), columns);
    return Run(database, actor, file_name, control,
               [&](store::Connection& c) { return ImportEche(c, file, control); });
  }
  if (kind == "world-universities") {
    if (interop::DetectTableFormat(text, file_name) == interop::TableFormat::kXlsx) {
      throw interop::ImportFileError("The world universities list is JSON, not a workbook");
    }
    const auto file = ParseWorldUniversities(text);
    return Run(database, actor, file_name, control,
               [&](store::Connection& c) { return ImportWorldUniversities(c, file, control); });
  }
  if (kind == "isced") {
    const auto file = organisation::ParseIsced(*OpenRows(text, file_name), columns);
    return Run(database, actor, file_name, control,
               [&](store::Connection& c) { return organisation::ImportIsced(c, file, control); });
  }
  throw std::invalid_argument("unknown kind of reference data: " + kind);
}

interop::ImportReport ImportReferenceFile(store::Database& database, const audit::Actor& actor,
                                          const std::string& kind, const std::string& path,
                                          const interop::ImportControl& control) {
  const std::string text = interop::ReadTextFile(path);
  return ImportReference(database, actor, kind, text,
                         std::filesystem::path(path).filename().string(), {}, control);
}

}  // namespace weltcampus::partners
