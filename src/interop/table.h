#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interop/xlsx_reader.h"

namespace weltcampus::interop {

// The two kinds of file an import of a table reads.
enum class TableFormat { kCsv, kXlsx };

// The media type of an .xlsx workbook.
inline constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// Chosen once per file: by content (a zip archive "PK\3\4", or the OLE container of an old .xls
// or an encrypted workbook) or else by name (".xlsx"); anything else is CSV.
TableFormat DetectTableFormat(std::string_view content, std::string_view file_name);
std::string_view TableFormatName(TableFormat format);  // "csv", "xlsx"

// The rows of a table file, the header first, whatever the format: what the importers read.
class RowReader {
 public:
  virtual ~RowReader() = default;
  // The next row into fields; false at the end. A blank CSV line comes as one empty field; a
  // worksheet leaves rows without values out and gives each row at least the header's width.
  // Throws ImportFileError for a file that cannot be read on.
  virtual bool Next(std::vector<std::string>& fields) = 0;
  // Where the last row is, for messages: the CSV line it starts on, or the worksheet's row number.
  virtual int line() const = 0;
};

// Opens the content (which must outlive the reader) as its format says. A workbook is read
// whole here, so a broken one throws ImportFileError at once, its message naming the file
// ("The file \"x.xlsx\" is not an .xlsx workbook ...").
std::unique_ptr<RowReader> OpenTable(std::string_view content, TableFormat format,
                                     std::string_view file_name, const XlsxLimits& limits = {});

// The column names of the first row, cleaned (CleanField), without the empty ones at the end;
// for the column map. Reads no further than that row. Throws ImportFileError.
std::vector<std::string> ReadTableHeader(std::string_view content, TableFormat format,
                                         std::string_view file_name, const XlsxLimits& limits = {});

}  // namespace weltcampus::interop
