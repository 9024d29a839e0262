#include "interop/xlsx_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <utility>

#include "interop/import_report.h"
#include "interop/table.h"

namespace weltcampus::interop {
namespace {

using ::testing::HasSubstr;

std::string TempPath() {
  std::string path = std::filesystem::temp_directory_path() / "weltcampus-xlsx-test-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    throw std::runtime_error("mkstemp failed");
  }
  close(fd);
  return path;
}

std::string ReadAndRemove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

// A workbook written by libxlsxwriter, as the office's Excel would write it (constant_memory:
// strings inline in the sheet instead of in the shared strings).
std::string Workbook(const std::function<void(lxw_workbook*)>& fill, bool constant_memory = false) {
  const auto path = TempPath();
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  fill(workbook);
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    throw std::runtime_error("workbook_close failed");
  }
  return ReadAndRemove(path);
}

// A zip archive made by hand with minizip: the members in order, optionally with a password.
std::string Zip(const std::vector<std::pair<std::string, std::string>>& members,
                const char* password = nullptr) {
  const auto path = TempPath();
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, content] : members) {
    zip_fileinfo info{};
    const auto crc =
        crc32(0, reinterpret_cast<const Bytef*>(content.data()), static_cast<uInt>(content.size()));
    zipOpenNewFileInZip3_64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                            9, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY, password, crc, 0);
    zipWriteInFileInZip(zip, content.data(), static_cast<unsigned>(content.size()));
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  return ReadAndRemove(path);
}

const std::string kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
const std::string kWorkbookXml =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId7"/></sheets></workbook>)";
const std::string kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>)";

std::string SheetXml(const std::string& rows) {
  return R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

// A workbook made by hand: its sheet's rows and shared strings as XML.
std::string HandMade(const std::string& rows, const std::string& strings = "<sst/>") {
  return Zip({{"_rels/.rels", kRels},
              {"xl/workbook.xml", kWorkbookXml},
              {"xl/_rels/workbook.xml.rels", kWorkbookRels},
              {"xl/worksheets/data.xml", SheetXml(rows)},
              {"xl/strings.xml", strings}});
}

std::string ErrorOf(const std::string& bytes, const XlsxLimits& limits = {}) {
  try {
    ReadFirstWorksheet(bytes, limits);
  } catch (const ImportFileError& error) {
    return error.what();
  }
  return "no error";
}

TEST(XlsxReader, ReadsStringsNumbersAndBooleans) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Liste");
    worksheet_write_string(sheet, 0, 0, "Erasmus Code", nullptr);
    worksheet_write_string(sheet, 0, 1, "PIC", nullptr);
    worksheet_write_string(sheet, 0, 2, "Anteil", nullptr);
    worksheet_write_string(sheet, 0, 3, "Aktiv", nullptr);
    worksheet_write_string(sheet, 1, 0, "D  BERLIN01", nullptr);
    worksheet_write_number(sheet, 1, 1, 999876543, nullptr);
    worksheet_write_number(sheet, 1, 2, 0.1, nullptr);
    worksheet_write_boolean(sheet, 1, 3, 1, nullptr);
    worksheet_write_string(sheet, 2, 0, "Universität Zürich", nullptr);
    worksheet_write_number(sheet, 2, 1, -7, nullptr);
    worksheet_write_number(sheet, 2, 2, 1.0 / 3, nullptr);
    worksheet_write_boolean(sheet, 2, 3, 0, nullptr);
  });
  const auto sheet = ReadFirstWorksheet(bytes);
  EXPECT_EQ(sheet.name, "Liste");
  ASSERT_EQ(sheet.rows.size(), 3U);
  EXPECT_EQ(sheet.rows[0].number, 1);
  EXPECT_EQ(sheet.rows[0].cells,
            (std::vector<std::string>{"Erasmus Code", "PIC", "Anteil", "Aktiv"}));
  EXPECT_EQ(sheet.rows[1].cells,
            (std::vector<std::string>{"D  BERLIN01", "999876543", "0.1", "TRUE"}));
  EXPECT_EQ(sheet.rows[2].cells,
            (std::vector<std::string>{"Universität Zürich", "-7", "0.3333333333333333", "FALSE"}));
}

TEST(XlsxReader, InlineStringsReadLikeSharedOnes) {
  const auto bytes = Workbook(
      [](lxw_workbook* workbook) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
        worksheet_write_string(sheet, 0, 0, "name", nullptr);
        worksheet_write_string(sheet, 1, 0, "  Café  ", nullptr);
      },
      true);
  const auto sheet = ReadFirstWorksheet(bytes);
  ASSERT_EQ(sheet.rows.size(), 2U);
  EXPECT_EQ(sheet.rows[1].cells, (std::vector<std::string>{"  Café  "}));
}

TEST(XlsxReader, GapsAreEmptyFieldsAndEmptyRowsKeepTheirNumbers) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    worksheet_write_string(sheet, 0, 0, "a", nullptr);
    worksheet_write_string(sheet, 0, 2, "c", nullptr);
    worksheet_write_blank(sheet, 1, 0, workbook_add_format(workbook));  // formatted, no value
    worksheet_write_string(sheet, 3, 27, "ab", nullptr);                // AB4
  });
  const auto sheet = ReadFirstWorksheet(bytes);
  ASSERT_EQ(sheet.rows.size(), 2U);
  EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"a", "", "c"}));
  EXPECT_EQ(sheet.rows[1].number, 4);
  ASSERT_EQ(sheet.rows[1].cells.size(), 28U);
  EXPECT_EQ(sheet.rows[1].cells[27], "ab");
  EXPECT_EQ(sheet.rows[1].cells[0], "");
}

TEST(XlsxReader, ReadsTheFirstOfSeveralSheets) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* first = workbook_add_worksheet(workbook, "Erste");
    lxw_worksheet* second = workbook_add_worksheet(workbook, "Zweite");
    worksheet_write_string(second, 0, 0, "second", nullptr);
    worksheet_write_string(first, 0, 0, "first", nullptr);
    worksheet_activate(second);
  });
  const auto sheet = ReadFirstWorksheet(bytes);
  EXPECT_EQ(sheet.name, "Erste");
  ASSERT_EQ(sheet.rows.size(), 1U);
  EXPECT_EQ(sheet.rows[0].cells[0], "first");
}

TEST(XlsxReader, JoinsRichTextRuns) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    lxw_format* bold = workbook_add_format(workbook);
    format_set_bold(bold);
    lxw_rich_string_tuple first = {bold, const_cast<char*>("Uni")};
    lxw_rich_string_tuple second = {nullptr, const_cast<char*>("versität ")};
    lxw_rich_string_tuple third = {bold, const_cast<char*>("Wien")};
    lxw_rich_string_tuple* fragments[] = {&first, &second, &third, nullptr};
    worksheet_write_rich_string(sheet, 0, 0, fragments, nullptr);
  });
  const auto sheet = ReadFirstWorksheet(bytes);
  ASSERT_EQ(sheet.rows.size(), 1U);
  EXPECT_EQ(sheet.rows[0].cells[0], "Universität Wien");
}

TEST(XlsxReader, ReadsCellsAsOtherProgramsWriteThem) {
  // No cell references (each cell follows the last), rows without numbers, a phonetic run,
  // formula text, an error value, a number written as "12345.0", an inline rich text.
  const auto bytes = HandMade(
      R"(<row><c t="s"><v>0</v></c><c t="str"><f>A1</f><v>Formel</v></c><c t="e"><v>#N/A</v></c></row>)"
      R"(<row r="3"><c r="B3"><v>12345.0</v></c><c><v>1.5E-3</v></c><c t="inlineStr"><is><r><t>in</t></r><r><t xml:space="preserve"> line</t></r></is></c></row>)"
      R"(<row><c r="A4" t="s"><v>1</v></c></row>)",
      R"(<sst><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>&lt;&amp;&gt;</t></si></sst>)");
  const auto sheet = ReadFirstWorksheet(bytes);
  ASSERT_EQ(sheet.rows.size(), 3U);
  EXPECT_EQ(sheet.rows[0].cells, (std::vector<std::string>{"東京", "Formel", "#N/A"}));
  EXPECT_EQ(sheet.rows[1].number, 3);
  EXPECT_EQ(sheet.rows[1].cells, (std::vector<std::string>{"", "12345", "0.0015", "in line"}));
  EXPECT_EQ(sheet.rows[2].number, 4);
  EXPECT_EQ(sheet.rows[2].cells, (std::vector<std::string>{"<&>"}));
}

TEST(XlsxReader, FormatsNumbersAndColumnLetters) {
  EXPECT_EQ(FormatNumberCell("42"), "42");
  EXPECT_EQ(FormatNumberCell("42.0"), "42");
  EXPECT_EQ(FormatNumberCell("-0"), "0");
  EXPECT_EQ(FormatNumberCell("0.30000000000000004"), "0.30000000000000004");
  EXPECT_EQ(FormatNumberCell("2.5"), "2.5");
  EXPECT_EQ(FormatNumberCell("1E+300"), "1e+300");
  EXPECT_EQ(FormatNumberCell("abc"), "abc");
  EXPECT_EQ(ColumnOfReference("A1"), 0);
  EXPECT_EQ(ColumnOfReference("Z9"), 25);
  EXPECT_EQ(ColumnOfReference("AA7"), 26);
  EXPECT_EQ(ColumnOfReference("XFD1048576"), 16383);
  EXPECT_EQ(ColumnOfReference("17"), -1);
  EXPECT_EQ(ColumnOfReference("ABCDE1"), -1);
}

TEST(XlsxReader, StopsAfterTheHeader) {
  const auto bytes = HandMade(R"(<row r="2"><c t="inlineStr"><is><t>h</t></is></c></row>)"
                              R"(<row r="3"><c t="s"><v>99</v></c></row>)");
  const auto sheet = ReadFirstWorksheet(bytes, {}, 1);
  ASSERT_EQ(sheet.rows.size(), 1U);
  EXPECT_EQ(sheet.rows[0].number, 2);
  EXPECT_THAT(ErrorOf(bytes), HasSubstr("cell A3"));  // read on: a shared text that does not exist
}

TEST(XlsxReader, RefusesWhatIsBeyondTheLimits) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    for (int row = 0; row < 3; ++row) {
      worksheet_write_string(sheet, row, 3, ("text " + std::to_string(row)).c_str(), nullptr);
    }
  });
  XlsxLimits rows;
  rows.max_rows = 2;
  EXPECT_THAT(ErrorOf(bytes, rows), HasSubstr("more than 2 rows"));
  XlsxLimits columns;
  columns.max_columns = 3;
  EXPECT_THAT(ErrorOf(bytes, columns), HasSubstr("cell D1, beyond the 3 columns"));
  XlsxLimits strings;
  strings.max_shared_strings = 2;
  EXPECT_THAT(ErrorOf(bytes, strings), HasSubstr("more than 2 different texts"));
  XlsxLimits entry;
  entry.zip.max_entry_size = 100;
  EXPECT_THAT(ErrorOf(bytes, entry), HasSubstr("in one part"));
  XlsxLimits depth;
  depth.max_xml_depth = 3;
  EXPECT_THAT(ErrorOf(bytes, depth), HasSubstr("nests elements more than 3 deep"));
}

TEST(XlsxReader, RefusesBrokenFiles) {
  EXPECT_THAT(ErrorOf("Erasmus Code,PIC\nD  BERLIN01,1\n"), HasSubstr("not a zip archive"));
  const auto good = HandMade(R"(<row><c t="s"><v>0</v></c></row>)", "<sst><si><t>x</t></si></sst>");
  EXPECT_EQ(ReadFirstWorksheet(good).rows.at(0).cells.at(0), "x");
  EXPECT_THAT(ErrorOf(good.substr(0, good.size() / 2)), HasSubstr("not a zip archive"));
  EXPECT_THAT(ErrorOf(good.substr(0, good.size() - 30)), HasSubstr("not a zip archive"));
  EXPECT_THAT(ErrorOf(Zip({{"readme.txt", "hello"}})), HasSubstr("without a workbook"));
  EXPECT_THAT(ErrorOf(Zip({{"_rels/.rels", kRels},
                           {"xl/workbook.xml", kWorkbookXml},
                           {"xl/_rels/workbook.xml.rels", kWorkbookRels}})),
              HasSubstr("first sheet \"Liste\" is missing"));
  EXPECT_THAT(ErrorOf(Zip({{"xl/workbook.xml", kWorkbookXml}}, "secret")), HasSubstr("encrypted"));
  EXPECT_THAT(ErrorOf(HandMade("<row><c>")), HasSubstr("not well-formed XML"));
}

TEST(XlsxReader, RefusesZipBombs) {
  // 8 MiB of one letter pack into a few KiB: far beyond any spreadsheet's ratio.
  const std::string rows =
      "<row><c t=\"inlineStr\"><is><t>" + std::string(8 << 20, 'a') + "</t></is></c></row>";
  const auto bomb = HandMade(rows);
  EXPECT_LT(bomb.size(), 100'000U);
  EXPECT_THAT(ErrorOf(bomb), HasSubstr("zip bomb"));
  XlsxLimits total;
  total.zip.max_total_size = 1 << 20;
  EXPECT_THAT(ErrorOf(bomb, total), HasSubstr("unpacks to more than 1 MiB"));
}

TEST(XlsxReader, RefusesDocumentTypesAndEntities) {
  const std::string laughs =
      R"(<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>)"
      R"(<sst><si><t>&b;</t></si></sst>)";
  EXPECT_THAT(ErrorOf(HandMade(R"(<row><c t="s"><v>0</v></c></row>)", laughs)),
              HasSubstr("document type (DTD)"));
  const std::string external =
      R"(<?xml version="1.0"?><!DOCTYPE sst SYSTEM "file:///etc/passwd"><sst/>)";
  EXPECT_THAT(ErrorOf(HandMade("", external)), HasSubstr("document type (DTD)"));
}

TEST(Table, DetectsTheFormatByContentThenName) {
  EXPECT_EQ(DetectTableFormat(std::string("PK\x03\x04rest", 8), "list.csv"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("a,b\n", "list.XLSX"), TableFormat::kXlsx);
  EXPECT_EQ(DetectTableFormat("a,b\n", "list.csv"), TableFormat::kCsv);
  EXPECT_EQ(DetectTableFormat("a,b\n", ""), TableFormat::kCsv);
}

TEST(Table, WorkbookRowsHaveTheHeadersWidthAndTheirRowNumbers) {
  const auto bytes = Workbook([](lxw_workbook* workbook) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
    worksheet_write_string(sheet, 0, 0, " Erasmus Code ", nullptr);
    worksheet_write_string(sheet, 0, 1, "PIC", nullptr);
    worksheet_write_string(sheet, 0, 2, "City", nullptr);
    worksheet_write_string(sheet, 4, 0, "D  BERLIN01", nullptr);
  });
  const auto rows = OpenTable(bytes, TableFormat::kXlsx, "eche.xlsx");
  std::vector<std::string> fields;
  ASSERT_TRUE(rows->Next(fields));
  EXPECT_EQ(rows->line(), 1);
  ASSERT_TRUE(rows->Next(fields));
  EXPECT_EQ(rows->line(), 5);
  EXPECT_EQ(fields, (std::vector<std::string>{"D  BERLIN01", "", ""}));
  EXPECT_FALSE(rows->Next(fields));
  EXPECT_EQ(ReadTableHeader(bytes, TableFormat::kXlsx, "eche.xlsx"),
            (std::vector<std::string>{"Erasmus Code", "PIC", "City"}));
}

TEST(Table, CsvRowsAreTheCsvReadersRecords) {
  const std::string csv = "\xEF\xBB\xBFname, code ,\n\"a\nb\",1\n";
  const auto rows = OpenTable(csv, TableFormat::kCsv, "x.csv");
  std::vector<std::string> fields;
  ASSERT_TRUE(rows->Next(fields));
  ASSERT_TRUE(rows->Next(fields));
  EXPECT_EQ(rows->line(), 2);
  EXPECT_EQ(fields, (std::vector<std::string>{"a\nb", "1"}));
  EXPECT_EQ(ReadTableHeader(csv, TableFormat::kCsv, "x.csv"),
            (std::vector<std::string>{"name", "code"}));
  const auto broken = OpenTable("a\n\"b", TableFormat::kCsv, "x.csv");
  ASSERT_TRUE(broken->Next(fields));
  EXPECT_THROW(broken->Next(fields), ImportFileError);
}

TEST(Table, NamesTheFileThatIsNoWorkbook) {
  try {
    OpenTable("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 old", TableFormat::kXlsx, "alt.xls");
    FAIL() << "no error";
  } catch (const ImportFileError& error) {
    EXPECT_THAT(error.what(), HasSubstr("The file \"alt.xls\" is an old Excel file (.xls)"));
  }
  try {
    OpenTable("no zip", TableFormat::kXlsx, "eche.xlsx");
    FAIL() << "no error";
  } catch (const ImportFileError& error) {
    EXPECT_THAT(error.what(), HasSubstr("The file \"eche.xlsx\" is not an .xlsx workbook"));
  }
}

}  // namespace
}  // namespace weltcampus::interop
