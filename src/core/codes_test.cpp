#include "core/codes.h"

#include <gtest/gtest.h>

namespace weltcampus {
namespace {

TEST(ErasmusCodeTest, AcceptsRealCodes) {
  for (const char* code : {"D  DRESDEN02", "PL WROCLAW05", "IRLDUBLIN02", "LUXLUX-VIL01", "F  PARIS001",
                           "UK LONDON029", "E  MADRID03"}) {
    EXPECT_TRUE(IsValidErasmusCode(code)) << code;
  }
}

TEST(ErasmusCodeTest, RejectsWrongPaddingAndShapes) {
  for (const char* code : {"D DRESDEN02", "DE DRESDEN", "PLWROCLAW05", "pl wroclaw05", "D  DRESDEN2",
                           "D  DRESDEN0002", "", "PL WROCLAW05 "}) {
    EXPECT_FALSE(IsValidErasmusCode(code)) << "'" << code << "'";
  }
}

TEST(CountryCodeTest, KnowsIsoAndNormalisesEuCodes) {
  EXPECT_TRUE(IsValidCountryCode("GB"));
  EXPECT_TRUE(IsValidCountryCode("AU"));
  EXPECT_FALSE(IsValidCountryCode("UK"));
  EXPECT_FALSE(IsValidCountryCode("gb"));
  EXPECT_EQ(NormaliseCountryCode("el"), "GR");
  EXPECT_EQ(NormaliseCountryCode("UK"), "GB");
  EXPECT_EQ(NormaliseCountryCode("de"), "DE");
}

TEST(CodesTest, LanguagesLevelsAndFields) {
  EXPECT_TRUE(IsValidLanguageCode("en"));
  EXPECT_FALSE(IsValidLanguageCode("xx"));
  EXPECT_TRUE(IsValidCefrLevel("B2"));
  EXPECT_FALSE(IsValidCefrLevel("B3"));
  EXPECT_TRUE(IsIscedCodeShape("0912"));
  EXPECT_FALSE(IsIscedCodeShape("09123"));
  EXPECT_FALSE(IsIscedCodeShape("09a"));
  EXPECT_TRUE(IsValidEqfLevel(7));
  EXPECT_FALSE(IsValidEqfLevel(4));
  EXPECT_TRUE(IsPlausibleEmail("office@tu-dresden.de"));
  EXPECT_FALSE(IsPlausibleEmail("office@"));
}

}  // namespace
}  // namespace weltcampus
