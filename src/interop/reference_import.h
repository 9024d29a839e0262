#pragma once

#include <string>

#include "interop/import_report.h"
#include "store/database.h"

namespace weltcampus::interop {

// Reads and checks a reference file ("eche", "world-universities" or "isced"), then applies it in
// one transaction: a file that cannot be read or an error half-way changes nothing.
ImportReport ImportReferenceFile(store::Database& database, const std::string& kind,
                                 const std::string& path);

}  // namespace weltcampus::interop
