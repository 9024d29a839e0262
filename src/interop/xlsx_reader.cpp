#include "interop/xlsx_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>

#include "interop/csv_reader.h"
#include "interop/import_report.h"
#include "interop/xml_events.h"

namespace weltcampus::interop {

namespace {

constexpr int kMaxSheetRow = 1'048'576;  // Excel's last row
constexpr std::string_view kOfficeDocument = "/officeDocument";
constexpr std::string_view kWorksheet = "/worksheet";
constexpr std::string_view kSharedStrings = "/sharedStrings";

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // a part name, resolved against the source part's folder
};

// The folder of a part ("xl/workbook.xml" -> "xl/").
std::string FolderOf(std::string_view part) {
  const auto slash = part.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// A relationship's target as a part name: absolute ("/xl/worksheets/sheet1.xml") or relative to
// the source's folder, with "." and ".." resolved.
std::string ResolveTarget(const std::string& folder, std::string_view target) {
  std::string path =
      target.starts_with("/") ? std::string(target.substr(1)) : folder + std::string(target);
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) {
      end = path.size();
    }
    const auto segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string resolved;
  for (const auto& segment : segments) {
    resolved += (resolved.empty() ? "" : "/") + segment;
  }
  return resolved;
}

// The relationships of a part ("xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"); none when
// the part has no relationships part.
std::vector<Relationship> ReadRelationships(ZipArchive& zip, std::string_view source,
                                            const XlsxLimits& limits) {
  const auto folder = FolderOf(source);
  const auto rels = folder + "_rels/" + std::string(source.substr(folder.size())) + ".rels";
  std::vector<Relationship> relationships;
  if (!zip.Has(rels)) {
    return relationships;
  }
  const auto text = zip.Read(rels);
  XmlEvents xml(text, rels, limits.max_xml_depth);
  while (xml.Next()) {
    if (xml.IsStart("Relationship") && xml.Attribute("TargetMode").value_or("") != "External") {
      relationships.push_back({xml.Attribute("Id").value_or(""), xml.Attribute("Type").value_or(""),
                               ResolveTarget(folder, xml.Attribute("Target").value_or(""))});
    }
  }
  return relationships;
}

std::optional<Relationship> FindByType(const std::vector<Relationship>& relationships,
                                       std::string_view type_end) {
  for (const auto& relationship : relationships) {
    if (relationship.type.ends_with(type_end)) {
      return relationship;
    }
  }
  return std::nullopt;
}

std::vector<std::string> ReadSharedStrings(ZipArchive& zip, const std::string& part,
                                           const XlsxLimits& limits) {
  const auto text = zip.Read(part);
  XmlEvents xml(text, part, limits.max_xml_depth);
  std::vector<std::string> strings;
  std::string current;
  while (xml.Next()) {
    if (xml.IsStart("si")) {
      current.clear();
    } else if (xml.IsEnd("si")) {
      if (strings.size() >= limits.max_shared_strings) {
        throw ImportFileError(
            fmt::format("has more than {} different texts", limits.max_shared_strings));
      }
      strings.push_back(std::move(current));
      current.clear();
    } else if (xml.kind() == XmlEvents::Kind::kText && !xml.open().empty() &&
               xml.open().back() == "t" && xml.Inside("si") && !xml.Inside("rPh")) {
      current += xml.text();  // a plain <t> or the <t> of a rich text run <r>
    }
  }
  return strings;
}

std::string ColumnLetters(long column) {
  std::string letters;
  for (long n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string CellName(long column, int row) { return ColumnLetters(column) + std::to_string(row); }

std::string CellText(const std::string& type, const std::string& value, std::string inline_text,
                     const std::vector<std::string>& shared, long column, int row) {
  if (type == "s") {
    std::size_t index = 0;
    const auto trimmed = CleanField(value);
    const auto [end, error] =
        std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), index);
    if (error != std::errc() || end != trimmed.data() + trimmed.size() || index >= shared.size()) {
      throw ImportFileError(
          fmt::format("is damaged: cell {} refers to a shared text that does not exist",
                      CellName(column, row)));
    }
    return shared[index];
  }
  if (type == "inlineStr") {
    return inline_text;
  }
  if (type == "b") {
    return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value;
  }
  if (type == "n") {
    return FormatNumberCell(value);
  }
  return value;  // str (a formula's text), e (an error such as #N/A), d (an ISO date)
}

Worksheet ReadSheet(ZipArchive& zip, const std::string& part,
                    const std::vector<std::string>& shared, const XlsxLimits& limits,
                    std::size_t stop_after) {
  const auto text = zip.Read(part);
  XmlEvents xml(text, part, limits.max_xml_depth);
  Worksheet sheet;
  SheetRow row;
  bool in_row = false;
  bool in_cell = false;
  int last_row = 0;
  long next_column = 0;
  long column = 0;
  std::size_t cells = 0;
  std::string type;
  std::string value;
  std::string inline_text;
  while (xml.Next()) {
    if (xml.IsStart("row") && xml.Inside("sheetData")) {
      int number = last_row + 1;
      if (const auto r = xml.Attribute("r")) {
        const auto [end, error] = std::from_chars(r->data(), r->data() + r->size(), number);
        if (error != std::errc() || end != r->data() + r->size()) {
          number = 0;
        }
      }
      if (number <= last_row || number > kMaxSheetRow) {
        throw ImportFileError(fmt::format(
            "is damaged: its worksheet has rows out of order (after row {})", last_row));
      }
      row = SheetRow{number, {}};
      in_row = true;
      next_column = 0;
    } else if (xml.IsEnd("row") && in_row) {
      in_row = false;
      last_row = row.number;
      bool has_content = false;
      for (const auto& cell : row.cells) {
        has_content = has_content || !CleanField(cell).empty();
      }
      if (!has_content) {
        continue;
      }
      if (sheet.rows.size() >= limits.max_rows) {
        throw ImportFileError(fmt::format("has more than {} rows", limits.max_rows));
      }
      cells += row.cells.size();
      if (cells > limits.max_cells) {
        throw ImportFileError(fmt::format("has more than {} cells", limits.max_cells));
      }
      sheet.rows.push_back(std::move(row));
      if (stop_after != 0 && sheet.rows.size() >= stop_after) {
        break;
      }
    } else if (xml.IsStart("c") && in_row) {
      in_cell = true;
      column = next_column;
      if (const auto r = xml.Attribute("r")) {
        column = ColumnOfReference(*r);
        if (column < 0) {
          throw ImportFileError(
              fmt::format("is damaged: a cell of row {} has the reference \"{}\"", row.number, *r));
        }
      }
      type = xml.Attribute("t").value_or("n");
      value.clear();
      inline_text.clear();
    } else if (xml.IsEnd("c") && in_cell) {
      in_cell = false;
      next_column = column + 1;
      auto cell = CellText(type, value, std::move(inline_text), shared, column, row.number);
      inline_text.clear();
      if (cell.empty()) {
        continue;  // an empty cell (only formatted) widens nothing
      }
      if (static_cast<std::size_t>(column) >= limits.max_columns) {
        throw ImportFileError(fmt::format("has a value in cell {}, beyond the {} columns read",
                                          CellName(column, row.number), limits.max_columns));
      }
      if (row.cells.size() <= static_cast<std::size_t>(column)) {
        row.cells.resize(static_cast<std::size_t>(column) + 1);
      }
      row.cells[static_cast<std::size_t>(column)] = std::move(cell);
    } else if (xml.kind() == XmlEvents::Kind::kText && in_cell && !xml.open().empty()) {
      const auto& parent = xml.open().back();
      if (parent == "v") {
        value += xml.text();
      } else if (parent == "t" && xml.Inside("is") && !xml.Inside("rPh")) {
        inline_text += xml.text();
      }
    }
  }
  return sheet;
}

}  // namespace

long ColumnOfReference(std::string_view reference) {
  long column = 0;
  std::size_t letters = 0;
  for (const char c : reference) {
    long digit = 0;
    if (c >= 'A' && c <= 'Z') {
      digit = c - 'A' + 1;
    } else if (c >= 'a' && c <= 'z') {
      digit = c - 'a' + 1;
    } else {
      break;
    }
    if (++letters > 4) {
      return -1;  // beyond any column a sheet can have
    }
    column = column * 26 + digit;
  }
  return letters == 0 ? -1 : column - 1;
}

std::string FormatNumberCell(std::string_view raw) {
  const auto text = CleanField(raw);
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
      !std::isfinite(number)) {
    return std::string(raw);
  }
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  if (number == std::trunc(number) && std::fabs(number) < kExactIntegers) {
    return std::to_string(static_cast<std::int64_t>(number));
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  return std::string(buffer, result.ptr);
}

Worksheet ReadFirstWorksheet(std::string_view bytes, const XlsxLimits& limits,
                             std::size_t stop_after) {
  ZipArchive zip(bytes, limits.zip);
  std::string workbook = "xl/workbook.xml";
  if (const auto office = FindByType(ReadRelationships(zip, "", limits), kOfficeDocument)) {
    workbook = office->target;
  }
  if (!zip.Has(workbook)) {
    throw ImportFileError("is not an .xlsx workbook (a zip archive without a workbook in it)");
  }
  std::string sheet_name;
  std::string sheet_id;
  {
    const auto text = zip.Read(workbook);
    XmlEvents xml(text, workbook, limits.max_xml_depth);
    while (xml.Next()) {
      if (xml.IsStart("sheet") && xml.Inside("sheets")) {
        sheet_name = xml.Attribute("name").value_or("");
        sheet_id = xml.Attribute("id", true).value_or("");
        break;
      }
    }
  }
  if (sheet_id.empty()) {
    throw ImportFileError("is a workbook without any worksheet");
  }
  const auto relationships = ReadRelationships(zip, workbook, limits);
  const Relationship* sheet = nullptr;
  for (const auto& relationship : relationships) {
    if (relationship.id == sheet_id) {
      sheet = &relationship;
    }
  }
  if (sheet == nullptr || !zip.Has(sheet->target)) {
    throw ImportFileError(
        fmt::format("is not a complete workbook: its first sheet \"{}\" is missing", sheet_name));
  }
  if (!sheet->type.ends_with(kWorksheet)) {
    throw ImportFileError(fmt::format(
        "has a chart or dialog as its first sheet \"{}\", not a worksheet", sheet_name));
  }
  std::vector<std::string> shared;
  if (const auto strings = FindByType(relationships, kSharedStrings)) {
    if (zip.Has(strings->target)) {
      shared = ReadSharedStrings(zip, strings->target, limits);
    }
  }
  auto result = ReadSheet(zip, sheet->target, shared, limits, stop_after);
  result.name = std::move(sheet_name);
  return result;
}

}  // namespace weltcampus::interop
