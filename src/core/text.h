#pragma once

#include <string>
#include <string_view>

namespace weltcampus {

// Lower-cases UTF-8 text for searching: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// capitals (enough for the names of the world's universities as the lists spell them), so that
// "UNIVERSITÄT" finds "Universität" on SQLite, whose lower() knows ASCII only.
std::string FoldCase(std::string_view text);

// Lower-cases the ASCII letters A-Z and nothing else (header names, file name extensions).
std::string AsciiLower(std::string_view text);

}  // namespace weltcampus
