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

TEST(LogSafeTest, ControlCharactersCannotStartAForgedLine) {
  EXPECT_EQ(LogSafe("/api/v1/x\n2026-12-02 admin signed in", 100),
            "/api/v1/x\\x0a2026-12-02 admin signed in");
  EXPECT_EQ(LogSafe(std::string("a\0b\x1b[31m\x7f\\", 10), 100), "a\\x00b\\x1b[31m\\x7f\\\\");
  EXPECT_EQ(LogSafe("Universität", 100), "Universität");
}

TEST(LogSafeTest, LongValuesAreCutAndSayHowMuchWasLeftOut) {
  EXPECT_EQ(LogSafe(std::string(15000, 'G'), 16), std::string(16, 'G') + "...(14984 more bytes)");
  EXPECT_EQ(LogSafe("GET", 16), "GET");
}

}  // namespace
}  // namespace weltcampus
