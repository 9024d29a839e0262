#include "partners/import/importers.h"

#include "kit/importers.h"
#include "partners/import/eche_import.h"
#include "partners/import/world_universities_import.h"

namespace weltcampus::partners {

void RegisterImporters() {
  kit::RegisterImporter(
      {"eche", EcheColumns(),
       [](store::Database& database, const audit::Actor& actor, std::string_view content,
          const std::string& file_name, const interop::ColumnMap& columns,
          const interop::ImportControl& control) {
         const auto file = ParseEche(*kit::OpenRows(content, file_name), columns);
         return kit::RunImport(database, actor, file_name, control,
                               [&](store::Connection& c) { return ImportEche(c, file, control); });
       }});
  kit::RegisterImporter(
      {"world-universities",
       {},
       [](store::Database& database, const audit::Actor& actor, std::string_view content,
          const std::string& file_name, const interop::ColumnMap&,
          const interop::ImportControl& control) {
         if (interop::DetectTableFormat(content, file_name) == interop::TableFormat::kXlsx) {
           throw interop::ImportFileError("The world universities list is JSON, not a workbook");
         }
         const auto file = ParseWorldUniversities(content);
         return kit::RunImport(database, actor, file_name, control, [&](store::Connection& c) {
           return ImportWorldUniversities(c, file, control);
         });
       }});
}

}  // namespace weltcampus::partners
