#include "http/static_files.h"

#include <fstream>
#include <sstream>

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

Response StaticFiles::FileResponse(const fs::path& file, bool immutable) const {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  Response response;
  response.content_type = ContentTypeFor(file);
  response.body = content.str();
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
    return FileResponse(resolved, request.path.starts_with("/assets/"));
  }
  // A path with a file extension that does not exist is a missing file, not a client route.
  if (candidate.has_extension() && request.path.find('.') != std::string::npos) {
    return ErrorResponse(NotFoundError("File"));
  }
  const fs::path index = root_ / "index.html";
  if (fs::is_regular_file(index, error)) {
    return FileResponse(index, false);
  }
  return ErrorResponse(NotFoundError("File"));
}

}  // namespace weltcampus::http
