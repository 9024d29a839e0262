#include "interop/table_export.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include "unzip_members.h"

#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <stdexcept>

namespace weltcampus::interop {
namespace {

using testing_support::Unzip;

std::string CsvOf(const std::vector<ExportColumn>& columns,
                  const std::vector<std::vector<Cell>>& rows) {
  auto writer = TableWriter::Create(ExportFormat::kCsv, columns, "Liste");
  for (const auto& row : rows) {
    writer->AddRow(row);
  }
  writer->Finish();
  return writer->Take();
}

const std::string kBom = "\xEF\xBB\xBF";

std::size_t Count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto pos = text.find(part); pos != std::string::npos; pos = text.find(part, pos + 1)) {
    ++count;
  }
  return count;
}

TEST(TableExportFormat, ParsesNamesAndNamesTypes) {
  EXPECT_EQ(ParseExportFormat("csv"), ExportFormat::kCsv);
  EXPECT_EQ(ParseExportFormat("XLSX"), ExportFormat::kXlsx);
  EXPECT_EQ(ParseExportFormat("xls"), std::nullopt);
  EXPECT_EQ(ParseExportFormat(""), std::nullopt);
  EXPECT_EQ(ContentType(ExportFormat::kCsv), "text/csv; charset=utf-8");
  EXPECT_EQ(ContentType(ExportFormat::kXlsx),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(FileExtension(ExportFormat::kCsv), "csv");
  EXPECT_EQ(FileExtension(ExportFormat::kXlsx), "xlsx");
}

TEST(TableExportCsv, StartsWithBomAndHeaderAndEndsLinesWithCrLf) {
  const std::string csv =
      CsvOf({{"Name"}, {"Plätze", CellKind::kInteger}}, {{std::string("Wrocław"), int64_t{4}}});
  EXPECT_EQ(csv, kBom + "Name,Plätze\r\nWrocław,4\r\n");
}

TEST(TableExportCsv, QuotesFieldsWithSeparatorQuoteOrLineBreak) {
  const std::string csv =
      CsvOf({{"a"}, {"b"}, {"c"}, {"d"}, {"e"}},
            {{std::string("King's College, London"), std::string("say \"hi\""),
              std::string("two\nlines"), std::string("cr\rhere"), std::string("plain text")}});
  EXPECT_EQ(csv, kBom +
                     "a,b,c,d,e\r\n\"King's College, London\",\"say \"\"hi\"\"\",\"two\nlines\","
                     "\"cr\rhere\",plain text\r\n");
}

TEST(TableExportCsv, WritesTypedCellsAndEmptyCells) {
  const std::string csv = CsvOf({{"empty"},
                                 {"int", CellKind::kInteger},
                                 {"number", CellKind::kNumber},
                                 {"date", CellKind::kDate},
                                 {"yes", CellKind::kBoolean},
                                 {"no", CellKind::kBoolean},
                                 {"nan", CellKind::kNumber}},
                                {{std::monostate{}, int64_t{-42}, 2.5, std::string("2027-09-30"),
                                  true, false, std::numeric_limits<double>::quiet_NaN()}});
  EXPECT_EQ(csv, kBom + "empty,int,number,date,yes,no,nan\r\n,-42,2.5,2027-09-30,true,false,\r\n");
}

TEST(TableExportCsv, GuardsTextThatSpreadsheetsWouldRunAsFormula) {
  const std::string csv = CsvOf(
      {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}, {"g"}},
      {{std::string("=HYPERLINK(\"http://x\")"), std::string("+1"), std::string("-2+3"),
        std::string("@SUM(A1)"), std::string("\tx"), std::string("\r=1"), std::string("a=b")}});
  EXPECT_EQ(csv, kBom +
                     "a,b,c,d,e,f,g\r\n\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2+3,'@SUM(A1),'\tx,"
                     "\"'\r=1\",a=b\r\n");
  // A negative number is a number, not text someone typed.
  EXPECT_EQ(CsvOf({{"n", CellKind::kInteger}}, {{int64_t{-5}}}), kBom + "n\r\n-5\r\n");
}

TEST(TableExportCsv, ReplacesMalformedUtf8) {
  EXPECT_EQ(CsvOf({{"a"}}, {{std::string("M\xFCnchen")}}), kBom + "a\r\nM\xEF\xBF\xBDnchen\r\n");
}

TEST(TableExportCsv, StreamsRowsAsTheyAreAdded) {
  auto writer = TableWriter::Create(ExportFormat::kCsv, {{"Name"}}, "Liste");
  EXPECT_EQ(writer->Take(), kBom + "Name\r\n");
  EXPECT_EQ(writer->Take(), "");
  writer->AddRow({std::string("Dresden")});
  EXPECT_EQ(writer->Take(), "Dresden\r\n");
  writer->AddRow({std::string("Adelaide")});
  writer->AddRow({std::string("London")});
  EXPECT_EQ(writer->Take(), "Adelaide\r\nLondon\r\n");
  writer->Finish();
  EXPECT_EQ(writer->Take(), "");
  EXPECT_THROW(writer->AddRow({std::string("late")}), std::logic_error);
}

TEST(TableExportCsv, RefusesRowsOfTheWrongWidth) {
  auto writer = TableWriter::Create(ExportFormat::kCsv, {{"a"}, {"b"}}, "Liste");
  EXPECT_THROW(writer->AddRow({std::string("only one")}), std::invalid_argument);
  EXPECT_THROW(TableWriter::Create(ExportFormat::kCsv, {}, "Liste"), std::invalid_argument);
}

// Batches of rows as a paged query would give them, counting the queries (the last one finds none).
struct Pages {
  std::vector<std::vector<std::vector<Cell>>> pages;
  std::size_t read = 0;
  std::vector<std::vector<Cell>> Next() {
    ++read;
    return read <= pages.size() ? pages[read - 1] : std::vector<std::vector<Cell>>{};
  }
};

TEST(TableExportStream, HandsOutTheCsvInPiecesAsPagesAreRead) {
  auto pages = std::make_shared<Pages>();
  pages->pages = {{{std::string("Dresden")}, {std::string("Wrocław")}},
                  {{std::string("London")}},
                  {{std::string("Adelaide")}}};
  auto next = StreamTable(
      TableWriter::Create(ExportFormat::kCsv, {{"Ort"}}, "Orte"), [pages] { return pages->Next(); },
      10);
  // Header and the first page make 10 bytes or more; nothing more is read for them.
  EXPECT_EQ(next(), kBom + "Ort\r\nDresden\r\nWrocław\r\n");
  EXPECT_EQ(pages->read, 1u);
  EXPECT_EQ(next(), "London\r\nAdelaide\r\n");
  EXPECT_EQ(pages->read, 3u);
  EXPECT_EQ(next(), std::nullopt);
  EXPECT_EQ(pages->read, 4u);
  EXPECT_EQ(next(), std::nullopt);
}

TEST(TableExportStream, HandsOutAnEmptyTableAsItsHeader) {
  auto next = StreamTable(TableWriter::Create(ExportFormat::kCsv, {{"Ort"}}, "Orte"),
                          [] { return std::vector<std::vector<Cell>>{}; });
  EXPECT_EQ(next(), kBom + "Ort\r\n");
  EXPECT_EQ(next(), std::nullopt);
}

TEST(TableExportStream, HandsOutTheWorkbookOnceComplete) {
  auto pages = std::make_shared<Pages>();
  pages->pages = {{{int64_t{1}}}, {{int64_t{2}}}};
  auto next = StreamTable(
      TableWriter::Create(ExportFormat::kXlsx, {{"Nr", CellKind::kInteger}}, "x"),
      [pages] { return pages->Next(); }, 1);
  const auto file = next();
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(pages->read, 3u);
  const auto members = Unzip(*file);
  EXPECT_EQ(Count(members.at("xl/worksheets/sheet1.xml"), "<row "), 3u);
  EXPECT_EQ(next(), std::nullopt);
}

TEST(TableExportSheetName, MakesNamesExcelAccepts) {
  EXPECT_EQ(ValidSheetName("Partnerschaften"), "Partnerschaften");
  EXPECT_EQ(ValidSheetName("a[b]c:d*e?f/g\\h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(ValidSheetName(""), "Sheet1");
  EXPECT_EQ(ValidSheetName("'quoted'"), "quoted");
  EXPECT_EQ(ValidSheetName("History"), "History_");
  // 31 characters, cut between characters, not inside an umlaut's two bytes.
  EXPECT_EQ(ValidSheetName(std::string(30, 'x') + "äöü"), std::string(30, 'x') + "ä");
}

TEST(TableExportXlsx, HandsOutNothingBeforeFinish) {
  auto writer = TableWriter::Create(ExportFormat::kXlsx, {{"Name"}}, "Liste");
  writer->AddRow({std::string("Dresden")});
  EXPECT_EQ(writer->Take(), "");
  writer->Finish();
  const std::string file = writer->Take();
  EXPECT_EQ(file.substr(0, 2), "PK");
  EXPECT_EQ(writer->Take(), "");
}

TEST(TableExportXlsx, WritesAWorkbookExcelCanRead) {
  auto writer = TableWriter::Create(ExportFormat::kXlsx,
                                    {{"Hochschule"},
                                     {"Plätze", CellKind::kInteger},
                                     {"Quote", CellKind::kNumber},
                                     {"Gültig ab", CellKind::kDate},
                                     {"Aktiv", CellKind::kBoolean}},
                                    "Partner: Übersicht");
  writer->AddRow({std::string("Uniwersytet Medyczny we Wrocławiu"), int64_t{4}, 0.25,
                  std::string("2000-01-01"), true});
  writer->AddRow({std::string("King's College <London> & Co"), std::monostate{}, -1.5,
                  std::string("not a date"), false});
  writer->Finish();
  const auto members = Unzip(writer->Take());

  ASSERT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
  const std::string& sheet = members.at("xl/worksheets/sheet1.xml");
  // Header: bold inline strings in row 1, frozen below, filter over the whole table.
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>Hochschule</t></is></c>"),
            std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<t>Plätze</t>"), std::string::npos);
  EXPECT_NE(sheet.find("<t>Gültig ab</t>"), std::string::npos);
  EXPECT_NE(
      sheet.find(
          "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
      std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:E3\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<cols>"), std::string::npos);
  // Row 2: text, numbers as numbers, a real date (serial 36526 = 2000-01-01) with the date style,
  // a boolean.
  EXPECT_NE(
      sheet.find(
          "<c r=\"A2\" t=\"inlineStr\"><is><t>Uniwersytet Medyczny we Wrocławiu</t></is></c>"),
      std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"B2\"><v>4</v></c>"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"C2\"><v>0.25</v></c>"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"D2\" s=\"2\"><v>36526</v></c>"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"E2\" t=\"b\"><v>1</v></c>"), std::string::npos);
  // Row 3: escaped text, an empty cell (nothing written for B3), text that is no date, false.
  EXPECT_NE(sheet.find("<t>King's College &lt;London&gt; &amp; Co</t>"), std::string::npos);
  EXPECT_EQ(sheet.find("r=\"B3\""), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"C3\"><v>-1.5</v></c>"), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"D3\" t=\"inlineStr\"><is><t>not a date</t></is></c>"),
            std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"E3\" t=\"b\"><v>0</v></c>"), std::string::npos);
  // constant_memory mode writes inline strings: no shared string table is needed.
  EXPECT_FALSE(members.contains("xl/sharedStrings.xml"));

  ASSERT_TRUE(members.contains("xl/styles.xml"));
  EXPECT_NE(members.at("xl/styles.xml").find("formatCode=\"yyyy-mm-dd\""), std::string::npos);
  EXPECT_NE(members.at("xl/styles.xml").find("<b/>"), std::string::npos);
  ASSERT_TRUE(members.contains("xl/workbook.xml"));
  EXPECT_NE(members.at("xl/workbook.xml").find("name=\"Partner_ Übersicht\""), std::string::npos);
  EXPECT_NE(members.at("xl/workbook.xml").find("_xlnm._FilterDatabase"), std::string::npos);
  EXPECT_TRUE(members.contains("[Content_Types].xml"));
  for (const auto& [name, content] : members) {
    EXPECT_NE(content, "<corrupt>") << name;
  }
}

TEST(TableExportXlsx, KeepsLongIntegersAndCutsOverlongText) {
  auto writer =
      TableWriter::Create(ExportFormat::kXlsx, {{"id", CellKind::kInteger}, {"text"}}, "x");
  writer->AddRow({int64_t{1234567890123456789}, std::string(40000, 'a')});
  writer->AddRow({std::monostate{}, std::string("M\xFCnchen\x01")});
  writer->Finish();
  const auto members = Unzip(writer->Take());
  const std::string& sheet = members.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<t>1234567890123456789</t>"), std::string::npos);
  EXPECT_NE(sheet.find("<t>" + std::string(32767, 'a') + "</t>"), std::string::npos);
  EXPECT_EQ(sheet.find(std::string(32768, 'a')), std::string::npos);
  // Malformed UTF-8 replaced; a control character escaped the way Excel writes it.
  EXPECT_NE(sheet.find("<t>M\xEF\xBF\xBDnchen_x0001_</t>"), std::string::npos)
      << sheet.substr(sheet.size() - 300);
}

TEST(TableExportXlsx, WritesInTmpdirAndRemovesItsTemporaryFiles) {
  // A folder of its own, so that other processes' files in /tmp do not count.
  std::string folder = "/tmp/weltcampus-export-tmpdir-XXXXXX";
  ASSERT_NE(mkdtemp(folder.data()), nullptr);
  const char* previous = std::getenv("TMPDIR");
  const std::string saved = previous != nullptr ? previous : "";
  setenv("TMPDIR", folder.c_str(), 1);
  const auto files = [&] {
    const std::filesystem::directory_iterator entries(folder);
    return std::distance(begin(entries), end(entries));
  };
  {
    auto finished = TableWriter::Create(ExportFormat::kXlsx, {{"a"}}, "x");
    auto abandoned = TableWriter::Create(ExportFormat::kXlsx, {{"a"}}, "x");
    EXPECT_EQ(files(), 2);
    finished->AddRow({std::string("1")});
    abandoned->AddRow({std::string("1")});
    abandoned->AddRow({std::string("2")});
    finished->Finish();
    EXPECT_EQ(finished->Take().substr(0, 2), "PK");
    EXPECT_THROW(abandoned->AddRow({}), std::invalid_argument);
  }
  EXPECT_EQ(files(), 0);
  if (previous != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  std::filesystem::remove(folder);
}

TEST(TableExportXlsx, WritesTwentyThousandRows) {
  auto writer = TableWriter::Create(
      ExportFormat::kXlsx, {{"Nr", CellKind::kInteger}, {"Name"}, {"Datum", CellKind::kDate}},
      "Liste");
  for (int64_t i = 1; i <= 20000; ++i) {
    writer->AddRow({i, "Studentin " + std::to_string(i), std::string("2027-10-01")});
  }
  writer->Finish();
  const auto members = Unzip(writer->Take());
  ASSERT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
  const std::string& sheet = members.at("xl/worksheets/sheet1.xml");
  EXPECT_EQ(Count(sheet, "<row "), 20001u);
  EXPECT_NE(sheet.find("<row r=\"20001\""), std::string::npos);
  EXPECT_NE(sheet.find("<t>Studentin 20000</t>"), std::string::npos);
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:C20001\"/>"), std::string::npos);
  EXPECT_NE(sheet.find("<dimension ref=\"A1:C20001\"/>"), std::string::npos);
}

}  // namespace
}  // namespace weltcampus::interop
