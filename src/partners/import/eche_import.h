#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interop/column_map.h"
#include "interop/import_report.h"
#include "interop/table.h"
#include "partners/model.h"
#include "store/sql.h"

namespace weltcampus::partners {

// One institution of the EU's list of Erasmus charter holders (ECHE), checked.
struct EcheRow {
  int line = 0;
  partners::Institution institution;  // source "eche", no id
  std::optional<std::string> domain;  // of its website, for matching with other lists
};

struct EcheFile {
  std::vector<EcheRow> rows;
  std::vector<interop::Rejection> rejected;
};

// The fields the ECHE import reads and the list's own column headers.
const std::vector<interop::ColumnSpec>& EcheColumns();

// Reads the ECHE list, its header first, from a CSV export or a worksheet (columns found by header
// name, as the map says). Rows with an invalid Erasmus code, an unknown country or no name are
// rejected with their line (the worksheet's row number); a malformed file throws ImportFileError
// (a std::runtime_error).
EcheFile ParseEche(interop::RowReader& rows, const interop::ColumnMap& columns = {});
// The same for CSV text.
EcheFile ParseEche(std::string_view csv, const interop::ColumnMap& columns = {});

// Brings an institution of the register up to date with its ECHE row and tells whether anything
// changed. The list owns the identifiers (Erasmus code, PIC, OID); it owns name, country, city and
// website only of institutions it created, and otherwise just fills gaps, so that importing the
// world-universities list before or after it never makes the two fight over a record.
bool MergeEcheRow(partners::Institution& institution, const EcheRow& row,
                  const std::optional<std::string>& hei_id);

// Adds or updates the register from the list, in the caller's transaction. Matches by Erasmus
// code, then PIC, then web domain (an institution from another list without Erasmus code).
// A dry run (control.dry_run) writes nothing and reports what it would do.
interop::ImportReport ImportEche(store::Connection& connection, const EcheFile& file,
                                 const interop::ImportControl& control = {});

}  // namespace weltcampus::partners
