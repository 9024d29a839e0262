#include "http/media_type.h"

#include <algorithm>

#include "core/text.h"

namespace weltcampus::http {

std::string MediaTypeOf(const Request& request) {
  std::string type = AsciiLower(request.Header("content-type"));
  type.resize(std::min(type.size(), type.find(';')));
  const auto first = type.find_first_not_of(" \t");
  if (first == std::string::npos) {
    return {};
  }
  type.erase(0, first);
  type.erase(type.find_last_not_of(" \t") + 1);
  return type;
}

}  // namespace weltcampus::http
