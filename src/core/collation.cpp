#include "core/collation.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace weltcampus {

namespace {

// One collator for every thread: ICU's collators are safe to use from several threads at once
// through their const functions (getSortKey).
const icu::Collator& RootCollator() {
  static const std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> made(
        icu::Collator::createInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !made) {
      throw std::runtime_error(std::string("ICU collator: ") + u_errorName(status));
    }
    made->setStrength(icu::Collator::SECONDARY);
    made->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
    if (U_FAILURE(status)) {
      throw std::runtime_error(std::string("ICU collator: ") + u_errorName(status));
    }
    return made;
  }();
  return *collator;
}

}  // namespace

std::string_view SortLanguage(std::string_view language) {
  for (const auto known : kSortLanguages) {
    if (known == language) {
      return known;
    }
  }
  return kSortLanguages[0];
}

std::string CollationKey(std::string_view text) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  std::vector<uint8_t> key(64 + 4 * text.size());
  int32_t length = RootCollator().getSortKey(unicode, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(length);
    length = RootCollator().getSortKey(unicode, key.data(), length);
  }
  std::string encoded;
  encoded.reserve(length);
  // The key ends in its only 0 byte, which is left out.
  for (int32_t i = 0; i < length && key[i] != 0; ++i) {
    const uint8_t byte = key[i];
    if (byte < 0x80) {
      encoded += static_cast<char>(byte);
    } else {  // U+0080..U+00FF in UTF-8: C2 80 .. C3 BF, in the bytes' order
      encoded += static_cast<char>(0xC0 | (byte >> 6));
      encoded += static_cast<char>(0x80 | (byte & 0x3F));
    }
  }
  return encoded;
}

std::string CountryName(std::string_view code, std::string_view language) {
  const std::string country(code);
  const std::string in(SortLanguage(language));
  icu::UnicodeString name;
  icu::Locale("", country.c_str()).getDisplayCountry(icu::Locale(in.c_str()), name);
  std::string text;
  name.toUTF8String(text);
  return text.empty() ? country : text;
}

std::string CountryCollationKey(std::string_view code, std::string_view language) {
  return CollationKey(CountryName(code, language));
}

}  // namespace weltcampus
