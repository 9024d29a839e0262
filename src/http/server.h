#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"

namespace weltcampus::http {

// Whether a request target is under an upload path (ServerOptions::upload_paths).
bool IsUploadTarget(std::string_view target, std::string_view pattern);

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string port_file;  // where the bound port is written (useful with port 0)
  std::size_t body_limit = 1024 * 1024;
  std::size_t header_limit = 16 * 1024;
  // Requests to these paths carry files (imports, documents) and may be up to upload_limit. A
  // path matches when it starts with one of them, `*` standing for one path segment
  // ("/api/v1/agreement-documents/*/files"). The handlers apply their own, smaller limits.
  std::vector<std::string> upload_paths = {"/api/v1/imports/"};
  std::size_t upload_limit = 16 * 1024 * 1024;
  std::chrono::seconds read_timeout{30};  // a whole request, and an idle keep-alive connection
  std::size_t workers = 8;                // threads that run handlers (database work)
  std::size_t max_connections = 10000;
  std::vector<std::string> trusted_proxies;  // addresses whose X-Forwarded-* headers are believed
  // Told the bound port once the server listens (for a server run inside a test, on port 0).
  std::function<void(uint16_t port)> on_listening;
};

// The HTTP server: one I/O thread with coroutines per connection, handlers on a worker pool so
// that database work never blocks the I/O thread. Run() returns after SIGTERM or SIGINT, once
// in-flight requests have finished.
class Server {
 public:
  Server(ServerOptions options, const Router& router, const StaticFiles& static_files,
         Metrics& metrics);
  void Run();
  // Ends Run() as SIGTERM does; from any thread, also before Run() has started. For a server run
  // inside another program, such as a test.
  void Stop();

 private:
  ServerOptions options_;
  const Router& router_;
  const StaticFiles& static_files_;
  Metrics& metrics_;
  std::mutex stop_mutex_;
  std::function<void()> stop_;  // set while Run() runs
  bool stop_requested_ = false;
};

// Headers that every response carries (content sniffing, framing, referrer, CSP).
void AddSecurityHeaders(Response& response, bool secure, bool is_api);

}  // namespace weltcampus::http
