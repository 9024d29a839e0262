#pragma once

#include <string>
#include <string_view>

namespace weltcampus {

// Erasmus institution code, e.g. "D  DRESDEN02" or "PL WROCLAW05" (country prefix padded to three).
bool IsValidErasmusCode(std::string_view code);

// ISO 3166-1 alpha-2, upper case.
bool IsValidCountryCode(std::string_view code);
// The EU's own country codes differ in two places (EL for Greece, UK for the United Kingdom).
std::string NormaliseCountryCode(std::string_view code);

// ISO 639-1, lower case.
bool IsValidLanguageCode(std::string_view code);

// Common European Framework of Reference level, A1..C2.
bool IsValidCefrLevel(std::string_view level);

// ISCED-F 2013 code shape: two (broad), three (narrow) or four (detailed) digits.
bool IsIscedCodeShape(std::string_view code);

// European Qualifications Framework level as used for mobility: 5..8.
bool IsValidEqfLevel(int level);

// A plausible e-mail address; real checking happens by sending mail, not by regex.
bool IsPlausibleEmail(std::string_view email);

// http(s) URL without spaces.
bool IsPlausibleWebAddress(std::string_view url);

}  // namespace weltcampus
