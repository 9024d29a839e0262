#include "partners/import/world_universities_import.h"

#include <gtest/gtest.h>

namespace weltcampus::partners {
namespace {

TEST(TopLevelElementLines, FindsWhereEachElementStarts) {
  EXPECT_EQ(TopLevelElementLines("[\n  {\"a\": \"}{,\"},\n  {\n\"b\": [1, {}]\n  }\n]"),
            (std::vector<int>{2, 3}));
  EXPECT_EQ(TopLevelElementLines("[1,\n2]"), (std::vector<int>{1, 2}));
  EXPECT_TRUE(TopLevelElementLines("[]").empty());
}

TEST(ParseWorldUniversities, ReadsEntriesWithDomainsAndRejectsBadOnes) {
  const auto file = ParseWorldUniversities(R"([
  {
    "name": "King's College London",
    "domains": ["kcl.ac.uk"],
    "web_pages": ["http://www.kcl.ac.uk/"],
    "country": "United Kingdom",
    "alpha_two_code": "GB",
    "state-province": null
  },
  {"name": "", "domains": [], "web_pages": [], "alpha_two_code": "US"},
  {"name": "Nowhere University", "domains": ["nowhere.edu"], "web_pages": [], "alpha_two_code": "ZZ"},
  {"name": "Engineering Institute", "domains": ["student.eit.edu.au"],
   "web_pages": ["https://www.eit.edu.au/"], "alpha_two_code": "AU"}
])");
  ASSERT_EQ(file.rows.size(), 2u);
  const auto& kcl = file.rows[0];
  EXPECT_EQ(kcl.line, 2);
  EXPECT_EQ(kcl.institution.hei_id, "kcl.ac.uk");
  EXPECT_EQ(kcl.institution.website, "http://www.kcl.ac.uk/");
  EXPECT_EQ(kcl.institution.country, "GB");
  EXPECT_EQ(kcl.institution.source, "world-universities");
  EXPECT_EQ(file.rows[1].domains, (std::vector<std::string>{"student.eit.edu.au", "eit.edu.au"}));
  ASSERT_EQ(file.rejected.size(), 2u);
  EXPECT_EQ(file.rejected[0].line, 10);
  EXPECT_EQ(file.rejected[0].reason, "no name");
  EXPECT_EQ(file.rejected[1].line, 11);
  EXPECT_NE(file.rejected[1].reason.find("unknown country"), std::string::npos);
}

TEST(ParseWorldUniversities, NotAnArrayThrows) {
  EXPECT_THROW(ParseWorldUniversities("{\"name\": 1}"), std::runtime_error);
  EXPECT_THROW(ParseWorldUniversities("[{"), std::runtime_error);
}

TEST(MergeWorldUniversityRow, FillsOnlyGapsOfCharterHolders) {
  WorldUniversityRow row;
  row.institution.name = "University of Graz";
  row.institution.country = "AT";
  row.institution.website = "https://www.uni-graz.at/";
  partners::Institution eche;
  eche.source = "eche";
  eche.name = "UNIVERSITAET GRAZ";
  eche.country = "AT";
  eche.website = "http://www.uni-graz.at";
  EXPECT_TRUE(MergeWorldUniversityRow(eche, row, std::string("uni-graz.at")));
  EXPECT_EQ(eche.name, "UNIVERSITAET GRAZ");
  EXPECT_EQ(eche.website, "http://www.uni-graz.at");
  EXPECT_EQ(eche.hei_id, "uni-graz.at");
  EXPECT_FALSE(MergeWorldUniversityRow(eche, row, std::string("uni-graz.at")));
}

}  // namespace
}  // namespace weltcampus::partners
