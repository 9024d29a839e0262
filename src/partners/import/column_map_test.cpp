#include "interop/column_map.h"

#include <gtest/gtest.h>

#include "organisation/import/isced_import.h"
#include "partners/import/eche_import.h"

namespace weltcampus::partners {
namespace {

// The importers read their files through column maps (interop/column_map.h).
using namespace interop;

const std::string kEcheHeader = "Erasmus Code,PIC,OID,Legal Name,City,Country Cd,Website Url\n";

TEST(ColumnMap, DefaultsAreTheListsOwnHeaders) {
  const auto map = DefaultColumnMap(EcheColumns());
  EXPECT_EQ(map.at("erasmus_code"), "Erasmus Code");
  EXPECT_EQ(map.at("country"), "Country Cd");
  EXPECT_EQ(map.size(), EcheColumns().size());
  EXPECT_FALSE(CheckColumnMap(EcheColumns(), map));
}

TEST(ColumnMap, RefusesUnknownFieldsBlankHeadersAndOneColumnForTwoFields) {
  auto problem = CheckColumnMap(EcheColumns(), {{"colour", "Colour"}});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->field, "colour");
  problem = CheckColumnMap(EcheColumns(), {{"pic", "  "}});
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->field, "pic");
  problem = CheckColumnMap(EcheColumns(), {{"pic", "oid"}});  // OID is the oid field's default
  ASSERT_TRUE(problem);
  problem = CheckColumnMap(EcheColumns(), {{"pic", std::string(201, 'x')}});
  ASSERT_TRUE(problem);
}

TEST(ColumnMap, AFileWithOtherHeadersIsReadThroughTheMap) {
  const std::string csv =
      "Code,Pic number,Oid,Name,Town,Country,Web\n"
      "F  PARIS001,123,E1,Université Exemple,Paris,FR,www.example.fr\n";
  EXPECT_THROW(ParseEche(csv), ImportFileError);
  const ColumnMap map = {{"erasmus_code", "Code"}, {"pic", "Pic number"}, {"oid", "Oid"},
                         {"name", "Name"},         {"city", "Town"},      {"country", "Country"},
                         {"website", "Web"}};
  const auto file = ParseEche(csv, map);
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_EQ(*file.rows[0].institution.erasmus_code, "F  PARIS001");
  EXPECT_EQ(*file.rows[0].institution.city, "Paris");
  EXPECT_EQ(file.rows[0].institution.country, "FR");
}

TEST(ColumnMap, AMissingColumnNamesItselfAndTheField) {
  try {
    ParseEche("Erasmus Code,PIC\nF  PARIS001,1\n");
    FAIL() << "expected ImportFileError";
  } catch (const ImportFileError& error) {
    EXPECT_NE(std::string(error.what()).find("(for oid)"), std::string::npos) << error.what();
  }
}

TEST(ColumnMap, AnOptionalColumnMayBeMissing) {
  const auto file = organisation::ParseIsced("code,level,label_en\n09,broad,Health and welfare\n");
  ASSERT_EQ(file.rows.size(), 1u);
  EXPECT_FALSE(file.rows[0].field.label_de);
}

}  // namespace
}  // namespace weltcampus::partners
