#include "interop/table.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include "interop/csv_reader.h"
#include "interop/import_report.h"

namespace weltcampus::interop {

namespace {

class CsvRows : public RowReader {
 public:
  explicit CsvRows(std::string_view text) : reader_(text) {}
  bool Next(std::vector<std::string>& fields) override {
    try {
      return reader_.Next(fields);
    } catch (const ImportFileError&) {
      throw;
    } catch (const std::runtime_error& error) {
      throw ImportFileError(error.what());  // a quoted field never closed
    }
  }
  int line() const override { return reader_.line(); }

 private:
  CsvReader reader_;
};

class SheetRows : public RowReader {
 public:
  explicit SheetRows(Worksheet sheet) : sheet_(std::move(sheet)) {
    if (!sheet_.rows.empty()) {
      width_ = sheet_.rows.front().cells.size();
    }
  }
  bool Next(std::vector<std::string>& fields) override {
    if (next_ >= sheet_.rows.size()) {
      return false;
    }
    auto& row = sheet_.rows[next_++];
    line_ = row.number;
    fields = std::move(row.cells);
    if (fields.size() < width_) {
      fields.resize(width_);  // cells missing at the end are empty fields
    }
    return true;
  }
  int line() const override { return line_; }

 private:
  Worksheet sheet_;
  std::size_t width_ = 0;
  std::size_t next_ = 0;
  int line_ = 0;
};

bool EndsWithNoCase(std::string_view text, std::string_view end) {
  return text.size() >= end.size() &&
         std::equal(end.begin(), end.end(), text.end() - static_cast<std::ptrdiff_t>(end.size()),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

}  // namespace

TableFormat DetectTableFormat(std::string_view content, std::string_view file_name) {
  if (content.starts_with(std::string_view("PK\x03\x04", 4)) ||
      content.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return TableFormat::kXlsx;
  }
  if (EndsWithNoCase(file_name, ".xlsx") || EndsWithNoCase(file_name, ".xlsm") ||
      EndsWithNoCase(file_name, ".xls")) {
    return TableFormat::kXlsx;
  }
  return TableFormat::kCsv;
}

std::string_view TableFormatName(TableFormat format) {
  return format == TableFormat::kXlsx ? "xlsx" : "csv";
}

namespace {

Worksheet ReadWorkbook(std::string_view content, std::string_view file_name,
                       const XlsxLimits& limits, std::size_t stop) {
  const std::string subject =
      file_name.empty() ? "The file" : "The file \"" + std::string(file_name) + "\"";
  if (content.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    throw ImportFileError(subject +
                          " is an old Excel file (.xls) or a password-protected workbook: save it "
                          "as .xlsx without a password");
  }
  try {
    return ReadFirstWorksheet(content, limits, stop);
  } catch (const ImportFileError& error) {
    throw ImportFileError(subject + " " + error.what());
  }
}

}  // namespace

std::unique_ptr<RowReader> OpenTable(std::string_view content, TableFormat format,
                                     std::string_view file_name, const XlsxLimits& limits) {
  if (format == TableFormat::kXlsx) {
    return std::make_unique<SheetRows>(ReadWorkbook(content, file_name, limits, 0));
  }
  return std::make_unique<CsvRows>(content);
}

std::vector<std::string> ReadTableHeader(std::string_view content, TableFormat format,
                                         std::string_view file_name, const XlsxLimits& limits) {
  std::vector<std::string> fields;
  if (format == TableFormat::kXlsx) {
    auto sheet = ReadWorkbook(content, file_name, limits, 1);
    if (!sheet.rows.empty()) {
      fields = std::move(sheet.rows.front().cells);
    }
  } else {
    CsvRows rows(content);
    rows.Next(fields);
  }
  for (auto& field : fields) {
    field = CleanField(field);
  }
  while (!fields.empty() && fields.back().empty()) {
    fields.pop_back();
  }
  return fields;
}

}  // namespace weltcampus::interop
