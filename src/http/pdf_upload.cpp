#include "http/pdf_upload.h"

#include "core/error.h"
#include "core/text.h"
#include "http/media_type.h"

namespace weltcampus::http {

bool IsPdf(std::string_view bytes) {
  if (!bytes.starts_with("%PDF-")) {
    return false;
  }
  const auto tail = bytes.substr(bytes.size() > 1024 ? bytes.size() - 1024 : 0);
  return tail.find("%%EOF") != std::string_view::npos;
}

std::string PdfFileName(std::string_view given) {
  if (const auto slash = given.find_last_of("/\\"); slash != std::string_view::npos) {
    given.remove_prefix(slash + 1);
  }
  std::string name;
  for (const char c : given) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f && c != '"') {
      name += c;
    }
  }
  while (!name.empty() && name.back() == ' ') {
    name.pop_back();
  }
  name.erase(0, name.find_first_not_of(' ') == std::string::npos ? name.size()
                                                                 : name.find_first_not_of(' '));
  if (name.empty() || name == "." || name == "..") {
    name = "document";
  }
  const bool pdf = name.size() >= 4 && AsciiLower(name.substr(name.size() - 4)) == ".pdf";
  const std::string_view extension = pdf ? std::string_view(name).substr(name.size() - 4) : "";
  const std::string_view stem = std::string_view(name).substr(0, name.size() - extension.size());
  // Cut at a character's start, never inside a UTF-8 sequence, leaving room for ".pdf".
  const std::string_view kept = stem.substr(0, Utf8Prefix(stem, kMaxPdfFileName - 4));
  return std::string(kept.empty() ? "document" : kept) +
         std::string(pdf ? extension : std::string_view(".pdf"));
}

void CheckPdfUpload(const Request& request, std::size_t max_bytes) {
  // Only the client's claim; the bytes decide (IsPdf).
  const std::string type = MediaTypeOf(request);
  if (type != "application/pdf" && type != "application/octet-stream") {
    throw ValidationError("file", "Send the file as application/pdf");
  }
  if (request.body.size() > max_bytes) {
    throw ApiError(ErrorCode::kPayloadTooLarge,
                   "A file may have at most " + std::to_string(max_bytes / (1024 * 1024)) + " MiB",
                   "file");
  }
  if (request.body.empty()) {
    throw ValidationError("file", "The file is empty");
  }
  if (!IsPdf(request.body)) {
    throw ValidationError("file", "This file is not a PDF");
  }
}

}  // namespace weltcampus::http
