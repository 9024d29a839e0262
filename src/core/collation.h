#pragma once

#include <string>
#include <string_view>

namespace weltcampus {

// The languages a list can be sorted for (a reader's language, ?lang=): the first is the default.
inline constexpr std::string_view kSortLanguages[] = {"en", "de"};
// `language` when it is one of kSortLanguages, else the default ("en").
std::string_view SortLanguage(std::string_view language);

// The key that orders UTF-8 texts as people expect: Unicode collation (ICU, the root order, which
// English and German share), compared first without regard to case and accents ("aachen", "Åbo",
// "École", "Zürich"), accents breaking ties (secondary strength; case never counts), digits by
// their value ("Paris 2" before "Paris 10"). Keys compare bytewise: SQLite's default BINARY
// collation and PostgreSQL's COLLATE "C" (the columns holding them declare it) order rows by them.
// The bytes of ICU's sort key (1..255, no 0) are written as the characters U+0001..U+00FF in
// UTF-8, whose bytes order as the key's do, so the key is valid text on both databases and hardly
// longer than the key. Keys are made by the server when it writes a record; change the order only
// together with a code migration that writes the stored keys again.
std::string CollationKey(std::string_view text);

// The country's name (ISO 3166-1 alpha-2 code) in a sort language ("de": AT → "Österreich",
// GB → "Vereinigtes Königreich"); the code itself when ICU knows no name for it.
std::string CountryName(std::string_view code, std::string_view language);
// The CollationKey of CountryName(code, language): what lists sort by country by.
std::string CountryCollationKey(std::string_view code, std::string_view language);

}  // namespace weltcampus
