#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
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
  Response FileResponse(const std::filesystem::path& file, bool immutable, bool gzip_accepted) const;

  struct CachedFile {
    std::filesystem::file_time_type modified;
    std::string body;
    std::string gzipped;  // empty where compression does not pay
  };
  std::shared_ptr<const CachedFile> Load(const std::filesystem::path& file) const;

  std::filesystem::path root_;
  // The built application is a few hundred kilobytes: kept in memory, compressed once.
  mutable std::mutex cache_mutex_;
  mutable std::map<std::filesystem::path, std::shared_ptr<const CachedFile>> cache_;
};

// gzip (RFC 1952), by default at the best compression level (9; 1 is the fastest).
std::string Gzip(std::string_view data, int level = 9);

std::string ContentTypeFor(const std::filesystem::path& file);

}  // namespace weltcampus::http
