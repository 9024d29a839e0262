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

TEST(FoldForSearchTest, FoldsCaseAndAccents) {
  EXPECT_EQ(FoldForSearch("Universität"), "universitat");
  EXPECT_EQ(FoldForSearch("UNIVERSITÄT"), "universitat");
  EXPECT_EQ(FoldForSearch("universitat"), "universitat");
  EXPECT_EQ(FoldForSearch("Uniwersytet Medyczny we Wrocławiu"),
            "uniwersytet medyczny we wroclawiu");
  EXPECT_EQ(FoldForSearch("ŁÓDŹ ŻÓŁĆ Straße Æsir Œuvre Ørsted Þór"),
            "lodz zolc strasse aesir oeuvre orsted thor");
  EXPECT_EQ(FoldForSearch("Çukurova Üniversitesi İstanbul Şişli"),
            "cukurova universitesi istanbul sisli");
  EXPECT_EQ(FoldForSearch("Universitatea din București Timișoara ŢARA"),
            "universitatea din bucuresti timisoara tara");
  EXPECT_EQ(FoldForSearch("ČESKÉ VYSOKÉ UČENÍ TECHNICKÉ Ĳssel"),
            "ceske vysoke uceni technicke ijssel");
  EXPECT_EQ(FoldForSearch("Πανεπιστήμιο Αθηνών ΆΈΉΊΌΎΏ"), "πανεπιστημιο αθηνων αεηιουω");
  EXPECT_EQ(FoldForSearch("УНИВЕРСИТЕТ"), "университет");
  // Apostrophes go, straight and typographic: "kings" finds King's College.
  EXPECT_EQ(FoldForSearch("King's College"), "kings college");
  EXPECT_EQ(FoldForSearch("KING’S COLLEGE"), "kings college");
  EXPECT_EQ(FoldForSearch("Lʼviv `x´ ‘y’"), "lviv x y");
  // Written decomposed: the combining marks go.
  EXPECT_EQ(FoldForSearch("Universita\u0308t"), "universitat");
  // What it does not know, and bytes that are no UTF-8, stay.
  EXPECT_EQ(FoldForSearch("東京大学 × ÷"), "東京大学 × ÷");
  EXPECT_EQ(FoldForSearch(std::string("A\xFF"
                                      "B")),
            std::string("a\xFF"
                        "b"));
}

TEST(AsciiLowerTest, LowersOnlyAsciiLetters) {
  EXPECT_EQ(AsciiLower("Content-Type: TEXT/CSV"), "content-type: text/csv");
  EXPECT_EQ(AsciiLower("ÄRZTE.XLSX"), "Ärzte.xlsx");
}

TEST(Utf8Test, WellFormedTextOnly) {
  EXPECT_TRUE(IsUtf8(""));
  EXPECT_TRUE(IsUtf8("Universität Łódź ΠΑΝΕΠΙΣΤΗΜΙΟ 東京大学 \U0001F600"));
  EXPECT_TRUE(IsUtf8("\xED\x9F\xBF"));      // U+D7FF, just below the surrogates
  EXPECT_TRUE(IsUtf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
  EXPECT_FALSE(IsUtf8("\xFF"));
  EXPECT_FALSE(IsUtf8("\x80"));              // a continuation byte alone
  EXPECT_FALSE(IsUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsUtf8("\xE0\x80\xAF"));      // overlong '/'
  EXPECT_FALSE(IsUtf8("\xF0\x80\x80\xAF"));  // overlong '/'
  EXPECT_FALSE(IsUtf8("\xED\xA0\x80"));      // U+D800, a surrogate
  EXPECT_FALSE(IsUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsUtf8("abc\xC3"));           // cut off
  EXPECT_FALSE(IsUtf8("\xE2\x82"));
}

TEST(Utf8Test, APrefixNeverEndsInsideACharacter) {
  EXPECT_EQ(Utf8Prefix("abc", 10), 3U);
  EXPECT_EQ(Utf8Prefix("abcäö", 4), 3U);  // ä is two bytes from the fourth
  EXPECT_EQ(Utf8Prefix("abcäö", 5), 5U);
  EXPECT_EQ(Utf8Prefix("東京", 2), 0U);
  EXPECT_EQ(Utf8Prefix("東京", 3), 3U);
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
