// Imports from Excel workbooks (issue 7, item 9): the same import as the CSV one, from the first
// worksheet of an .xlsx file, with spreadsheet row numbers as the report's lines; the header
// endpoint the column map screen uses; broken workbooks refused with 422 naming the file.
#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

struct Workbook {
  std::string bytes;
  std::vector<std::string> codes;  // of the valid rows
};

// The ECHE list as the office keeps it: a header row, two valid rows, an empty row 3, a row 4
// with a broken Erasmus code, a valid row 5 whose PIC is a number cell and whose website is
// missing.
Workbook MakeEcheWorkbook() {
  Workbook book;
  for (int i = 0; i < 3; ++i) {
    book.codes.push_back("F  " + UniqueLetters(6) + "01");
  }
  std::string path = std::filesystem::temp_directory_path() / "weltcampus-api-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  close(fd);
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "ECHE");
  const std::vector<std::string> header = {"Erasmus Code", "PIC",        "OID",        "Legal Name",
                                           "City",         "Country Cd", "Website Url"};
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
  }
  const auto row = [&](lxw_row_t r, const std::string& code, const std::string& name) {
    worksheet_write_string(sheet, r, 0, code.c_str(), nullptr);
    worksheet_write_string(sheet, r, 3, name.c_str(), nullptr);
    worksheet_write_string(sheet, r, 4, "Lyon", nullptr);
    worksheet_write_string(sheet, r, 5, "FR", nullptr);
  };
  row(1, book.codes[0], Unique("Ecole xlsx"));
  // A website of its own: the import matches an institution without a code by its web domain,
  // and other tests' institutions live at example.org.
  const std::string website = "https://" + UniqueLetters(8) + ".example.org/";
  worksheet_write_string(sheet, 1, 6, website.c_str(), nullptr);
  row(2, book.codes[1], Unique("Ecole xlsx"));
  row(4, "F  PARIS 063", "Broken Code School");
  row(5, book.codes[2], Unique("Ecole xlsx"));
  worksheet_write_number(sheet, 5, 1, 999000000 + std::rand() % 999999, nullptr);
  workbook_close(workbook);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  book.bytes = bytes.str();
  return book;
}

Response Post(const std::string& path, const std::string& body, bool dry_run,
              const std::string& type = kXlsxType) {
  // The file's name fits its type, as the browser sends it.
  const std::string name =
      type == kXlsxType ? "eche.xlsx" : (type == "text/csv" ? "list.csv" : "list.json");
  return Api().PostRaw(
      Query(path, {{"dry_run", dry_run ? "true" : "false"}, {"file_name", name}}), body, type);
}

void RunWorkbookImport(const std::string& bytes, bool dry_run, Json* job) {
  const Response queued = Post("/api/v1/imports/eche", bytes, dry_run);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), job));
}

TEST(ImportsXlsx, AWorkbookIsCheckedThenAppliedWithRowNumbersAsLines) {
  const auto book = MakeEcheWorkbook();
  Json job;
  ASSERT_NO_FATAL_FAILURE(RunWorkbookImport(book.bytes, true, &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  const Json& result = job["result"];
  EXPECT_EQ(result["dry_run"], true);
  EXPECT_EQ(result["rows"], 4);
  EXPECT_EQ(result["added"], 3) << result.dump();
  ASSERT_EQ(result["rejected_rows"].size(), 1u) << result.dump();
  EXPECT_EQ(result["rejected_rows"][0]["line"], 5);  // the spreadsheet's row 5, after an empty row
  EXPECT_NE(Str(result["rejected_rows"][0], "reason").find("Erasmus code"), std::string::npos);
  ASSERT_EQ(result["added_rows"].size(), 3u);
  EXPECT_EQ(result["added_rows"][2]["line"], 6);
  EXPECT_EQ(InstitutionsWithCode(book.codes[0]), 0);

  Json applied;
  ASSERT_NO_FATAL_FAILURE(RunWorkbookImport(book.bytes, false, &applied));
  ASSERT_EQ(Str(applied, "status"), "succeeded") << applied.dump();
  EXPECT_EQ(applied["result"]["added"], 3);
  EXPECT_EQ(applied["result"]["rejected"], 1);
  for (const auto& code : book.codes) {
    EXPECT_EQ(InstitutionsWithCode(code), 1) << code;
  }
  const Response found = Api().Get(Query("/api/v1/institutions", {{"q", book.codes[2]}}));
  ASSERT_TRUE(IsJson(found, 200)) << found;
  ASSERT_EQ(found.json["items"].size(), 1u);
  const auto pic = found.json["items"][0].value("pic", Json()).dump();
  EXPECT_EQ(pic.find(".0"), std::string::npos) << pic;  // a number cell reads as "999123456"
}

// The students' import from a campus-management export kept in Excel: numbers as number cells
// (matriculation number, semester, grade), the report's lines as the spreadsheet's rows.
TEST(ImportsXlsx, StudentsFromAWorkbookWithNumberCells) {
  std::string path = std::filesystem::temp_directory_path() / "weltcampus-api-xlsx-XXXXXX";
  const int fd = mkstemp(path.data());
  close(fd);
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Studierende");
  const std::vector<std::string> header = {
      "Matrikelnummer", "Nachname",     "Vorname",           "E-Mail",
      "Studiengang",    "Fachsemester", "Durchschnittsnote", "Erster Abschnitt bestanden"};
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
  }
  const double first = 5600000 + std::rand() % 100000;
  const auto row = [&](lxw_row_t r, double number, const char* programme, double grade) {
    const std::string text = std::to_string(static_cast<long long>(number));
    worksheet_write_number(sheet, r, 0, number, nullptr);
    worksheet_write_string(sheet, r, 1, "Tabelle", nullptr);
    worksheet_write_string(sheet, r, 2, "Tina", nullptr);
    worksheet_write_string(sheet, r, 3, ("t" + text + "@mailbox.example.org").c_str(), nullptr);
    worksheet_write_string(sheet, r, 4, programme, nullptr);
    worksheet_write_number(sheet, r, 5, 6, nullptr);
    worksheet_write_number(sheet, r, 6, grade, nullptr);
    worksheet_write_string(sheet, r, 7, "ja", nullptr);
  };
  row(1, first, "MED-STEX", 1.9);
  row(2, first + 1, "VET-STEX", 2.0);  // no such programme
  row(3, first + 2, "DENT-STEX", 2.3);
  workbook_close(workbook);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);

  const Response queued = Api().PostRaw(
      Query("/api/v1/imports/students", {{"dry_run", "false"}, {"file_name", "his.xlsx"}}),
      bytes.str(), kXlsxType);
  ASSERT_TRUE(IsJson(queued, 202)) << queued;
  Json job;
  ASSERT_NO_FATAL_FAILURE(WaitForJob(IdOf(queued.json), &job));
  ASSERT_EQ(Str(job, "status"), "succeeded") << job.dump();
  EXPECT_EQ(job["result"]["added"], 2) << job.dump();
  ASSERT_EQ(job["result"]["rejected_rows"].size(), 1u) << job.dump();
  EXPECT_EQ(job["result"]["rejected_rows"][0]["line"], 3);
  const std::string number = std::to_string(static_cast<long long>(first));
  const Response found = Api().Get(Query("/api/v1/students", {{"q", number}}));
  ASSERT_TRUE(IsJson(found, 200)) << found;
  ASSERT_EQ(found.json["items"].size(), 1u) << found;
  const Json& student = found.json["items"][0];
  EXPECT_EQ(Str(student, "matriculation_number"), number);  // not "5600123.0"
  EXPECT_EQ(student["grade_average"], 1.9);
  EXPECT_EQ(student["study_semester"], 6);
  EXPECT_EQ(student["first_state_exam_passed"], true);
}

TEST(ImportsXlsx, TheHeaderEndpointReadsTheFirstRow) {
  const auto book = MakeEcheWorkbook();
  const Response xlsx = Post("/api/v1/imports/eche/header", book.bytes, true);
  ASSERT_TRUE(IsJson(xlsx, 200)) << xlsx;
  EXPECT_EQ(xlsx.json["format"], "xlsx");
  EXPECT_EQ(xlsx.json["columns"], Json({"Erasmus Code", "PIC", "OID", "Legal Name", "City",
                                        "Country Cd", "Website Url"}));
  const Response csv = Post("/api/v1/imports/isced/header", "\xEF\xBB\xBF code , level\n01,broad\n",
                            true, "text/csv");
  ASSERT_TRUE(IsJson(csv, 200)) << csv;
  EXPECT_EQ(csv.json["format"], "csv");
  EXPECT_EQ(csv.json["columns"], Json({"code", "level"}));
  EXPECT_TRUE(IsError(Post("/api/v1/imports/no-such/header", book.bytes, true), 404, "not_found"));
  EXPECT_TRUE(
      IsError(Post("/api/v1/imports/world-universities/header", "[]", true, "application/json"),
              422, "validation_failed", "file"));
}

TEST(ImportsXlsx, BrokenWorkbooksAreRefusedNamingTheFile) {
  const auto book = MakeEcheWorkbook();
  const std::vector<std::string> broken = {
      std::string("PK\x03\x04", 4) + "not really a zip",
      book.bytes.substr(0, book.bytes.size() / 2),
      std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0'),
  };
  for (const auto& bytes : broken) {
    for (const std::string path : {"/api/v1/imports/eche", "/api/v1/imports/eche/header"}) {
      const Response answer = Post(path, bytes, true);
      EXPECT_TRUE(IsError(answer, 422, "validation_failed", "file")) << path << answer;
      EXPECT_NE(answer.body.find("eche.xlsx"), std::string::npos) << answer;
    }
  }
}

}  // namespace
}  // namespace weltcampus::api_test
