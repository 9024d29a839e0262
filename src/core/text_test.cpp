#include "core/text.h"

#include <gtest/gtest.h>

namespace weltcampus {
namespace {

TEST(FoldCaseTest, LowersAsciiAndEuropeanLetters) {
  EXPECT_EQ(FoldCase("UNIVERSITÄT MÜNCHEN"), "universität münchen");
  EXPECT_EQ(FoldCase("UNIWERSYTET MEDYCZNY WE WROCŁAWIU"), "uniwersytet medyczny we wrocławiu");
  EXPECT_EQ(FoldCase("ŁÓDŹ ŻÓŁĆ ŚĆ"), "łódź żółć ść");
  EXPECT_EQ(FoldCase("ÉCOLE NORMALE SUPÉRIEURE"), "école normale supérieure");
  EXPECT_EQ(FoldCase("ΠΑΝΕΠΙΣΤΗΜΙΟ"), "πανεπιστημιο");
  EXPECT_EQ(FoldCase("УНИВЕРСИТЕТ"), "университет");
  EXPECT_EQ(FoldCase("ČESKÉ VYSOKÉ UČENÍ"), "české vysoké učení");
}

TEST(FoldCaseTest, KeepsWhatItDoesNotKnowAndBrokenBytes) {
  EXPECT_EQ(FoldCase("東京大学"), "東京大学");
  EXPECT_EQ(FoldCase("ß"), "ß");
  EXPECT_EQ(FoldCase(std::string("A\xFF" "B")), std::string("a\xFF" "b"));
  EXPECT_EQ(FoldCase(std::string("\xC3")), std::string("\xC3"));
}

TEST(AsciiLowerTest, LowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Content-Type: TEXT/CSV"), "content-type: text/csv");
  EXPECT_EQ(AsciiLower("ÄRZTE.XLSX"), "Ärzte.xlsx");
}

}  // namespace
}  // namespace weltcampus
