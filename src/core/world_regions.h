#pragma once

#include <optional>
#include <string_view>

#include "core/enum_table.h"

namespace weltcampus {

// The world regions partners are counted by (the evaluation's "by region"), after the United
// Nations' M49 standard for statistical use: its five regions, with the Americas in its two parts
// (Northern America; Latin America and the Caribbean), and Antarctica, which M49 puts in none.
// M49 counts Cyprus, Turkey and the Caucasus to Western Asia; Kosovo (XK, not in M49) is Europe,
// Taiwan (not in M49) Eastern Asia. The register keeps a country, never a region: the region is
// derived from the country code by the table in world_regions.cpp.
enum class WorldRegion {
  kEurope,
  kAsia,
  kAfrica,
  kNorthernAmerica,
  kLatinAmericaCaribbean,
  kOceania,
  kAntarctica
};
inline constexpr EnumTable<WorldRegion, 7> kWorldRegionTable(
    "world_region", {{{WorldRegion::kEurope, "europe"},
                      {WorldRegion::kAsia, "asia"},
                      {WorldRegion::kAfrica, "africa"},
                      {WorldRegion::kNorthernAmerica, "northern_america"},
                      {WorldRegion::kLatinAmericaCaribbean, "latin_america_caribbean"},
                      {WorldRegion::kOceania, "oceania"},
                      {WorldRegion::kAntarctica, "antarctica"}}});

// The region of an ISO 3166-1 alpha-2 code (upper case); none for a code that is not a country
// (every code IsValidCountryCode accepts has one).
std::optional<WorldRegion> RegionOfCountry(std::string_view country);
// The codes of a region's countries and territories, space-separated ("BM CA GL PM US").
std::string_view CountriesOfRegion(WorldRegion region);

}  // namespace weltcampus
