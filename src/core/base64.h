#pragma once

#include <string>
#include <string_view>

namespace weltcampus {

// Bytes as base64 text (RFC 4648, with padding) and back: for binary files kept in a text column
// (an import's workbook, a document's PDF). FromBase64 throws std::invalid_argument for text that
// is not base64.
std::string ToBase64(std::string_view bytes);
std::string FromBase64(std::string_view text);

}  // namespace weltcampus
