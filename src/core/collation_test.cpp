#include "core/collation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace weltcampus {
namespace {

// The texts ordered by their keys, compared bytewise as both databases compare them.
std::vector<std::string> SortedByKey(std::vector<std::string> texts) {
  std::stable_sort(texts.begin(), texts.end(), [](const std::string& a, const std::string& b) {
    return CollationKey(a) < CollationKey(b);
  });
  return texts;
}

TEST(CollationKeyTest, OrdersWithoutRegardToCaseAndAccents) {
  EXPECT_EQ(SortedByKey({"Zürich", "école normale", "Åbo Akademi", "aachen", "Bologna",
                         "ÉCOLE CENTRALE", "Östersund", "Lyon", "Ulm", "Universität Wien"}),
            (std::vector<std::string>{"aachen", "Åbo Akademi", "Bologna", "ÉCOLE CENTRALE",
                                      "école normale", "Lyon", "Östersund", "Ulm",
                                      "Universität Wien", "Zürich"}));
}

TEST(CollationKeyTest, CaseNeverCountsAndAccentsOnlyBreakTies) {
  EXPECT_EQ(CollationKey("UNIVERSITÄT"), CollationKey("universität"));
  EXPECT_LT(CollationKey("Universitat"), CollationKey("Universität"));
  EXPECT_LT(CollationKey("Universität A"), CollationKey("Universitat B"));
  // A byte order would put every capital first, and "É" after "z".
  EXPECT_LT(CollationKey("aachen"), CollationKey("Berlin"));
  EXPECT_LT(CollationKey("École"), CollationKey("Zagreb"));
}

TEST(CollationKeyTest, OrdersNumbersByTheirValue) {
  EXPECT_LT(CollationKey("Paris 2"), CollationKey("Paris 10"));
}

TEST(CollationKeyTest, IsValidTextWithoutZeroBytes) {
  for (const std::string text :
       {"", "a", "Wrocław", "東京大学", "King's College", "ΠΑΝΕΠΙΣΤΗΜΙΟ"}) {
    const std::string key = CollationKey(text);
    EXPECT_EQ(key.find('\0'), std::string::npos) << text;
    // UTF-8: every byte from 0x80 on comes in a pair C2/C3 followed by 80..BF.
    for (std::size_t i = 0; i < key.size(); ++i) {
      const auto byte = static_cast<unsigned char>(key[i]);
      if (byte >= 0x80) {
        ASSERT_TRUE(byte == 0xC2 || byte == 0xC3) << text;
        ASSERT_LT(i + 1, key.size());
        const auto next = static_cast<unsigned char>(key[++i]);
        EXPECT_TRUE(next >= 0x80 && next <= 0xBF) << text;
      }
    }
  }
  EXPECT_LT(CollationKey(""), CollationKey("a"));
  EXPECT_LT(CollationKey("King"), CollationKey("Kingston"));
}

TEST(CountryNameTest, NamesCountriesInTheReadersLanguage) {
  EXPECT_EQ(CountryName("AT", "de"), "Österreich");
  EXPECT_EQ(CountryName("AT", "en"), "Austria");
  EXPECT_EQ(CountryName("GB", "de"), "Vereinigtes Königreich");
  EXPECT_EQ(CountryName("DE", "xx"), "Germany");  // an unknown language is the default
  EXPECT_EQ(CountryName("QQ", "en"), "QQ");
}

TEST(CountryNameTest, OrdersCountriesByTheirNameInTheLanguage) {
  const std::vector<std::string> codes{"GB", "AT", "DE", "ES", "NL", "CH"};
  auto sorted = [&](std::string_view language) {
    auto ordered = codes;
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto& a, const auto& b) {
      return CountryCollationKey(a, language) < CountryCollationKey(b, language);
    });
    return ordered;
  };
  // Austria, Germany, Netherlands, Spain, Switzerland, United Kingdom
  EXPECT_EQ(sorted("en"), (std::vector<std::string>{"AT", "DE", "NL", "ES", "CH", "GB"}));
  // Deutschland, Niederlande, Österreich, Schweiz, Spanien, Vereinigtes Königreich
  EXPECT_EQ(sorted("de"), (std::vector<std::string>{"DE", "NL", "AT", "CH", "ES", "GB"}));
}

TEST(SortLanguageTest, KnowsEnglishAndGerman) {
  EXPECT_EQ(SortLanguage("de"), "de");
  EXPECT_EQ(SortLanguage("en"), "en");
  EXPECT_EQ(SortLanguage("fr"), "en");
}

}  // namespace
}  // namespace weltcampus
