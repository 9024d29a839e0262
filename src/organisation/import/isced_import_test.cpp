#include "organisation/import/isced_import.h"

#include <gtest/gtest.h>

namespace weltcampus::organisation {
namespace {

TEST(ParseIsced, ReadsCodesAndChecksTheirLevel) {
  const auto file = ParseIsced(
      "code,level,label_en,label_de,broad,narrow\n"
      "09,broad,Health and welfare,Gesundheit und soziale Dienste,09,\n"
      "0912,detailed,Medicine,Medizin,09,091\n"
      "0913,narrow,Nursing,,09,091\n"
      "9x,broad,Bad,,,\n"
      "0912,detailed,Medicine again,,09,091\n");
  ASSERT_EQ(file.rows.size(), 2u);
  EXPECT_EQ(file.rows[1].field.code, "0912");
  EXPECT_EQ(file.rows[1].field.label_de, "Medizin");
  ASSERT_EQ(file.rejected.size(), 3u);
  EXPECT_EQ(file.rejected[0].line, 4);
  EXPECT_EQ(file.rejected[1].line, 5);
  EXPECT_EQ(file.rejected[2].line, 6);
}

}  // namespace
}  // namespace weltcampus::organisation
