#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace weltcampus::interop {

// What a column holds; it decides how a text value is written where the file format has a type
// for it (a kDate column's "2027-09-30" becomes a real Excel date).
enum class CellKind { kText, kInteger, kNumber, kDate, kBoolean };

struct ExportColumn {
  std::string header;  // in the request's language
  CellKind kind = CellKind::kText;
};

// An empty cell, text (dates as ISO "YYYY-MM-DD" text), an integer, a number or a yes/no.
using Cell = std::variant<std::monostate, std::string, int64_t, double, bool>;

enum class ExportFormat { kCsv, kXlsx };

// "csv" or "xlsx" (ASCII case ignored); anything else is nullopt.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
std::string_view ContentType(ExportFormat format);
// Without the dot: "csv", "xlsx".
std::string_view FileExtension(ExportFormat format);

// Writes one table. Rows are added one at a time; Take() hands out what is ready so far (CSV: as
// rows come; XLSX: the whole file after Finish(), since a workbook is a zip), so a caller can
// stream. Not thread-safe; one thread at a time may use a writer (it may be a different one each
// time, as on the server's worker pool).
class TableWriter {
 public:
  // Throws std::invalid_argument without columns or with more than a sheet holds (16,384), and
  // std::runtime_error when the XLSX temporary file cannot be made.
  static std::unique_ptr<TableWriter> Create(ExportFormat format, std::vector<ExportColumn> columns,
                                             std::string sheet_name);
  virtual ~TableWriter() = default;
  // row.size() == columns.size(), else std::invalid_argument. XLSX throws std::length_error past
  // the 1,048,575 data rows a sheet holds. Not after Finish() (std::logic_error).
  virtual void AddRow(const std::vector<Cell>& row) = 0;
  // Completes the file; a second call does nothing.
  virtual void Finish() = 0;
  // The bytes produced since the last Take(); empty when nothing new is ready.
  virtual std::string Take() = 0;
};

// The next rows of a table, empty at the end. May block (a page of a database query).
using RowSource = std::function<std::vector<std::vector<Cell>>()>;

// A table as pieces for a streamed HTTP body (the shape of http::Response::stream): each call
// feeds the writer from next_rows until at least min_piece bytes are ready (or the table is at its
// end) and returns them; nullopt once everything is out. So a CSV goes out as it is read, in
// pieces big enough to be worth a chunk, and an XLSX as one piece when complete. Exceptions from
// next_rows or the writer pass through. Like the writer, for one thread at a time.
std::function<std::optional<std::string>()> StreamTable(std::unique_ptr<TableWriter> writer,
                                                        RowSource next_rows,
                                                        std::size_t min_piece = std::size_t{64} *
                                                                                1024);

// A name Excel accepts for a sheet: none of []:*?/\ and no control characters (replaced by '_'),
// no apostrophe at either end, at most 31 characters, not empty ("Sheet1") and not "History",
// which Excel reserves.
std::string ValidSheetName(std::string_view name);

}  // namespace weltcampus::interop
