#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace weltcampus {

// Lower-cases UTF-8 text for searching: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// capitals (enough for the names of the world's universities as the lists spell them), so that
// "UNIVERSITÄT" finds "Universität" on SQLite, whose lower() knows ASCII only.
std::string FoldCase(std::string_view text);

// FoldCase, and then the letters of Latin-1, Latin Extended-A, Romanian ș/ț and Greek tonos
// written without their marks (ä → a, ł → l, ß → ss, æ → ae, ά → α) and combining marks
// dropped: what search texts are stored as and searched with, so that "universitat",
// "Universität" and "UNIVERSITÄT" find the same rows. Change it only together with a migration
// that folds the stored texts again (partners::repository::RefoldSearchTexts).
std::string FoldForSearch(std::string_view text);

// Lower-cases the ASCII letters A-Z and nothing else (header names, file name extensions).
std::string AsciiLower(std::string_view text);

// Well-formed UTF-8 as RFC 3629 defines it: no overlong forms, no surrogates (U+D800-DFFF), nothing
// above U+10FFFF, no sequence cut off. What PostgreSQL stores as text and JSON can carry.
bool IsUtf8(std::string_view text);

// The length of the longest prefix of at most `max_bytes` bytes that does not end inside a UTF-8
// sequence: where a text may be cut.
std::size_t Utf8Prefix(std::string_view text, std::size_t max_bytes);

// A value a client sent, made safe for one log line: control characters (a newline would start a
// forged line) and backslashes written as \xNN and \\, and cut after `max_length` bytes of the
// original, with the number of bytes left out.
std::string LogSafe(std::string_view value, std::size_t max_length);

}  // namespace weltcampus
