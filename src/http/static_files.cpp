#include "http/static_files.h"

#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "core/error.h"
#include "http/router.h"

namespace weltcampus::http {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileSize = 32 * 1024 * 1024;

}  // namespace

std::string ContentTypeFor(const fs::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(fs::path root) {
  std::error_code error;
  if (!root.empty() && fs::is_directory(root, error)) {
    root_ = fs::canonical(root, error);
  }
}

std::string Gzip(std::string_view data, int level) {
  z_stream stream{};
  // 15 window bits + 16: write a gzip header rather than a zlib one.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("zlib could not be initialised");
  }
  std::string out(deflateBound(&stream, data.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) {
    throw std::runtime_error("zlib could not compress");
  }
  return out;
}

std::shared_ptr<const StaticFiles::CachedFile> StaticFiles::Load(const fs::path& file) const {
  std::error_code error;
  const auto modified = fs::last_write_time(file, error);
  {
    std::lock_guard lock(cache_mutex_);
    auto it = cache_.find(file);
    if (it != cache_.end() && it->second->modified == modified) {
      return it->second;
    }
  }
  auto cached = std::make_shared<CachedFile>();
  cached->modified = modified;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  cached->body = content.str();
  const std::string type = ContentTypeFor(file);
  const bool compressible = type.starts_with("text/") || type.starts_with("application/json") ||
                            type.starts_with("image/svg") || type.starts_with("application/manifest");
  if (compressible && cached->body.size() > 1024) {
    cached->gzipped = Gzip(cached->body);
  }
  std::lock_guard lock(cache_mutex_);
  cache_[file] = cached;
  return cached;
}

Response StaticFiles::FileResponse(const fs::path& file, bool immutable, bool gzip_accepted) const {
  const auto cached = Load(file);
  Response response;
  response.content_type = ContentTypeFor(file);
  if (gzip_accepted && !cached->gzipped.empty()) {
    response.body = cached->gzipped;
    response.WithHeader("Content-Encoding", "gzip");
  } else {
    response.body = cached->body;
  }
  response.WithHeader("Vary", "Accept-Encoding");
  // Vite puts a content hash in the names under assets/, so they never change.
  response.WithHeader("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

Response StaticFiles::Serve(const Request& request) const {
  if (!enabled()) {
    return ErrorResponse(ApiError(ErrorCode::kNotFound, "No web application is configured"));
  }
  if (request.method != "GET" && request.method != "HEAD") {
    return ErrorResponse(ApiError(ErrorCode::kMethodNotAllowed, "Only GET and HEAD here"));
  }
  const bool gzip_accepted = request.Header("accept-encoding").find("gzip") != std::string_view::npos;
  // Resolve inside the root: reject any segment that could climb out before touching the disk.
  fs::path candidate = root_;
  for (const auto& segment : SplitPath(request.path)) {
    if (segment == ".." || segment == "." || segment.find('\\') != std::string::npos ||
        segment.find('\0') != std::string::npos || segment.starts_with(".")) {
      return ErrorResponse(NotFoundError("File"));
    }
    candidate /= segment;
  }
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(candidate, error);
  const auto relative = resolved.lexically_relative(root_);
  const bool inside = !error && !relative.empty() && *relative.begin() != "..";
  if (inside && fs::is_regular_file(resolved, error) && fs::file_size(resolved, error) <= kMaxFileSize) {
    return FileResponse(resolved, request.path.starts_with("/assets/"), gzip_accepted);
  }
  // A path with a file extension that does not exist is a missing file, not a client route.
  if (candidate.has_extension() && request.path.find('.') != std::string::npos) {
    return ErrorResponse(NotFoundError("File"));
  }
  const fs::path index = root_ / "index.html";
  if (fs::is_regular_file(index, error)) {
    return FileResponse(index, false, gzip_accepted);
  }
  return ErrorResponse(NotFoundError("File"));
}

}  // namespace weltcampus::http
