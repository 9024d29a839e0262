#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace weltcampus::interop {

// RFC 4180 records: fields optionally in double quotes, "" for a quote inside them, separators
// and line breaks allowed inside quotes, CRLF or LF line ends. A UTF-8 byte order mark at the
// start is skipped. The separator is told by the first line: a comma, or a semicolon (what a
// spreadsheet writes in German settings, where the comma is the decimal sign) or a tab where the
// first line has more of those outside quotes. The text must outlive the reader.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text);

  char separator() const { return separator_; }

  // Reads the next record into fields; false at the end. Throws std::runtime_error naming the
  // line when a quoted field is never closed.
  bool Next(std::vector<std::string>& fields);
  // The line the last record started on (1-based), for messages about it.
  int line() const { return record_line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  int current_line_ = 1;
  int record_line_ = 0;
  char separator_ = ',';
};

// The separator of a CSV text, told by its first line (see CsvReader).
char CsvSeparatorOf(std::string_view text);

// The columns of a header record, looked up by name (case and surrounding spaces ignored).
class CsvHeader {
 public:
  explicit CsvHeader(const std::vector<std::string>& fields);
  std::optional<std::size_t> Find(std::string_view name) const;
  // Throws std::runtime_error naming the missing column.
  std::size_t Require(std::string_view name) const;

 private:
  std::vector<std::string> names_;
};

// Leading and trailing spaces, tabs and line breaks removed, and no-break spaces (U+00A0, common in
// spreadsheet exports) turned into plain spaces first.
std::string CleanField(std::string_view field);

}  // namespace weltcampus::interop
