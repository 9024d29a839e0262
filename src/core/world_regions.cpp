#include "core/world_regions.h"

#include <array>
#include <utility>

#include "core/codes.h"

namespace weltcampus {

namespace {

// Each region's countries and territories (ISO 3166-1 alpha-2), as UN M49 groups them
// (https://unstats.un.org/unsd/methodology/m49/), with XK (Kosovo) in Europe and TW (Taiwan) in
// Asia, which M49 does not list. world_regions_test.cpp checks that every valid code is in
// exactly one list.
constexpr std::array<std::pair<WorldRegion, std::string_view>, 7> kRegionCountries = {{
    {WorldRegion::kEurope,
     "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT "
     "LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA XK"},
    {WorldRegion::kAsia,
     "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN "
     "MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"},
    {WorldRegion::kAfrica,
     "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY MA "
     "MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA ZM ZW"},
    {WorldRegion::kNorthernAmerica, "BM CA GL PM US"},
    {WorldRegion::kLatinAmericaCaribbean,
     "AG AI AR AW BB BL BO BQ BR BS BV BZ CL CO CR CU CW DM DO EC FK GD GF GP GS GT GY HN HT JM "
     "KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI"},
    {WorldRegion::kOceania,
     "AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"},
    {WorldRegion::kAntarctica, "AQ"},
}};

bool Lists(std::string_view list, std::string_view code) {
  for (std::size_t i = 0; i + 1 < list.size(); i += 3) {
    if (list.substr(i, 2) == code) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<WorldRegion> RegionOfCountry(std::string_view country) {
  if (!IsValidCountryCode(country)) {
    return std::nullopt;
  }
  for (const auto& [region, countries] : kRegionCountries) {
    if (Lists(countries, country)) {
      return region;
    }
  }
  return std::nullopt;
}

std::string_view CountriesOfRegion(WorldRegion region) {
  for (const auto& [candidate, countries] : kRegionCountries) {
    if (candidate == region) {
      return countries;
    }
  }
  return {};
}

}  // namespace weltcampus
