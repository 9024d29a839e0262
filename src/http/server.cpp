// The only translation unit that includes Boost.Beast (it is slow to compile).
#include "http/server.h"

#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <fstream>
#include <list>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>  // Boost 1.74's asio/awaitable.hpp needs it first with g++ 12.

#include "core/error.h"
#include "core/text.h"

namespace weltcampus::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;

namespace {

std::string NewRequestId() {
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id += kHex[b >> 4];
    id += kHex[b & 15];
  }
  return id;
}

bool IsSafeRequestId(std::string_view id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

// Runs f on the worker pool and resumes the coroutine on its own executor with the result (or
// f's exception).
template <typename F, typename T = std::invoke_result_t<F&>>
asio::awaitable<T> RunOnWorkers(asio::thread_pool& pool, F f) {
  auto executor = co_await asio::this_coro::executor;
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable),
                                          void(std::exception_ptr, T)>(
      [&pool, executor](auto handler, F work) {
        asio::post(pool, [handler = std::move(handler), work = std::move(work), executor]() mutable {
          std::exception_ptr error;
          T result{};
          try {
            result = work();
          } catch (...) {
            error = std::current_exception();
          }
          asio::post(executor, [handler = std::move(handler), error,
                                result = std::move(result)]() mutable {
            handler(error, std::move(result));
          });
        });
      },
      asio::use_awaitable, std::move(f));
}

struct Connection {
  tcp::socket* socket = nullptr;
  bool busy = false;  // a request is being handled: let it finish on shutdown
};

class ServerState {
 public:
  ServerState(const ServerOptions& options, const Router& router, const StaticFiles& files,
              Metrics& metrics)
      : options(options), router(router), files(files), metrics(metrics), workers(options.workers) {}

  const ServerOptions& options;
  const Router& router;
  const StaticFiles& files;
  Metrics& metrics;
  asio::thread_pool workers;
  std::list<Connection> connections;  // only touched on the I/O thread
  bool stopping = false;
};

Request ToRequest(const bhttp::request<bhttp::string_body>& message, const tcp::socket& socket,
                  const ServerOptions& options) {
  Request request;
  request.method = std::string(message.method_string());
  const std::string_view target = message.target();
  const auto question = target.find('?');
  request.path = PercentDecode(target.substr(0, question), false);
  if (question != std::string_view::npos) {
    request.query = ParseQuery(target.substr(question + 1));
  }
  for (const auto& field : message) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    request.headers[name] = std::string(field.value());
  }
  request.body = message.body();
  boost::system::error_code error;
  const auto endpoint = socket.remote_endpoint(error);
  request.remote_address = error ? "unknown" : endpoint.address().to_string();
  const bool trusted = std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(),
                                 request.remote_address) != options.trusted_proxies.end();
  if (trusted) {
    if (request.Header("x-forwarded-proto") == "https") {
      request.secure = true;
    }
    std::string_view forwarded = request.Header("x-forwarded-for");
    if (!forwarded.empty()) {
      // The proxy appends the client it saw last; that is the one it vouches for.
      const auto comma = forwarded.rfind(',');
      std::string_view client = comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1);
      while (!client.empty() && client.front() == ' ') {
        client.remove_prefix(1);
      }
      request.remote_address = std::string(client);
    }
  }
  const auto incoming_id = request.Header("x-request-id");
  request.request_id = IsSafeRequestId(incoming_id) ? std::string(incoming_id) : NewRequestId();
  return request;
}

// A handler's response; for a streamed one also its first piece, made on the same worker.
struct Handled {
  Response response;
  std::optional<std::string> first_piece;
};

Handled Handle(ServerState& state, Request& request, std::string* route_label) {
  const bool is_api = request.path.starts_with("/api/") || request.path == "/metrics";
  Handled handled;
  Response& response = handled.response;
  if (is_api) {
    response = state.router.Dispatch(request, route_label);
  } else {
    *route_label = "static";
    response = state.files.Serve(request);
  }
  if (response.stream) {
    // Most failures of an export happen in its first query: made here, before the status line is
    // sent, they still become a proper error status.
    try {
      handled.first_piece = response.stream();
    } catch (...) {
      response = CurrentExceptionResponse(request);
    }
  }
  AddSecurityHeaders(response, request.secure, is_api);
  response.WithHeader("X-Request-Id", request.request_id);
  return handled;
}

template <typename Body>
void SetHeaders(bhttp::response<Body>& message, const Response& response) {
  message.set(bhttp::field::server, "weltcampus");
  if (!response.content_type.empty()) {
    message.set(bhttp::field::content_type, response.content_type);
  }
  for (const auto& [name, value] : response.headers) {
    message.insert(name, value);
  }
}

bhttp::response<bhttp::string_body> ToMessage(Response response, unsigned version, bool keep_alive,
                                              bool head) {
  bhttp::response<bhttp::string_body> message{static_cast<bhttp::status>(response.status), version};
  SetHeaders(message, response);
  const auto size = response.body.size();
  if (!head) {
    message.body() = std::move(response.body);
  }
  message.keep_alive(keep_alive);
  // Also on a 304 (its body is empty): without it, a client that reads a body until the
  // connection closes (cpp-httplib) waits out its timeout on a kept-alive connection.
  message.content_length(size);
  return message;
}

Response LimitResponse(const boost::system::error_code& error) {
  if (error == bhttp::error::body_limit) {
    return ErrorResponse(ApiError(ErrorCode::kPayloadTooLarge, "The request body is too large"));
  }
  if (error == bhttp::error::header_limit) {
    return ErrorResponse(
        ApiError(ErrorCode::kHeadersTooLarge, "The request headers are too large"));
  }
  return ErrorResponse(ApiError(ErrorCode::kBadRequest, "Malformed HTTP request"));
}

// Sends a streamed response: the header, then each piece as the producer makes it on the worker
// pool, so that only one piece is held at a time. Returns whether the connection can serve
// another request; *bytes gets the body's size so far.
asio::awaitable<bool> WriteStreamed(ServerState& state, beast::tcp_stream& stream, Handled& handled,
                                    const Request& request, unsigned version, bool keep_alive,
                                    std::size_t* bytes) {
  Response& response = handled.response;
  bhttp::response<bhttp::empty_body> header{static_cast<bhttp::status>(response.status), version};
  SetHeaders(header, response);
  // HTTP/1.0 knows no chunks: there the body ends when the connection closes.
  const bool chunked = version >= 11;
  header.keep_alive(keep_alive && chunked);
  if (chunked) {
    header.chunked(true);
  }
  bhttp::response_serializer<bhttp::empty_body> serializer{header};
  boost::system::error_code error;
  stream.expires_after(state.options.read_timeout);
  co_await bhttp::async_write_header(stream, serializer,
                                     asio::redirect_error(asio::use_awaitable, error));
  if (error || request.method == "HEAD") {
    co_return !error && keep_alive && chunked;
  }
  std::optional<std::string> piece = std::move(handled.first_piece);
  while (piece) {
    // An empty chunk would read as the last one, so an empty piece is not sent.
    if (!piece->empty()) {
      *bytes += piece->size();
      stream.expires_after(state.options.read_timeout);
      if (chunked) {
        co_await asio::async_write(stream, bhttp::make_chunk(asio::buffer(*piece)),
                                   asio::redirect_error(asio::use_awaitable, error));
      } else {
        co_await asio::async_write(stream, asio::buffer(*piece),
                                   asio::redirect_error(asio::use_awaitable, error));
      }
      if (error) {
        // The client went away: no more pieces are made for it.
        co_return false;
      }
    }
    try {
      piece = co_await RunOnWorkers(state.workers, [&response] { return response.stream(); });
    } catch (const std::exception& failure) {
      spdlog::error("request {} failed after {}B of its body: {}", request.request_id, *bytes,
                    failure.what());
      co_return false;
    } catch (...) {
      spdlog::error("request {} failed after {}B of its body", request.request_id, *bytes);
      co_return false;
    }
  }
  if (!chunked) {
    co_return false;
  }
  stream.expires_after(state.options.read_timeout);
  co_await asio::async_write(stream, bhttp::make_chunk_last(),
                             asio::redirect_error(asio::use_awaitable, error));
  co_return !error && keep_alive;
}

}  // namespace

bool IsUploadTarget(std::string_view target, std::string_view pattern) {
  size_t at = 0;
  for (const char c : pattern) {
    if (c != '*') {
      if (at >= target.size() || target[at] != c) {
        return false;
      }
      ++at;
      continue;
    }
    const size_t start = at;
    while (at < target.size() && target[at] != '/' && target[at] != '?') {
      ++at;
    }
    if (at == start) {
      return false;
    }
  }
  return true;
}

namespace {

asio::awaitable<void> Serve(ServerState& state, tcp::socket socket) {
  auto connection = state.connections.insert(state.connections.end(), Connection{&socket, false});
  beast::tcp_stream stream(std::move(socket));
  connection->socket = &stream.socket();
  beast::flat_buffer buffer;
  const auto& options = state.options;
  for (;;) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
    // Uploaded files (an import's list) may be larger than any JSON body. Beast checks a
    // Content-Length against the limit while it parses the header, before the target is known, so
    // the header is read with the larger limit and the smaller one applied once the target is.
    parser.body_limit(std::max(options.body_limit, options.upload_limit));
    stream.expires_after(options.read_timeout);
    boost::system::error_code error;
    co_await bhttp::async_read_header(stream, buffer, parser,
                                      asio::redirect_error(asio::use_awaitable, error));
    if (!error && !parser.is_done() &&
        std::none_of(options.upload_paths.begin(), options.upload_paths.end(),
                     [target = std::string_view(parser.get().target())](const std::string& path) {
                       return IsUploadTarget(target, path);
                     })) {
      if (parser.content_length().value_or(0) > options.body_limit) {
        error = bhttp::error::body_limit;
      } else {
        parser.body_limit(options.body_limit);  // what chunks may still bring
      }
    }
    if (!error && !parser.is_done()) {
      co_await bhttp::async_read(stream, buffer, parser,
                                 asio::redirect_error(asio::use_awaitable, error));
    }
    if (error == bhttp::error::end_of_stream || error == beast::error::timeout ||
        error == asio::error::operation_aborted || error == asio::error::connection_reset ||
        state.stopping) {
      break;
    }
    // HTTP/1.1 requires a Host header (RFC 9112, 3.2): a request without one is refused like a
    // malformed one.
    const bool without_host = !error && parser.get().version() >= 11 &&
                              parser.get().find(bhttp::field::host) == parser.get().end();
    if (error || without_host) {
      // Answer what the client overstepped, then close: the rest of its bytes are unread. Logged
      // and counted like every answer; the method and path only as far as they were read.
      Response refusal =
          without_host
              ? ErrorResponse(ApiError(ErrorCode::kBadRequest, "The request has no Host header"))
              : LimitResponse(error);
      const bool header_read = parser.is_header_done();
      const std::string method = header_read ? std::string(parser.get().method_string()) : "";
      const std::string path = header_read ? std::string(parser.get().target()) : "";
      const int status = refusal.status;
      state.metrics.Record(method, "refused", status, 0);
      spdlog::info("- {} {} {} refused: {}", LogSafe(method.empty() ? "-" : method, 16),
                   LogSafe(path.empty() ? "-" : path.substr(0, path.find('?')), 512), status,
                   LogSafe(refusal.body, 200));
      auto message = ToMessage(std::move(refusal), 11, false, false);
      stream.expires_after(std::chrono::seconds(5));
      co_await bhttp::async_write(stream, message, asio::redirect_error(asio::use_awaitable, error));
      break;
    }
    connection->busy = true;
    const auto started = std::chrono::steady_clock::now();
    const auto& message = parser.get();
    Request request = ToRequest(message, stream.socket(), options);
    const bool head = request.method == "HEAD";
    std::string route_label;
    Handled handled = co_await RunOnWorkers(state.workers, [&state, &request, &route_label] {
      return Handle(state, request, &route_label);
    });
    const int status = handled.response.status;
    const auto record = [&](std::size_t bytes) {
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      state.metrics.Record(request.method, route_label, status, seconds);
      // The client's method and path are logged escaped and cut (core/text.h).
      spdlog::info("{} {} {} {} {}B {:.1f}ms", request.request_id, LogSafe(request.method, 16),
                   LogSafe(request.path, 512), status, bytes, seconds * 1000);
    };
    const bool keep_alive = message.keep_alive() && !state.stopping;
    bool reusable = false;
    if (handled.response.stream) {
      // Measured to the last piece: making the body is most of a streamed response's work.
      std::size_t bytes = 0;
      reusable = co_await WriteStreamed(state, stream, handled, request, message.version(),
                                        keep_alive, &bytes);
      record(bytes);
      // The producer may hold a database session, even an open transaction: it is let go of on
      // a worker too, where blocking is allowed. Captured by reference: with g++ 12, a lambda
      // owning the producer, as a temporary in this co_await, had its capture destroyed twice.
      co_await RunOnWorkers(state.workers, [&handled] {
        handled.response.stream = nullptr;
        return true;
      });
    } else {
      record(handled.response.body.size());
      auto reply = ToMessage(std::move(handled.response), message.version(), keep_alive, head);
      stream.expires_after(options.read_timeout);
      co_await bhttp::async_write(stream, reply, asio::redirect_error(asio::use_awaitable, error));
      reusable = !error && keep_alive;
    }
    connection->busy = false;
    if (!reusable) {
      break;
    }
  }
  boost::system::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.socket().close(ignored);
  state.connections.erase(connection);
}

asio::awaitable<void> Accept(ServerState& state, tcp::acceptor& acceptor) {
  for (;;) {
    boost::system::error_code error;
    tcp::socket socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
    if (error == asio::error::operation_aborted || !acceptor.is_open()) {
      co_return;
    }
    if (error) {
      spdlog::warn("accept failed: {}", error.message());
      continue;
    }
    if (state.connections.size() >= state.options.max_connections) {
      socket.close(error);
      continue;
    }
    socket.set_option(tcp::no_delay(true), error);
    asio::co_spawn(acceptor.get_executor(), Serve(state, std::move(socket)), asio::detached);
  }
}

}  // namespace

void AddSecurityHeaders(Response& response, bool secure, bool is_api) {
  response.WithHeader("X-Content-Type-Options", "nosniff");
  response.WithHeader("X-Frame-Options", "DENY");
  response.WithHeader("Referrer-Policy", "no-referrer");
  response.WithHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.WithHeader("Cross-Origin-Resource-Policy", "same-origin");
  response.WithHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  response.WithHeader("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                      "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
  if (secure) {
    response.WithHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  // An API answer is not stored unless its route says how (the partner map: "private, no-cache",
  // so that the browser asks again with If-None-Match).
  const bool has_cache_control = std::any_of(
      response.headers.begin(), response.headers.end(),
      [](const auto& header) { return boost::beast::iequals(header.first, "Cache-Control"); });
  if (is_api && !has_cache_control) {
    response.WithHeader("Cache-Control", "no-store");
  }
}

Server::Server(ServerOptions options, const Router& router, const StaticFiles& static_files,
               Metrics& metrics)
    : options_(std::move(options)), router_(router), static_files_(static_files), metrics_(metrics) {}

void Server::Run() {
  if (sodium_init() < 0) {
    throw std::runtime_error("libsodium could not be initialised");
  }
  asio::io_context io(1);
  ServerState state(options_, router_, static_files_, metrics_);
  tcp::acceptor acceptor(io);
  const tcp::endpoint endpoint(asio::ip::make_address(options_.host), options_.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(asio::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(asio::socket_base::max_listen_connections);
  const auto bound = acceptor.local_endpoint();
  spdlog::info("listening on http://{}:{}", bound.address().to_string(), bound.port());
  if (!options_.port_file.empty()) {
    const std::string temporary = options_.port_file + ".tmp";
    std::ofstream(temporary) << bound.port() << "\n";
    std::filesystem::rename(temporary, options_.port_file);
  }

  if (options_.on_listening) {
    options_.on_listening(bound.port());
  }

  asio::signal_set signals(io, SIGINT, SIGTERM);
  // Runs on the I/O thread.
  const auto shutdown = [&] {
    if (state.stopping) {
      return;
    }
    state.stopping = true;
    boost::system::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    // Idle connections are closed now; busy ones close after their response.
    for (auto& connection : state.connections) {
      if (!connection.busy) {
        connection.socket->cancel(ignored);
      }
    }
  };
  signals.async_wait([&](const boost::system::error_code& error, int signal) {
    if (error) {
      return;
    }
    spdlog::info("signal {} received: finishing in-flight requests, then stopping", signal);
    shutdown();
  });
  {
    std::lock_guard lock(stop_mutex_);
    stop_ = [&io, &shutdown] { asio::post(io, shutdown); };
    if (stop_requested_) {
      stop_();
    }
  }
  // stop_ refers to this frame's io and shutdown: gone with them, also when io.run() throws.
  // Whatever Stop() posted and io did not run is dropped with io.
  struct StopReset {
    Server& server;
    ~StopReset() {
      std::lock_guard lock(server.stop_mutex_);
      server.stop_ = nullptr;
    }
  } stop_reset{*this};
  asio::co_spawn(io, Accept(state, acceptor), asio::detached);
  io.run();
  state.workers.join();
  spdlog::info("stopped");
}

void Server::Stop() {
  std::lock_guard lock(stop_mutex_);
  stop_requested_ = true;
  if (stop_) {
    stop_();
  }
}

}  // namespace weltcampus::http
