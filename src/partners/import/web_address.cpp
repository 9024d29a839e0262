#include "partners/import/web_address.h"

#include <algorithm>
#include <cctype>

#include "interop/csv_reader.h"

namespace weltcampus::partners {

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// Splits off a scheme, also the common "http//" typo; answers the rest.
std::string_view WithoutScheme(std::string_view text) {
  for (std::string_view scheme : {"https://", "http://", "https//", "http//"}) {
    if (text.size() >= scheme.size() && Lower(text.substr(0, scheme.size())) == scheme) {
      return text.substr(scheme.size());
    }
  }
  return text;
}

bool IsHostName(std::string_view host) {
  if (host.empty() || host.find('.') == std::string_view::npos || host.front() == '.' ||
      host.back() == '.' || host.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(host.begin(), host.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; });
}

}  // namespace

std::optional<std::string> WebDomain(std::string_view address) {
  const std::string cleaned = interop::CleanField(address);
  std::string host = Lower(WithoutScheme(cleaned));
  const auto end = host.find_first_of("/?#");
  if (end != std::string::npos) {
    host.resize(end);
  }
  const auto colon = host.find(':');
  if (colon != std::string::npos) {
    host.resize(colon);
  }
  if (host.starts_with("www.")) {
    host.erase(0, 4);
  }
  if (!IsHostName(host)) {
    return std::nullopt;
  }
  return host;
}

std::optional<std::string> NormaliseWebsite(std::string_view address) {
  const std::string cleaned = interop::CleanField(address);
  if (!WebDomain(cleaned)) {
    return std::nullopt;
  }
  const std::string_view rest = WithoutScheme(cleaned);
  if (rest.find_first_of(" \t@") != std::string_view::npos) {
    return std::nullopt;
  }
  const bool plain_http = Lower(std::string_view(cleaned).substr(0, 5)) == "http:" ||
                          Lower(std::string_view(cleaned).substr(0, 5)) == "http/";
  return std::string(plain_http ? "http://" : "https://") + std::string(rest);
}

}  // namespace weltcampus::partners
