#pragma once

#include <filesystem>
#include <string>

#include "http/message.h"

namespace weltcampus::http {

// Serves the built web application. Paths that name no file fall back to index.html, so that
// client-side routes survive a reload; no path can leave the root folder.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  bool enabled() const { return !root_.empty(); }
  Response Serve(const Request& request) const;

 private:
  Response FileResponse(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;
};

std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace weltcampus::http
