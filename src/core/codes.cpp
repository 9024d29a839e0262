#include "core/codes.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace weltcampus {

namespace {

constexpr std::string_view kCountryCodes =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS "
    "BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE "
    "EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM "
    "HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC "
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW "
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO "
    "TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

constexpr std::string_view kLanguageCodes =
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de "
    "dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia "
    "id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo "
    "lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl "
    "ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk "
    "tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

bool InSpaceSeparatedList(std::string_view list, std::string_view code) {
  if (code.size() != 2) {
    return false;
  }
  for (size_t i = 0; i + 1 < list.size(); i += 3) {
    if (list.substr(i, 2) == code) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool IsValidErasmusCode(std::string_view code) {
  static const std::regex kPattern(R"(^(IRL|LUX|[A-Z]{2}[ ]{1}|[A-Z]{1}[ ]{2})[A-Z][A-Z-]*[A-Z]\d{2,3}$)");
  if (code.size() > 20) {
    return false;
  }
  return std::regex_match(code.begin(), code.end(), kPattern);
}

bool IsValidCountryCode(std::string_view code) { return InSpaceSeparatedList(kCountryCodes, code); }

std::string NormaliseCountryCode(std::string_view code) {
  std::string upper(code);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (upper == "EL") {
    return "GR";
  }
  if (upper == "UK") {
    return "GB";
  }
  return upper;
}

bool IsValidLanguageCode(std::string_view code) { return InSpaceSeparatedList(kLanguageCodes, code); }

bool IsValidCefrLevel(std::string_view level) {
  return level.size() == 2 && (level[0] == 'A' || level[0] == 'B' || level[0] == 'C') &&
         (level[1] == '1' || level[1] == '2');
}

bool IsIscedCodeShape(std::string_view code) {
  return code.size() >= 2 && code.size() <= 4 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsValidEqfLevel(int level) { return level >= 5 && level <= 8; }

bool IsPlausibleEmail(std::string_view email) {
  const auto at = email.find('@');
  return email.size() <= 254 && at != std::string_view::npos && at > 0 &&
         email.find('.', at) != std::string_view::npos && email.back() != '.' &&
         email.find(' ') == std::string_view::npos && email.find('@', at + 1) == std::string_view::npos;
}

bool IsPlausibleWebAddress(std::string_view url) {
  return url.size() <= 2048 && (url.starts_with("https://") || url.starts_with("http://")) &&
         url.find_first_of(" \t\r\n\"<>") == std::string_view::npos;
}

}  // namespace weltcampus
