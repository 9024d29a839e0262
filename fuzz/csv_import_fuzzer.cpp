// An uploaded CSV file as every import reads it (interop/table.h, interop/column_map.h): the
// header for the column map, then the rows, each field cleaned. A file is read or refused with an
// ImportFileError (the import's report says why); anything else escaping would fail the import's
// job without a reason. A field of a UTF-8 file is UTF-8: a cut never falls inside a character.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "interop/column_map.h"
#include "interop/csv_reader.h"
#include "interop/import_report.h"
#include "interop/table.h"

namespace {

using namespace weltcampus;

const std::vector<interop::ColumnSpec>& Specs() {
  static const std::vector<interop::ColumnSpec> specs = {{"name", "Name", true},
                                                         {"country", "Country", false},
                                                         {"erasmus_code", "Erasmus Code", false}};
  return specs;
}

void RequireText(const std::string& field, bool utf8_file) {
  if (utf8_file && !IsUtf8(field)) {
    __builtin_trap();
  }
}

void ReadFile(std::string_view content) {
  const bool utf8_file = IsUtf8(content);
  for (const auto& name : interop::ReadTableHeader(content, interop::TableFormat::kCsv, "x.csv")) {
    RequireText(name, utf8_file);
  }
  auto rows = interop::OpenTable(content, interop::TableFormat::kCsv, "x.csv");
  std::vector<std::string> fields;
  if (!rows->Next(fields)) {
    return;
  }
  const interop::CsvHeader header(fields);
  const auto columns = interop::ResolveColumns(header, Specs(), interop::DefaultColumnMap(Specs()));
  while (rows->Next(fields)) {
    for (const auto& [field, index] : columns) {
      if (index < fields.size()) {
        RequireText(interop::CleanField(fields[index]), utf8_file);
      }
    }
    if (rows->line() <= 0) {
      __builtin_trap();  // every row can be named in the report
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    ReadFile(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const weltcampus::interop::ImportFileError&) {
  }
  return 0;
}
