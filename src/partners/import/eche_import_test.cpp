#include "partners/import/eche_import.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace weltcampus::partners {
namespace {

constexpr const char* kHeader =
    "Proposal number,Erasmus Code,PIC,OID,Legal Name,Street,Post Cd,City,Country Cd,Website Url,"
    "Erasmus Eche Start,Erasmus Eche End\n";

TEST(ParseEche, ReadsRowsAndNormalisesCodes) {
  const std::string csv = std::string(kHeader) +
                          "1,D\xC2\xA0 DRESDEN02,999897729,E10209115,TECHNISCHE UNIVERSITAET "
                          "DRESDEN,\"HELMHOLTZSTRASSE 10\nHaus A\",01069,DRESDEN,DE,"
                          "http://www.tu-dresden.de/,2021-01-01,2029-12-31\n"
                          "2,G  ATHINE01,1,,ETHNIKO KAI KAPODISTRIAKO PANEPISTIMIO ATHINON,x,1,"
                          "ATHINA,EL,www.uoa.gr,2021-01-01,2029-12-31\n";
  const auto file = ParseEche(csv);
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_TRUE(file.rejected.empty());
  const auto& dresden = file.rows[0];
  EXPECT_EQ(dresden.line, 2);
  EXPECT_EQ(dresden.institution.erasmus_code, "D  DRESDEN02");
  EXPECT_EQ(dresden.institution.pic, "999897729");
  EXPECT_EQ(dresden.institution.website, "http://www.tu-dresden.de/");
  EXPECT_EQ(dresden.domain, "tu-dresden.de");
  EXPECT_EQ(dresden.institution.type, InstitutionType::kUniversity);
  EXPECT_EQ(dresden.institution.source, "eche");
  // The street's line break moves the next record to line 4.
  EXPECT_EQ(file.rows[1].line, 4);
  EXPECT_EQ(file.rows[1].institution.country, "GR");
  EXPECT_FALSE(file.rows[1].institution.oid);
}

// The list as a workbook (libxlsxwriter): the same rows through the same row source, lines being
// the sheet's row numbers, a PIC typed as a number read without ".0", a missing last cell empty.
TEST(ParseEche, ReadsAWorkbookWithItsRowNumbers) {
  std::string path = std::filesystem::temp_directory_path() / "weltcampus-eche-XXXXXX";
  close(mkstemp(path.data()));
  lxw_workbook* workbook = workbook_new(path.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, nullptr);
  const char* header[] = {"Erasmus Code", "PIC",        "OID",        "Legal Name",
                          "City",         "Country Cd", "Website Url"};
  for (lxw_col_t c = 0; c < 7; ++c) {
    worksheet_write_string(sheet, 0, c, header[c], nullptr);
  }
  worksheet_write_string(sheet, 2, 0, "D  DRESDEN02", nullptr);
  worksheet_write_number(sheet, 2, 1, 999897729, nullptr);
  worksheet_write_string(sheet, 2, 3, "TECHNISCHE UNIVERSITAET DRESDEN", nullptr);
  worksheet_write_string(sheet, 2, 5, "DE", nullptr);
  worksheet_write_string(sheet, 3, 0, "broken", nullptr);
  worksheet_write_string(sheet, 3, 3, "Somewhere", nullptr);
  worksheet_write_string(sheet, 3, 5, "DE", nullptr);
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  const std::string content = bytes.str();

  const auto rows =
      interop::OpenTable(content, interop::DetectTableFormat(content, "eche.xlsx"), "eche.xlsx");
  const auto file = ParseEche(*rows);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(file.rows[0].line, 3);
  EXPECT_EQ(file.rows[0].institution.pic, "999897729");
  EXPECT_FALSE(file.rows[0].institution.website);
  ASSERT_EQ(file.rejected.size(), 1u);
  EXPECT_EQ(file.rejected[0].line, 4);
  EXPECT_NE(file.rejected[0].reason.find("Erasmus code"), std::string::npos);
}

TEST(ParseEche, RejectsBadRowsWithLineAndReason) {
  const std::string csv = std::string(kHeader) +
                          "1,DK FREDERICIA 01,1,,A school,,,,DK,,,\n"
                          "2,F  PARIS001,2,,,,,,FR,,,\n"
                          "3,F  PARIS002,3,,Somewhere,,,,QQ,,,\n"
                          "4,F  PARIS003,4,,Ecole,,,,FR,,,\n"
                          "5,F  PARIS003,5,,Ecole bis,,,,FR,,,\n"
                          "6,F  PARIS004\n";
  const auto file = ParseEche(csv);
  EXPECT_EQ(file.rows.size(), 1u);
  ASSERT_EQ(file.rejected.size(), 5u);
  EXPECT_EQ(file.rejected[0].line, 2);
  EXPECT_NE(file.rejected[0].reason.find("invalid Erasmus code"), std::string::npos);
  EXPECT_NE(file.rejected[1].reason.find("no legal name"), std::string::npos);
  EXPECT_NE(file.rejected[2].reason.find("unknown country"), std::string::npos);
  EXPECT_NE(file.rejected[3].reason.find("already on line 5"), std::string::npos);
  EXPECT_EQ(file.rejected[4].line, 7);
}

TEST(ParseEche, MissingColumnThrows) {
  EXPECT_THROW(ParseEche("Erasmus Code,PIC\nx,y\n"), std::runtime_error);
}

TEST(MergeEcheRow, OwnsItsInstitutionsButOnlyFillsGapsInOthers) {
  EcheRow row;
  row.institution.name = "UNIVERSITAET GRAZ";
  row.institution.country = "AT";
  row.institution.city = "GRAZ";
  row.institution.erasmus_code = "A  GRAZ01";
  row.institution.pic = "999873188";
  row.institution.website = "http://www.uni-graz.at";

  partners::Institution world;
  world.source = "world-universities";
  world.name = "University of Graz";
  world.country = "AT";
  world.hei_id = "uni-graz.at";
  world.website = "https://www.uni-graz.at/";
  EXPECT_TRUE(MergeEcheRow(world, row, std::nullopt));
  EXPECT_EQ(world.name, "University of Graz");
  EXPECT_EQ(world.name_local, "UNIVERSITAET GRAZ");
  EXPECT_EQ(world.erasmus_code, "A  GRAZ01");
  EXPECT_EQ(world.website, "https://www.uni-graz.at/");
  EXPECT_EQ(world.city, "GRAZ");
  // Applying the same row again changes nothing: a second import counts it unchanged.
  EXPECT_FALSE(MergeEcheRow(world, row, std::nullopt));

  partners::Institution own = row.institution;
  own.source = "eche";
  own.name = "UNI GRAZ (old name)";
  EXPECT_TRUE(MergeEcheRow(own, row, std::string("uni-graz.at")));
  EXPECT_EQ(own.name, "UNIVERSITAET GRAZ");
  EXPECT_EQ(own.hei_id, "uni-graz.at");
  EXPECT_FALSE(MergeEcheRow(own, row, std::string("uni-graz.at")));
}

}  // namespace
}  // namespace weltcampus::partners
