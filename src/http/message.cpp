#include "http/message.h"

#include <cctype>
#include <charconv>

#include "core/error.h"
#include "core/json_input.h"

namespace weltcampus::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// RFC 8187's attr-char: what may stand unencoded in an ext-value such as filename*.
bool IsAttrChar(unsigned char c) {
  return std::isalnum(c) != 0 ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string_view Request::Header(std::string_view name) const {
  auto it = headers.find(std::string(name));
  return it == headers.end() ? std::string_view() : std::string_view(it->second);
}

std::optional<std::string> Request::QueryParam(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::string Request::Cookie(std::string_view name) const {
  std::string_view header = Header("cookie");
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    std::string_view pair = header.substr(0, semicolon);
    header = semicolon == std::string_view::npos ? std::string_view() : header.substr(semicolon + 1);
    while (!pair.empty() && pair.front() == ' ') {
      pair.remove_prefix(1);
    }
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

int64_t Request::PathId(const std::string& name) const {
  auto it = path_params.find(name);
  int64_t id = 0;
  if (it != path_params.end()) {
    const auto& text = it->second;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error == std::errc() && end == text.data() + text.size() && id > 0) {
      return id;
    }
  }
  throw ApiError(ErrorCode::kNotFound, "No such record");
}

int64_t Request::RequiredIfMatch() const {
  std::string_view value = Header("if-match");
  if (value.empty()) {
    throw ApiError(ErrorCode::kPreconditionRequired,
                   "Send If-Match with the version you read (the ETag), so that no one else's "
                   "change is overwritten");
  }
  if (value.starts_with("W/")) {
    value.remove_prefix(2);
  }
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
    value = value.substr(1, value.size() - 2);
  }
  int64_t version = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), version);
  if (error != std::errc() || end != value.data() + value.size() || version <= 0) {
    throw ApiError(ErrorCode::kPreconditionFailed, "If-Match does not name a version of this record");
  }
  return version;
}

nlohmann::json Request::JsonBody() const { return ParseJsonBody(body); }

Response Response::Json(int status, const nlohmann::json& body) {
  Response response;
  response.status = status;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

Response Response::JsonText(int status, std::string body) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

bool Request::IfNoneMatchHas(std::string_view etag) const {
  const auto opaque = [](std::string_view tag) {
    while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) {
      tag.remove_prefix(1);
    }
    while (!tag.empty() && (tag.back() == ' ' || tag.back() == '\t')) {
      tag.remove_suffix(1);
    }
    if (tag.starts_with("W/")) {
      tag.remove_prefix(2);
    }
    return tag;
  };
  const std::string_view wanted = opaque(etag);
  std::string_view list = Header("if-none-match");
  while (!list.empty()) {
    const auto comma = list.find(',');
    const std::string_view tag = opaque(list.substr(0, comma));
    if (tag == "*" || (!tag.empty() && tag == wanted)) {
      return true;
    }
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
  }
  return false;
}

Response Response::NotModified(std::string etag) {
  Response response;
  response.status = 304;
  response.content_type.clear();
  response.headers.emplace_back("ETag", std::move(etag));
  return response;
}

Response Response::NoContent() {
  Response response;
  response.status = 204;
  response.content_type.clear();
  return response;
}

Response Response::Stream(std::string content_type, BodyProducer producer) {
  Response response;
  response.content_type = std::move(content_type);
  response.stream = std::move(producer);
  return response;
}

Response& Response::WithAttachment(std::string_view filename) {
  headers.emplace_back("Content-Disposition", AttachmentDisposition(filename));
  return *this;
}

Response& Response::WithHeader(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

Response& Response::WithVersion(int64_t version) {
  return WithHeader("ETag", "\"" + std::to_string(version) + "\"");
}

std::string AttachmentDisposition(std::string_view filename) {
  if (filename.empty()) {
    filename = "download";
  }
  // The stand-in keeps printable ASCII; each non-ASCII character (a UTF-8 lead byte and its
  // continuation bytes) becomes one '_'. Quotes, backslashes and path separators go too, since
  // some clients would take them as the end of the name or as folders, and '%', which some
  // percent-decode (RFC 6266, appendix D).
  std::string fallback;
  std::string encoded;
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  for (char c : filename) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80 && byte < 0xC0) {
      // A continuation byte: its character already has its '_'.
    } else if (byte >= 0x80 || byte < 0x20 || byte == 0x7F || c == '"' || c == '\\' || c == '/' ||
               c == '%') {
      fallback += '_';
    } else {
      fallback += c;
    }
    if (IsAttrChar(byte)) {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 15];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

std::string PercentDecode(std::string_view text, bool plus_as_space) {
  std::string decoded;
  decoded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high >= 0 && low >= 0) {
        decoded += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    decoded += (plus_as_space && text[i] == '+') ? ' ' : text[i];
  }
  return decoded;
}

std::map<std::string, std::string> ParseQuery(std::string_view query) {
  std::map<std::string, std::string> result;
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) {
      continue;
    }
    const auto eq = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, eq), true);
    std::string value =
        eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1), true);
    result.emplace(std::move(key), std::move(value));
  }
  return result;
}

}  // namespace weltcampus::http
