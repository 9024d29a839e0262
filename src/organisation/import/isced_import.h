#pragma once

#include <string_view>
#include <vector>

#include "interop/column_map.h"
#include "interop/import_report.h"
#include "interop/table.h"
#include "organisation/model.h"
#include "store/sql.h"

namespace weltcampus::organisation {

struct IscedRow {
  int line = 0;
  IscedField field;
};

struct IscedFile {
  std::vector<IscedRow> rows;
  std::vector<interop::Rejection> rejected;
};

// The fields of the ISCED-F table and their default column headers.
const std::vector<interop::ColumnSpec>& IscedColumns();

// Reads the ISCED-F 2013 table, its header first, from CSV or a worksheet (columns code, level,
// label_en, label_de unless the map says otherwise).
IscedFile ParseIsced(interop::RowReader& rows, const interop::ColumnMap& columns = {});
// The same for CSV text.
IscedFile ParseIsced(std::string_view csv, const interop::ColumnMap& columns = {});

// Adds or updates the reference table, in the caller's transaction. Codes are never deleted:
// quotas may refer to them.
interop::ImportReport ImportIsced(store::Connection& connection, const IscedFile& file,
                                  const interop::ImportControl& control = {});

}  // namespace weltcampus::organisation
