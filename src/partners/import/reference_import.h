#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit.h"
#include "interop/column_map.h"
#include "interop/import_report.h"
#include "store/database.h"

namespace weltcampus::partners {

// The reference lists there are importers for.
inline constexpr std::array<std::string_view, 3> kReferenceKinds = {"eche", "world-universities",
                                                                    "isced"};
bool IsReferenceKind(std::string_view kind);
// The fields of a CSV list and their default columns; empty for world-universities (JSON, no map).
const std::vector<interop::ColumnSpec>& ReferenceColumns(std::string_view kind);

// The one way a reference list is imported, from the command line and from the server's jobs:
// reads and checks the file ("eche", "world-universities" or "isced"; a table as CSV text or an
// .xlsx workbook, told apart by content or file name), then, unless it is a dry
// run, applies it in one transaction with one audit entry of its totals in the actor's name: an
// unreadable file, an
// error half-way or a cancellation changes nothing. A dry run only reads. Throws ImportFileError
// for a file that cannot be imported and ImportCancelled when control says to stop.
interop::ImportReport ImportReference(store::Database& database, const audit::Actor& actor,
                                      const std::string& kind, std::string_view text,
                                      const std::string& file_name,
                                      const interop::ColumnMap& columns,
                                      const interop::ImportControl& control);

// The same for a file on disk, with the default columns.
interop::ImportReport ImportReferenceFile(store::Database& database, const audit::Actor& actor,
                                          const std::string& kind, const std::string& path,
                                          const interop::ImportControl& control = {});

}  // namespace weltcampus::partners
