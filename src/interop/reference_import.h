#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "interop/column_map.h"
#include "interop/import_report.h"
#include "store/database.h"

namespace weltcampus::interop {

// The reference lists there are importers for.
inline constexpr std::array<std::string_view, 3> kReferenceKinds = {"eche", "world-universities",
                                                                    "isced"};
bool IsReferenceKind(std::string_view kind);
// The fields of a CSV list and their default columns; empty for world-universities (JSON, no map).
const std::vector<ColumnSpec>& ReferenceColumns(std::string_view kind);

// The one way a reference list is imported, from the command line and from the server's jobs:
// reads and checks the text ("eche", "world-universities" or "isced"), then, unless it is a dry
// run, applies it in one transaction with one audit entry of its totals: an unreadable file, an
// error half-way or a cancellation changes nothing. A dry run only reads. Throws ImportFileError
// for a file that cannot be imported and ImportCancelled when control says to stop.
ImportReport ImportReference(store::Database& database, const std::string& kind,
                             std::string_view text, const std::string& file_name,
                             const ColumnMap& columns, const ImportControl& control);

// The same for a file on disk, with the default columns.
ImportReport ImportReferenceFile(store::Database& database, const std::string& kind,
                                 const std::string& path, const ImportControl& control = {});

}  // namespace weltcampus::interop
