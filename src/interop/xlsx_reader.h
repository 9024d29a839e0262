#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interop/zip_archive.h"

namespace weltcampus::interop {

// What an uploaded workbook may hold; beyond it, an ImportFileError says which limit.
struct XlsxLimits {
  ZipLimits zip;
  std::size_t max_rows = 200'000;     // rows with content
  std::size_t max_columns = 256;      // column IV; a cell further right is refused
  std::size_t max_cells = 4'000'000;  // fields of all rows, gaps included
  std::size_t max_shared_strings = 1'000'000;
  std::size_t max_xml_depth = 32;
};

// One row of a worksheet with content: its number in the sheet (1-based, as Excel shows it) and
// its cells from column A up to the last one with a value; missing cells are empty fields.
struct SheetRow {
  int number = 0;
  std::vector<std::string> cells;
};

struct Worksheet {
  std::string name;
  std::vector<SheetRow> rows;  // rows without any value are left out, numbers kept
};

// Reads the first worksheet (in the workbook's order) of an .xlsx workbook in memory: shared
// strings (rich text runs joined, phonetic runs left out), inline strings, formula results,
// numbers (an integer without ".0", any other number as the shortest text that reads back the
// same; a date is its serial number, as the cell holds it), booleans as TRUE and FALSE, errors as
// their text (#N/A). Stops after `stop_after` rows with content when that is not 0 (the header).
// Throws ImportFileError, its message completing "the file ...", for anything that is not a
// readable workbook (not a zip, encrypted, no worksheet, damaged XML, a DTD) and for a limit.
Worksheet ReadFirstWorksheet(std::string_view bytes, const XlsxLimits& limits = {},
                             std::size_t stop_after = 0);

// A number cell's text as described above; the raw text when it is not a number.
std::string FormatNumberCell(std::string_view raw);

// The 0-based column of a cell reference ("A1" -> 0, "AA7" -> 26); nullopt-like -1 when the
// reference has no column letters.
long ColumnOfReference(std::string_view reference);

}  // namespace weltcampus::interop
