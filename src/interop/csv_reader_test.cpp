#include "interop/csv_reader.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace weltcampus::interop {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, std::vector<int>* lines = nullptr) {
  CsvReader reader(text);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    records.push_back(fields);
    if (lines) {
      lines->push_back(reader.line());
    }
  }
  return records;
}

TEST(CsvReader, SplitsPlainRecords) {
  const auto records = ReadAll("a,b,c\n1,,3\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1], (std::vector<std::string>{"1", "", "3"}));
}

TEST(CsvReader, KeepsCommasQuotesAndLineBreaksInsideQuotes) {
  std::vector<int> lines;
  const auto records = ReadAll("name,street\n\"Uni, Graz\",\"Main St\r\n(\"\"back\"\")\"\nx,y", &lines);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1][0], "Uni, Graz");
  EXPECT_EQ(records[1][1], "Main St\r\n(\"back\")");
  EXPECT_EQ(records[2], (std::vector<std::string>{"x", "y"}));
  // The record after a two-line field starts on line 4.
  EXPECT_EQ(lines, (std::vector<int>{1, 2, 4}));
}

TEST(CsvReader, HandlesCrLfBomAndMissingFinalNewline) {
  const auto records = ReadAll("\xEF\xBB\xBF" "a,b\r\n1,2");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0][0], "a");
  EXPECT_EQ(records[1][1], "2");
}

TEST(CsvReader, EmptyQuotedFieldAndTrailingEmptyField) {
  const auto records = ReadAll("\"\",x,\n");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0], (std::vector<std::string>{"", "x", ""}));
}

TEST(CsvReader, UnclosedQuoteNamesItsLine) {
  try {
    ReadAll("a\n\"open,b\n");
    FAIL() << "no exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("line 2"), std::string::npos);
  }
}

TEST(CsvReader, TakesTheSemicolonOrTabOfTheFirstLine) {
  // A spreadsheet in German settings: semicolons, and commas as the decimal sign.
  const auto german =
      ReadAll("\xEF\xBB\xBFMatrikelnummer;Name;Note\n4711001;\"M\u00fcller; Anna\";1,7\n");
  ASSERT_EQ(german.size(), 2u);
  EXPECT_EQ(german[1], (std::vector<std::string>{"4711001", "M\u00fcller; Anna", "1,7"}));
  const auto tabs = ReadAll("a\tb\n1,5\t2\n");
  EXPECT_EQ(tabs[1], (std::vector<std::string>{"1,5", "2"}));
  // Separators inside quotes of the first line do not count; a tie stays with the comma.
  EXPECT_EQ(CsvSeparatorOf("\"a;b;c\",d\n"), ',');
  EXPECT_EQ(CsvSeparatorOf("a;b,c\n"), ',');
  EXPECT_EQ(CsvSeparatorOf("name\n"), ',');
  EXPECT_EQ(CsvSeparatorOf("a;b\r\nc,d,e,f\n"), ';');
}

TEST(CsvHeader, FindsColumnsByNameIgnoringCaseAndSpaces) {
  const CsvHeader header({"Proposal number", " Erasmus Code ", "PIC"});
  EXPECT_EQ(header.Require("erasmus code"), 1u);
  EXPECT_FALSE(header.Find("OID"));
  EXPECT_THROW(header.Require("OID"), std::runtime_error);
}

TEST(CleanField, TurnsNoBreakSpacesIntoSpacesAndTrims) {
  EXPECT_EQ(CleanField(" D\xC2\xA0 DRESDEN02\t"), "D  DRESDEN02");
  EXPECT_EQ(CleanField("  "), "");
}

}  // namespace
}  // namespace weltcampus::interop
