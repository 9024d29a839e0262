// An uploaded workbook as every import reads it (interop/table.h): the zip archive, the
// relationships, the workbook, the shared strings and the first worksheet. A file is read or
// refused with an ImportFileError; anything else escaping would fail the import's job without a
// reason. Every cell is UTF-8, and no row is wider than the column limit.
//
// An input starting with "PK" is the file itself (the zip layer). Any other input is the XML of
// the parts, separated by lines "--part--": the worksheet, the shared strings, the workbook, the
// workbook's relationships, the package's relationships; this harness packs them into a stored
// zip archive with the right checksums, so that mutations reach the XML readers instead of
// failing at the archive.
#include <zlib.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.h"
#include "interop/import_report.h"
#include "interop/table.h"

namespace {

using namespace weltcampus;

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>)";

// The defaults of the parts an input leaves out.
constexpr std::array<std::string_view, 5> kPartNames = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels", "_rels/.rels"};
constexpr std::array<std::string_view, 5> kDefaultParts = {
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)",
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Name</t></si></sst>)",
    R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)",
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)",
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)"};

void Put16(std::string& out, uint32_t value) {
  out += static_cast<char>(value & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
}
void Put32(std::string& out, uint32_t value) {
  Put16(out, value & 0xFFFF);
  Put16(out, value >> 16);
}

// A zip archive of the members, stored (not compressed), as APPNOTE.TXT 4.3 lays it out.
std::string StoredZip(const std::vector<std::pair<std::string_view, std::string_view>>& members) {
  std::string archive;
  std::string directory;
  for (const auto& [name, content] : members) {
    const auto crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(content.data()),
                                                 static_cast<uInt>(content.size())));
    const auto offset = static_cast<uint32_t>(archive.size());
    const auto size = static_cast<uint32_t>(content.size());
    Put32(archive, 0x04034b50);
    Put16(archive, 20);    // version needed
    Put16(archive, 0);     // flags
    Put16(archive, 0);     // stored
    Put16(archive, 0);     // time
    Put16(archive, 0x21);  // date: 1 January 1980
    Put32(archive, crc);
    Put32(archive, size);
    Put32(archive, size);
    Put16(archive, static_cast<uint32_t>(name.size()));
    Put16(archive, 0);
    archive += name;
    archive += content;
    Put32(directory, 0x02014b50);
    Put16(directory, 20);  // version made by
    Put16(directory, 20);  // version needed
    Put16(directory, 0);
    Put16(directory, 0);
    Put16(directory, 0);
    Put16(directory, 0x21);
    Put32(directory, crc);
    Put32(directory, size);
    Put32(directory, size);
    Put16(directory, static_cast<uint32_t>(name.size()));
    Put16(directory, 0);  // extra
    Put16(directory, 0);  // comment
    Put16(directory, 0);  // disk
    Put16(directory, 0);  // internal attributes
    Put32(directory, 0);  // external attributes
    Put32(directory, offset);
    directory += name;
  }
  const auto directory_offset = static_cast<uint32_t>(archive.size());
  archive += directory;
  Put32(archive, 0x06054b50);
  Put16(archive, 0);
  Put16(archive, 0);
  Put16(archive, static_cast<uint32_t>(members.size()));
  Put16(archive, static_cast<uint32_t>(members.size()));
  Put32(archive, static_cast<uint32_t>(directory.size()));
  Put32(archive, directory_offset);
  Put16(archive, 0);
  return archive;
}

std::string WorkbookOf(std::string_view input) {
  std::array<std::string_view, kDefaultParts.size()> parts = kDefaultParts;
  constexpr std::string_view kSeparator = "\n--part--\n";
  for (std::size_t i = 0; i < parts.size() && !input.empty(); ++i) {
    const auto end = input.find(kSeparator);
    parts[i] = input.substr(0, end);
    input =
        end == std::string_view::npos ? std::string_view() : input.substr(end + kSeparator.size());
  }
  std::vector<std::pair<std::string_view, std::string_view>> members = {
      {"[Content_Types].xml", kContentTypes}};
  for (std::size_t i = 0; i < parts.size(); ++i) {
    members.emplace_back(kPartNames[i], parts[i]);
  }
  return StoredZip(members);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string content = input.starts_with("PK") ? std::string(input) : WorkbookOf(input);
  // The real limits' code, with limits small enough to reach them within a fuzzer's input.
  interop::XlsxLimits limits;
  limits.max_rows = 200;
  limits.max_columns = 64;
  limits.max_cells = 2'000;
  limits.max_shared_strings = 500;
  limits.max_xml_depth = 16;
  limits.zip.max_entry_size = 1 << 20;
  limits.zip.max_total_size = 2 << 20;
  try {
    interop::ReadTableHeader(content, interop::TableFormat::kXlsx, "x.xlsx", limits);
    auto rows = interop::OpenTable(content, interop::TableFormat::kXlsx, "x.xlsx", limits);
    std::vector<std::string> fields;
    while (rows->Next(fields)) {
      for (const auto& field : fields) {
        if (!IsUtf8(field)) {
          __builtin_trap();
        }
      }
      if (fields.size() > limits.max_columns) {
        __builtin_trap();
      }
    }
  } catch (const interop::ImportFileError&) {
  }
  return 0;
}
