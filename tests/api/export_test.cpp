// Every list exports as CSV and XLSX with its filters and sort, in the request's language, with the
// list's permission.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "unzip_members.h"

namespace weltcampus::api_test {
namespace {

const std::string kBom = "\xEF\xBB\xBF";

std::vector<std::string> Lines(const std::string& csv) {
  std::vector<std::string> lines;
  std::string body = csv.rfind(kBom, 0) == 0 ? csv.substr(kBom.size()) : csv;
  size_t start = 0;
  while (start < body.size()) {
    const auto end = body.find("\r\n", start);
    lines.push_back(body.substr(start, end - start));
    if (end == std::string::npos) {
      break;
    }
    start = end + 2;
  }
  return lines;
}

size_t Count(const std::string& text, const std::string& part) {
  size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

TEST(Export, CsvHasTheListsRowsFilterAndSort) {
  const std::string list = Query("/api/v1/agreements", {{"status", "active"}, {"sort", "-ends_on"}});
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(list, &total));
  ASSERT_GT(total, 0) << "the demo has active agreements";
  const Response csv = Api().Get(list + "&format=csv");
  ASSERT_EQ(csv.status, 200) << csv;
  EXPECT_EQ(csv.Header("content-type").rfind("text/csv", 0), 0u) << csv.Header("content-type");
  EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
  EXPECT_NE(csv.Header("content-disposition").find("agreements-"), std::string::npos);
  const auto lines = Lines(csv.body);
  ASSERT_EQ(static_cast<long long>(lines.size()), total + 1) << "header plus every row";
  EXPECT_EQ(lines[0].rfind("ID,Partner,Country,Title,Type,Status", 0), 0u) << lines[0];
  for (size_t i = 1; i < lines.size(); ++i) {
    EXPECT_NE(lines[i].find(",active,"), std::string::npos) << lines[i];
  }
  // The same order as the JSON list: its first page's first row is the file's first row.
  Json first_page;
  ASSERT_NO_FATAL_FAILURE(GetOk(list + "&limit=1", &first_page));
  EXPECT_EQ(lines[1].rfind(std::to_string(IdOf(first_page["items"][0])) + ",", 0), 0u) << lines[1];
}

TEST(Export, ColumnsAreNamedInTheRequestsLanguage) {
  const Response german = Api().Get("/api/v1/partnerships?format=csv&lang=de");
  ASSERT_EQ(german.status, 200) << german;
  EXPECT_EQ(Lines(german.body)[0].rfind("ID,Partner,Land,Ort", 0), 0u) << Lines(german.body)[0];
  const Response by_header = Api().Get("/api/v1/partnerships?format=csv", {{"Accept-Language", "de-DE,de;q=0.9"}});
  ASSERT_EQ(by_header.status, 200) << by_header;
  EXPECT_EQ(Lines(by_header.body)[0], Lines(german.body)[0]);
}

TEST(Export, XlsxOpensAsAWorkbookWithTheRows) {
  const std::string list = Query("/api/v1/institutions", {{"country", "PL"}});
  long long total = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(list, &total));
  ASSERT_GT(total, 0);
  const Response xlsx = Api().Get(list + "&format=xlsx");
  ASSERT_EQ(xlsx.status, 200) << xlsx.status;
  EXPECT_EQ(xlsx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  const auto members = testing_support::Unzip(xlsx.body);
  ASSERT_TRUE(members.contains("xl/workbook.xml"));
  ASSERT_TRUE(members.contains("xl/worksheets/sheet1.xml"));
  const std::string& sheet = members.at("xl/worksheets/sheet1.xml");
  EXPECT_EQ(static_cast<long long>(Count(sheet, "<row ")), total + 1) << "header plus every row";
  std::string strings = sheet;
  if (members.contains("xl/sharedStrings.xml")) {
    strings += members.at("xl/sharedStrings.xml");
  }
  EXPECT_NE(strings.find("Erasmus code"), std::string::npos);
  EXPECT_NE(strings.find(">PL<"), std::string::npos);
}

TEST(Export, EveryListExports) {
  for (const std::string path :
       {"/api/v1/institutions?q=dresden", "/api/v1/partnerships", "/api/v1/agreements",
        "/api/v1/agreements/expiring?months=24", "/api/v1/org-units", "/api/v1/partnerships/map",
        "/api/v1/isced?level=broad", "/api/v1/users", "/api/v1/audit"}) {
    const std::string url = path + (path.find('?') == std::string::npos ? "?" : "&") + "format=csv";
    const Response csv = Api().Get(url);
    EXPECT_EQ(csv.status, 200) << url << ": " << csv;
    EXPECT_GE(Lines(csv.body).size(), 2u) << url << " has a header and rows";
  }
}

TEST(Export, BadFormatsAndParametersAnswer4xxAndAreNamed) {
  EXPECT_TRUE(IsError(Api().Get("/api/v1/agreements?format=pdf"), 422, "validation_failed", "format"));
  EXPECT_TRUE(
      IsError(Api().Get("/api/v1/agreements?format=csv&sort=secret"), 422, "validation_failed", "sort"));
  EXPECT_TRUE(
      IsError(Api().Get("/api/v1/agreements?format=csv&status=nope"), 422, "validation_failed", "status"));
}

TEST(Export, NeedsTheListsPermission) {
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  ApiClient as_student(student);
  EXPECT_TRUE(IsError(as_student.Get("/api/v1/users?format=csv"), 403, "forbidden"));
  EXPECT_TRUE(IsError(as_student.Get("/api/v1/audit?format=xlsx"), 403, "forbidden"));
  ApiClient anonymous;
  EXPECT_TRUE(IsError(anonymous.Get("/api/v1/agreements?format=csv"), 401, "unauthorized"));
}

}  // namespace
}  // namespace weltcampus::api_test
