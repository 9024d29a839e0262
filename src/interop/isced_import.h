#pragma once

#include <string_view>
#include <vector>

#include "interop/import_report.h"
#include "partners/model.h"
#include "store/sql.h"

namespace weltcampus::interop {

struct IscedRow {
  int line = 0;
  partners::IscedField field;
};

struct IscedFile {
  std::vector<IscedRow> rows;
  std::vector<Rejection> rejected;
};

// Reads the ISCED-F 2013 table (columns code, level, label_en, label_de).
IscedFile ParseIsced(std::string_view csv);

// Adds or updates the reference table, in the caller's transaction. Codes are never deleted:
// quotas may refer to them.
ImportReport ImportIsced(store::Connection& connection, const IscedFile& file);

}  // namespace weltcampus::interop
