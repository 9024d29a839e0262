#include "organisation/import/importers.h"

#include "kit/importers.h"
#include "organisation/import/isced_import.h"

namespace weltcampus::organisation {

void RegisterImporters() {
  kit::RegisterImporter(
      {"isced", IscedColumns(),
       [](store::Database& database, const audit::Actor& actor, std::string_view content,
          const std::string& file_name, const interop::ColumnMap& columns,
          const interop::ImportControl& control) {
         const auto file = ParseIsced(*kit::OpenRows(content, file_name), columns);
         return kit::RunImport(database, actor, file_name, control,
                               [&](store::Connection& c) { return ImportIsced(c, file, control); });
       }});
}

}  // namespace weltcampus::organisation
