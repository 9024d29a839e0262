#include "core/world_regions.h"

#include <gtest/gtest.h>

#include <string>

#include "core/codes.h"

namespace weltcampus {
namespace {

int TimesListed(const std::string& code) {
  int times = 0;
  for (auto region : kWorldRegionTable.values()) {
    const std::string_view list = CountriesOfRegion(region);
    for (std::size_t i = 0; i + 1 < list.size(); i += 3) {
      times += list.substr(i, 2) == code ? 1 : 0;
    }
  }
  return times;
}

TEST(WorldRegionsTest, EveryCountryCodeIsInExactlyOneRegion) {
  int countries = 0;
  for (char first = 'A'; first <= 'Z'; ++first) {
    for (char second = 'A'; second <= 'Z'; ++second) {
      const std::string code{first, second};
      if (IsValidCountryCode(code)) {
        ++countries;
        EXPECT_EQ(TimesListed(code), 1) << code;
        EXPECT_TRUE(RegionOfCountry(code).has_value()) << code;
      } else {
        EXPECT_EQ(TimesListed(code), 0) << code << " is no country code";
        EXPECT_FALSE(RegionOfCountry(code).has_value()) << code;
      }
    }
  }
  EXPECT_GT(countries, 240);
}

TEST(WorldRegionsTest, FollowsM49) {
  EXPECT_EQ(RegionOfCountry("DE"), WorldRegion::kEurope);
  EXPECT_EQ(RegionOfCountry("RU"), WorldRegion::kEurope);
  EXPECT_EQ(RegionOfCountry("TR"), WorldRegion::kAsia);
  EXPECT_EQ(RegionOfCountry("CY"), WorldRegion::kAsia);
  EXPECT_EQ(RegionOfCountry("EG"), WorldRegion::kAfrica);
  EXPECT_EQ(RegionOfCountry("US"), WorldRegion::kNorthernAmerica);
  EXPECT_EQ(RegionOfCountry("MX"), WorldRegion::kLatinAmericaCaribbean);
  EXPECT_EQ(RegionOfCountry("PR"), WorldRegion::kLatinAmericaCaribbean);
  EXPECT_EQ(RegionOfCountry("NZ"), WorldRegion::kOceania);
  EXPECT_EQ(RegionOfCountry("AQ"), WorldRegion::kAntarctica);
  EXPECT_EQ(RegionOfCountry("XK"), WorldRegion::kEurope);
  EXPECT_EQ(RegionOfCountry("de"), std::nullopt);
  EXPECT_EQ(RegionOfCountry("UK"), std::nullopt);
  EXPECT_EQ(RegionOfCountry(""), std::nullopt);
}

}  // namespace
}  // namespace weltcampus
