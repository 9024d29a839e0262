#include "interop/table_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <utility>

#include "core/date.h"

namespace weltcampus::interop {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
// Excel's limits: characters in a cell (counted in UTF-16 units), rows and columns in a sheet.
constexpr std::size_t kMaxCellUnits = 32767;
constexpr std::size_t kMaxSheetNameUnits = 31;
constexpr std::size_t kMaxRows = LXW_ROW_MAX;
constexpr std::size_t kMaxColumns = LXW_COL_MAX;
// Excel keeps 15 significant digits; a larger integer (a long identifier, say) would come back
// with its last digits turned to zeros, so it is written as text instead.
constexpr int64_t kLargestExactInteger = 999'999'999'999'999;

bool IsContinuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// The length of the well-formed UTF-8 sequence at text[pos] (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF), or 0 if there is none.
std::size_t SequenceLength(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) {
    return pos + i < text.size() ? static_cast<unsigned char>(text[pos + i]) : 0;
  };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    return IsContinuation(byte(1)) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned char second = byte(1);
    const bool second_ok = lead == 0xE0   ? (second >= 0xA0 && second <= 0xBF)
                           : lead == 0xED ? (second >= 0x80 && second <= 0x9F)
                                          : IsContinuation(second);
    return second_ok && IsContinuation(byte(2)) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned char second = byte(1);
    const bool second_ok = lead == 0xF0   ? (second >= 0x90 && second <= 0xBF)
                           : lead == 0xF4 ? (second >= 0x80 && second <= 0x8F)
                                          : IsContinuation(second);
    return second_ok && IsContinuation(byte(2)) && IsContinuation(byte(3)) ? 4 : 0;
  }
  return 0;
}

// Text from the database is meant to be UTF-8 but nothing enforces it; one stray Latin-1 byte
// would make the whole workbook unreadable to Excel (its XML must be well-formed), so every
// malformed sequence becomes U+FFFD. At most max_units UTF-16 units are kept, cut between
// characters.
std::string CleanText(std::string_view text, std::size_t max_units = std::string::npos) {
  std::string clean;
  clean.reserve(text.size());
  std::size_t units = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = SequenceLength(text, pos);
    const std::size_t needed = length == 4 ? 2 : 1;
    if (max_units != std::string::npos && units + needed > max_units) {
      break;
    }
    units += needed;
    if (length == 0) {
      clean += kReplacementCharacter;
      ++pos;
    } else {
      clean.append(text.substr(pos, length));
      pos += length;
    }
  }
  return clean;
}

std::size_t CountUnits(std::string_view clean_text) {
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < clean_text.size();) {
    const std::size_t length = std::max<std::size_t>(SequenceLength(clean_text, pos), 1);
    units += length == 4 ? 2 : 1;
    pos += length;
  }
  return units;
}

std::string FormatNumber(double value) {
  std::array<char, 32> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), result.ptr};
}

void CheckRow(const std::vector<Cell>& row, std::size_t columns, bool finished) {
  if (finished) {
    throw std::logic_error("table export: a row was added after Finish()");
  }
  if (row.size() != columns) {
    throw std::invalid_argument("table export: a row has " + std::to_string(row.size()) +
                                " cells, the table " + std::to_string(columns) + " columns");
  }
}

void CheckColumns(const std::vector<ExportColumn>& columns) {
  if (columns.empty() || columns.size() > kMaxColumns) {
    throw std::invalid_argument("table export: needs between 1 and 16384 columns");
  }
}

class CsvTableWriter final : public TableWriter {
 public:
  explicit CsvTableWriter(std::vector<ExportColumn> columns) : columns_(std::move(columns)) {
    CheckColumns(columns_);
    // Without the byte order mark Excel reads the file in the machine's legacy code page and
    // shows "MÃ¼nchen" for "München".
    output_ = kUtf8Bom;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      AppendSeparator(i);
      AppendText(columns_[i].header);
    }
    output_ += "\r\n";
  }

  void AddRow(const std::vector<Cell>& row) override {
    CheckRow(row, columns_.size(), finished_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      AppendSeparator(i);
      const Cell& cell = row[i];
      if (const auto* text = std::get_if<std::string>(&cell)) {
        AppendText(*text);
      } else if (const auto* integer = std::get_if<int64_t>(&cell)) {
        output_ += std::to_string(*integer);
      } else if (const auto* number = std::get_if<double>(&cell)) {
        // NaN and infinity are no value a spreadsheet or another program would read back.
        if (std::isfinite(*number)) {
          output_ += FormatNumber(*number);
        }
      } else if (const auto* flag = std::get_if<bool>(&cell)) {
        output_ += *flag ? "true" : "false";
      }
    }
    output_ += "\r\n";
  }

  void Finish() override { finished_ = true; }

  std::string Take() override { return std::exchange(output_, std::string()); }

 private:
  void AppendSeparator(std::size_t column) {
    if (column > 0) {
      output_ += ',';
    }
  }

  void AppendText(std::string_view raw) {
    std::string text = CleanText(raw);
    // CSV injection: Excel and LibreOffice run a cell that starts with =, +, - or @ as a formula
    // (and tab or CR can hide such a start), so a name someone typed into a form could fetch
    // URLs or run commands on the office's machine when the export is opened. The apostrophe
    // makes the spreadsheet show the text as text. Numbers are written from int64_t/double
    // cells and keep their minus sign.
    if (!text.empty() &&
        std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
      text.insert(text.begin(), '\'');
    }
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
      output_ += text;
      return;
    }
    output_ += '"';
    for (char c : text) {
      if (c == '"') {
        output_ += '"';
      }
      output_ += c;
    }
    output_ += '"';
  }

  std::vector<ExportColumn> columns_;
  std::string output_;
  bool finished_ = false;
};

// A file of our own in TMPDIR (or /tmp), removed when this goes out of scope, also on the way out
// of an exception.
class TemporaryFile {
 public:
  TemporaryFile() {
    const char* tmpdir = std::getenv("TMPDIR");
    directory_ = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
    std::string pattern = directory_ + "/weltcampus-export-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
      throw std::runtime_error("table export: cannot create a temporary file in " + directory_ +
                               ": " + std::strerror(errno));
    }
    // libxlsxwriter opens the file by its name; mkstemp made it ours (mode 0600) and unique.
    ::close(fd);
    path_ = std::move(pattern);
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  ~TemporaryFile() { ::unlink(path_.c_str()); }

  const std::string& path() const { return path_; }
  const std::string& directory() const { return directory_; }

 private:
  std::string directory_;
  std::string path_;
};

// Frees a workbook that was never closed (an exception on the way, or a client that went away):
// nothing is written. lxw_workbook_free leaves constant_memory's row files open, so they are
// closed here (the system removes them on close).
struct AbandonWorkbook {
  void operator()(lxw_workbook* workbook) const {
    lxw_sheet* sheet = nullptr;
    STAILQ_FOREACH(sheet, workbook->sheets, list_pointers) {
      if (!sheet->is_chartsheet && sheet->u.worksheet != nullptr &&
          sheet->u.worksheet->optimize_tmpfile != nullptr) {
        std::fclose(sheet->u.worksheet->optimize_tmpfile);
        sheet->u.worksheet->optimize_tmpfile = nullptr;
        sheet->u.worksheet->file = nullptr;
      }
    }
    lxw_workbook_free(workbook);
  }
};

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("table export: ") + what + ": " + lxw_strerror(error));
  }
}

class XlsxTableWriter final : public TableWriter {
 public:
  XlsxTableWriter(std::vector<ExportColumn> columns, const std::string& sheet_name)
      : columns_(std::move(columns)), tmpdir_(file_.directory()) {
    CheckColumns(columns_);
    // constant_memory: each row goes to a temporary file as soon as the next one starts, so a
    // list of any length needs the memory of one row (strings are written inline, not shared).
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.tmpdir = tmpdir_.data();
    options.use_zip64 = LXW_FALSE;
    workbook_.reset(workbook_new_opt(file_.path().c_str(), &options));
    if (workbook_ == nullptr) {
      throw std::runtime_error("table export: cannot start a workbook in " + tmpdir_);
    }
    const std::string name = ValidSheetName(sheet_name);
    worksheet_ = workbook_add_worksheet(workbook_.get(), name.c_str());
    header_format_ = workbook_add_format(workbook_.get());
    date_format_ = workbook_add_format(workbook_.get());
    if (worksheet_ == nullptr || header_format_ == nullptr || date_format_ == nullptr) {
      throw std::runtime_error("table export: cannot start a worksheet");
    }
    format_set_bold(header_format_);
    format_set_num_format(date_format_, "yyyy-mm-dd");
    worksheet_freeze_panes(worksheet_, 1, 0);
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const auto column = static_cast<lxw_col_t>(i);
      const std::string header = CleanText(columns_[i].header, kMaxCellUnits);
      // Wide enough for the header and its filter button; dates need ten characters.
      double width = static_cast<double>(CountUnits(header)) + 4;
      if (columns_[i].kind == CellKind::kDate) {
        width = std::max(width, 12.0);
      }
      Check(worksheet_set_column(worksheet_, column, column, std::clamp(width, 8.0, 60.0), nullptr),
            "column width");
      Check(worksheet_write_string(worksheet_, 0, column, header.c_str(), header_format_),
            "header");
    }
  }

  void AddRow(const std::vector<Cell>& row) override {
    CheckRow(row, columns_.size(), workbook_ == nullptr);
    if (next_row_ >= kMaxRows) {
      throw std::length_error("table export: the list has more rows than an Excel sheet holds");
    }
    const auto row_number = static_cast<lxw_row_t>(next_row_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      WriteCell(row_number, static_cast<lxw_col_t>(i), columns_[i].kind, row[i]);
    }
    ++next_row_;
  }

  void Finish() override {
    if (workbook_ == nullptr) {
      return;
    }
    const auto last_column = static_cast<lxw_col_t>(columns_.size() - 1);
    Check(
        worksheet_autofilter(worksheet_, 0, 0, static_cast<lxw_row_t>(next_row_ - 1), last_column),
        "autofilter");
    // workbook_close frees the workbook whether or not it succeeds.
    const lxw_error error = workbook_close(workbook_.release());
    Check(error, "writing the workbook");
    std::ifstream in(file_.path(), std::ios::binary);
    output_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      throw std::runtime_error("table export: cannot read back the workbook");
    }
  }

  std::string Take() override { return std::exchange(output_, std::string()); }

 private:
  void WriteCell(lxw_row_t row, lxw_col_t column, CellKind kind, const Cell& cell) {
    if (const auto* text = std::get_if<std::string>(&cell)) {
      if (kind == CellKind::kDate) {
        if (const auto date = Date::Parse(*text)) {
          lxw_datetime datetime{date->year, date->month, date->day, 0, 0, 0.0};
          Check(worksheet_write_datetime(worksheet_, row, column, &datetime, date_format_), "date");
          return;
        }
        // Not a date Excel can hold (before 1900, or not ISO): kept as the text it is.
      }
      // Excel refuses to open a file with a longer cell; the rest of such text is dropped.
      const std::string clean = CleanText(*text, kMaxCellUnits);
      Check(worksheet_write_string(worksheet_, row, column, clean.c_str(), nullptr), "text");
    } else if (const auto* integer = std::get_if<int64_t>(&cell)) {
      if (*integer > kLargestExactInteger || *integer < -kLargestExactInteger) {
        const std::string digits = std::to_string(*integer);
        Check(worksheet_write_string(worksheet_, row, column, digits.c_str(), nullptr), "text");
      } else {
        Check(
            worksheet_write_number(worksheet_, row, column, static_cast<double>(*integer), nullptr),
            "number");
      }
    } else if (const auto* number = std::get_if<double>(&cell)) {
      // Excel has no NaN or infinity; such a cell stays empty rather than corrupt the sheet.
      if (std::isfinite(*number)) {
        Check(worksheet_write_number(worksheet_, row, column, *number, nullptr), "number");
      }
    } else if (const auto* flag = std::get_if<bool>(&cell)) {
      Check(worksheet_write_boolean(worksheet_, row, column, *flag ? 1 : 0, nullptr), "boolean");
    }
  }

  std::vector<ExportColumn> columns_;
  TemporaryFile file_;
  std::string tmpdir_;                                       // libxlsxwriter keeps a pointer to it
  std::unique_ptr<lxw_workbook, AbandonWorkbook> workbook_;  // null once Finish() wrote it
  lxw_worksheet* worksheet_ = nullptr;
  lxw_format* header_format_ = nullptr;
  lxw_format* date_format_ = nullptr;
  std::size_t next_row_ = 1;  // row 0 is the header
  std::string output_;
};

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "csv") {
    return ExportFormat::kCsv;
  }
  if (lower == "xlsx") {
    return ExportFormat::kXlsx;
  }
  return std::nullopt;
}

std::string_view ContentType(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "text/csv; charset=utf-8";
    case ExportFormat::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

std::string_view FileExtension(ExportFormat format) {
  switch (format) {
    case ExportFormat::kCsv:
      return "csv";
    case ExportFormat::kXlsx:
      return "xlsx";
  }
  return "bin";
}

std::unique_ptr<TableWriter> TableWriter::Create(ExportFormat format,
                                                 std::vector<ExportColumn> columns,
                                                 std::string sheet_name) {
  switch (format) {
    case ExportFormat::kCsv:
      return std::make_unique<CsvTableWriter>(std::move(columns));
    case ExportFormat::kXlsx:
      return std::make_unique<XlsxTableWriter>(std::move(columns), sheet_name);
  }
  throw std::invalid_argument("table export: unknown format");
}

std::function<std::optional<std::string>()> StreamTable(std::unique_ptr<TableWriter> writer,
                                                        RowSource next_rows,
                                                        std::size_t min_piece) {
  struct State {
    std::unique_ptr<TableWriter> writer;
    RowSource next_rows;
    std::size_t min_piece;
    bool finished = false;
  };
  // Shared, since std::function must be copyable and the writer is not.
  auto state = std::make_shared<State>(State{std::move(writer), std::move(next_rows), min_piece});
  return [state]() -> std::optional<std::string> {
    std::string piece = state->writer->Take();
    while (piece.size() < state->min_piece && !state->finished) {
      const auto rows = state->next_rows();
      if (rows.empty()) {
        state->writer->Finish();
        state->finished = true;
      }
      for (const auto& row : rows) {
        state->writer->AddRow(row);
      }
      piece += state->writer->Take();
    }
    if (piece.empty()) {
      return std::nullopt;
    }
    return piece;
  };
}

std::string ValidSheetName(std::string_view name) {
  std::string replaced = CleanText(name);
  for (char& c : replaced) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos ||
        static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      c = '_';
    }
  }
  std::string_view trimmed = replaced;
  while (!trimmed.empty() && (trimmed.front() == '\'' || trimmed.front() == ' ')) {
    trimmed.remove_prefix(1);
  }
  std::string result = CleanText(trimmed, kMaxSheetNameUnits);
  while (!result.empty() && (result.back() == '\'' || result.back() == ' ')) {
    result.pop_back();
  }
  if (result.empty()) {
    return "Sheet1";
  }
  std::string lower = result;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "history") {
    result += '_';
  }
  return result;
}

}  // namespace weltcampus::interop
