#include "core/text.h"

#include <cstdint>
#include <utility>

namespace weltcampus {

namespace {

char32_t LowerCodePoint(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ
  if (c == 0x178) return 0xFF;                              // Ÿ
  if (c == 0x130) return 'i';                               // İ
  if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) {
    return (c % 2 == 1) ? c + 1 : c;  // Ĺ..Ň, Ź..Ž: capitals at odd code points
  }
  if (c >= 0x100 && c <= 0x17F && c != 0x138 && c != 0x149) {
    return (c % 2 == 0) ? c + 1 : c;  // Ā..ž: capitals at even code points
  }
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;  // Greek
  if (c >= 0x410 && c <= 0x42F) return c + 32;                // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                // Ѐ..Џ
  return c;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// Each code point of UTF-8 text through `append(out, code_point)`; bytes that are no UTF-8 are
// kept as they are.
template <typename Append>
std::string MapCodePoints(std::string_view text, Append append) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    size_t length = byte < 0x80 ? 1 : (byte >> 5) == 6 ? 2 : (byte >> 4) == 14 ? 3 : (byte >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      out += text[i++];  // not UTF-8: keep the byte as it is
      continue;
    }
    char32_t c = length == 1 ? byte : byte & (0x7F >> length);
    bool valid = true;
    for (size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      valid = valid && (next & 0xC0) == 0x80;
      c = (c << 6) | (next & 0x3F);
    }
    if (!valid) {
      out += text[i++];
      continue;
    }
    append(out, c);
    i += length;
  }
  return out;
}

// The letters of U+00DF..U+017F without their marks, after LowerCodePoint (so at the code points
// of the small letters); "" where the character stays as it is.
constexpr const char* kLatinBase[] = {
    "ss", "a", "a", "a", "a", "a", "a", "ae", "c",  "e", "e", "e",   // ß..ê DF..EA
    "e",  "i", "i", "i", "i", "d", "n", "o",  "o",  "o", "o", "o",   // ë..ö EB..F6
    "",   "o", "u", "u", "u", "u", "y", "th", "y",  "a", "a", "a",   // ÷..Ă F7..102
    "a",  "a", "a", "c", "c", "c", "c", "c",  "c",  "c", "c", "d",   // ă..Ď 103..10E
    "d",  "d", "d", "e", "e", "e", "e", "e",  "e",  "e", "e", "e",   // ď..Ě 10F..11A
    "e",  "g", "g", "g", "g", "g", "g", "g",  "g",  "h", "h", "h",   // ě..Ħ 11B..126
    "h",  "i", "i", "i", "i", "i", "i", "i",  "i",  "i", "i", "ij",  // ħ..Ĳ 127..132
    "ij", "j", "j", "k", "k", "k", "l", "l",  "l",  "l", "l", "l",   // ĳ..ľ 133..13E
    "l",  "l", "l", "l", "n", "n", "n", "n",  "n",  "n", "n", "n",   // Ŀ..Ŋ 13F..14A
    "n",  "o", "o", "o", "o", "o", "o", "oe", "oe", "r", "r", "r",   // ŋ..Ŗ 14B..156
    "r",  "r", "r", "s", "s", "s", "s", "s",  "s",  "s", "s", "t",   // ŗ..Ţ 157..162
    "t",  "t", "t", "t", "t", "u", "u", "u",  "u",  "u", "u", "u",   // ţ..Ů 163..16E
    "u",  "u", "u", "u", "u", "w", "w", "y",  "y",  "y", "z", "z",   // ů..ź 16F..17A
    "z",  "z", "z", "z", "s",                                        // Ż..ſ 17B..17F
};
static_assert(sizeof(kLatinBase) / sizeof(kLatinBase[0]) == 0x180 - 0xDF);

// Other letters written without their marks: Romanian ș and ț (comma below), Greek vowels with
// tonos or dialytika (capitals too, which LowerCodePoint leaves), final sigma.
constexpr std::pair<char32_t, char32_t> kOtherBase[] = {
    {0x218, 's'},   {0x219, 's'},   {0x21A, 't'},   {0x21B, 't'},   {0x386, 0x3B1}, {0x3AC, 0x3B1},
    {0x388, 0x3B5}, {0x3AD, 0x3B5}, {0x389, 0x3B7}, {0x3AE, 0x3B7}, {0x38A, 0x3B9}, {0x3AF, 0x3B9},
    {0x3CA, 0x3B9}, {0x390, 0x3B9}, {0x38C, 0x3BF}, {0x3CC, 0x3BF}, {0x38E, 0x3C5}, {0x3CD, 0x3C5},
    {0x3CB, 0x3C5}, {0x3B0, 0x3C5}, {0x38F, 0x3C9}, {0x3CE, 0x3C9}, {0x3C2, 0x3C3},
};

void AppendSearchFolded(std::string& out, char32_t c) {
  c = LowerCodePoint(c);
  if (c >= 0x300 && c <= 0x36F) {
    return;  // a combining mark (text written decomposed)
  }
  // Apostrophes, straight or typographic, go: "kings" finds King's and King’s College.
  if (c == U'\'' || c == U'`' || c == 0xB4 || c == 0x2018 || c == 0x2019 || c == 0x02BC) {
    return;
  }
  if (c >= 0xDF && c <= 0x17F && *kLatinBase[c - 0xDF] != '\0') {
    out += kLatinBase[c - 0xDF];
    return;
  }
  for (const auto& [from, to] : kOtherBase) {
    if (c == from) {
      c = to;
      break;
    }
  }
  AppendUtf8(out, c);
}

}  // namespace

std::string FoldCase(std::string_view text) {
  return MapCodePoints(text,
                       [](std::string& out, char32_t c) { AppendUtf8(out, LowerCodePoint(c)); });
}

std::string FoldForSearch(std::string_view text) { return MapCodePoints(text, AppendSearchFolded); }

std::string AsciiLower(std::string_view text) {
  std::string lower(text);
  for (auto& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

bool IsUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The sequence's length and the range of its second byte (RFC 3629, section 4).
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      low = lead == 0xE0 ? 0xA0 : 0x80;   // no overlong form
      high = lead == 0xED ? 0x9F : 0xBF;  // no surrogate
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      low = lead == 0xF0 ? 0x90 : 0x80;   // no overlong form
      high = lead == 0xF4 ? 0x8F : 0xBF;  // nothing above U+10FFFF
    } else {
      return false;
    }
    if (text.size() - i < length) {
      return false;
    }
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < low || second > high) {
      return false;
    }
    for (std::size_t k = 2; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

std::size_t Utf8Prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return text.size();
  }
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return cut;
}

std::string LogSafe(std::string_view value, std::size_t max_length) {
  const std::string_view kept = value.substr(0, max_length);
  std::string safe;
  safe.reserve(kept.size());
  for (const char c : kept) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      safe += "\\x";
      safe += kHex[byte >> 4];
      safe += kHex[byte & 0xf];
    } else if (c == '\\') {
      safe += "\\\\";
    } else {
      safe += c;
    }
  }
  if (value.size() > kept.size()) {
    safe += "...(" + std::to_string(value.size() - kept.size()) + " more bytes)";
  }
  return safe;
}

}  // namespace weltcampus
