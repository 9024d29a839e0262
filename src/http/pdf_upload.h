#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "http/message.h"

// PDF files uploaded as a request's body (an agreement's documents, an application's motivation
// letter and language certificate): told by their bytes, never by their name or the type the
// client claims, and kept under a cleaned name.
namespace weltcampus::http {

inline constexpr std::size_t kMaxPdfFileName = 200;

// Whether the bytes are a PDF file: its header first and an end-of-file marker in its last
// kilobyte (ISO 32000-1, 7.5.2 and 7.5.5).
bool IsPdf(std::string_view bytes);

// The name a file is kept and offered under: its last path part, without control characters,
// at most kMaxPdfFileName bytes, ending in ".pdf".
std::string PdfFileName(std::string_view given);

// Checks an upload of a PDF as the request's body, every failure naming the field "file": the
// claimed type is application/pdf (or application/octet-stream) (422), the body is at most
// `max_bytes` (413), not empty and a PDF by its bytes (422).
void CheckPdfUpload(const Request& request, std::size_t max_bytes);

}  // namespace weltcampus::http
