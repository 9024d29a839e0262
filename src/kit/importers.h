#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "interop/column_map.h"
#include "interop/import_report.h"
#include "interop/table.h"
#include "store/database.h"

// The importers of lists, each offered by the module whose records it fills (partners: the ECHE
// and world universities lists; organisation: ISCED-F), registered once at start by the command
// line (cli/app.cpp) and found by kind by the browser's import jobs and the `import` command.
namespace weltcampus::kit {

struct Importer {
  std::string kind;  // "eche": the path segment of /api/v1/imports/{kind}, the command's argument
  // A table's fields and their default columns; empty for a list that is JSON (no column map).
  std::vector<interop::ColumnSpec> columns;
  // Reads and checks the file, then, unless a dry run, applies it (RunImport). Throws
  // ImportFileError for a file that cannot be imported, ImportCancelled when told to stop.
  std::function<interop::ImportReport(store::Database& database, const audit::Actor& actor,
                                      std::string_view content, const std::string& file_name,
                                      const interop::ColumnMap& columns,
                                      const interop::ImportControl& control)>
      import;

  bool table() const { return !columns.empty(); }
};

// Registers an importer (again for the same kind: replaces it).
void RegisterImporter(Importer importer);
// The importer of a kind; nullptr for a kind nobody imports.
const Importer* FindImporter(std::string_view kind);
std::vector<std::string> ImporterKinds();

// How every importer applies its rows: a dry run on a plain read connection (it writes nothing,
// and holding no write lock lets a job save its progress meanwhile); otherwise in one transaction
// with one audit entry of its totals in the actor's name, so that an error half-way or a
// cancellation changes nothing.
interop::ImportReport RunImport(
    store::Database& database, const audit::Actor& actor, const std::string& file_name,
    const interop::ImportControl& control,
    const std::function<interop::ImportReport(store::Connection& c)>& import);

// The rows of a table file, CSV text or an .xlsx workbook told apart by content or file name.
std::unique_ptr<interop::RowReader> OpenRows(std::string_view content,
                                             const std::string& file_name);

// Imports a file on disk with the kind's default columns (the `import` command, tests).
interop::ImportReport ImportFile(store::Database& database, const audit::Actor& actor,
                                 const std::string& kind, const std::string& path,
                                 const interop::ImportControl& control = {});

}  // namespace weltcampus::kit
