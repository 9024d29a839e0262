// A request's headers as the handlers read them (http/message.h, http/media_type.h,
// http/pdf_upload.h): the session cookie, If-Match and If-None-Match, the media type of a body and
// the check of an uploaded PDF; and the Content-Disposition the server writes for a file name a
// client gave. The input is "name: value" lines, then an empty line and the body. A header is
// either read or refused with an ApiError (a 4xx); a header value the server writes never holds a
// control character (which would split the answer's header); a file's name is kept short and
// never cut inside a character.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/text.h"
#include "http/media_type.h"
#include "http/message.h"
#include "http/pdf_upload.h"

namespace {

weltcampus::http::Request RequestOf(std::string_view text) {
  weltcampus::http::Request request;
  request.method = "POST";
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty()) {
      break;
    }
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string name(line.substr(0, colon));
      for (auto& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      request.headers[name] = std::string(line.substr(colon + 1));
    }
  }
  request.body = std::string(text);
  return request;
}

void RequireHeaderValue(std::string_view value) {
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      __builtin_trap();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace weltcampus;
  const auto request = RequestOf(std::string_view(reinterpret_cast<const char*>(data), size));
  request.Cookie("session");
  request.IfNoneMatchHas("\"3\"");
  http::MediaTypeOf(request);
  try {
    request.RequiredIfMatch();
  } catch (const ApiError&) {
  }
  try {
    http::CheckPdfUpload(request, 64 * 1024);
  } catch (const ApiError&) {
  }
  const std::string_view given = request.Header("x-file-name");
  RequireHeaderValue(http::AttachmentDisposition(given));
  const std::string kept = http::PdfFileName(given);
  RequireHeaderValue(http::AttachmentDisposition(kept));
  // The name a file is kept under: short, and UTF-8 when the given one was (a query value is).
  if (kept.size() > http::kMaxPdfFileName || (IsUtf8(given) && !IsUtf8(kept))) {
    __builtin_trap();
  }
  return 0;
}
