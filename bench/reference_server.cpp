// The benchmarks' yardstick: the least an HTTP/1.1 server on Boost.Beast does, as weltcampus serves
// (one I/O thread, C++20 coroutines, keep-alive), answering every request with the same small JSON
// body and no other work. bench/run.sh runs it beside weltcampus and divides by its requests/s.
//
// Usage: weltcampus_bench_reference [--listen HOST] [--port N] [--port-file PATH] [--threads N]
// clang-format off
#include <utility>  // Boost 1.74's asio/awaitable.hpp needs it first with g++ 12.
// clang-format on
#include <algorithm>
#include <boost/asio.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

constexpr std::string_view kBody = R"({"items":[],"total":0,"server":"reference"})";

asio::awaitable<void> Serve(tcp::socket socket) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.body_limit(1024);
    parser.header_limit(8 * 1024);
    beast::error_code error;
    co_await http::async_read(stream, buffer, parser,
                              asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      break;
    }
    const auto request = parser.release();
    http::response<http::string_body> response(http::status::ok, request.version());
    response.set(http::field::content_type, "application/json");
    response.keep_alive(request.keep_alive());
    response.body() = kBody;
    response.prepare_payload();
    co_await http::async_write(stream, response, asio::redirect_error(asio::use_awaitable, error));
    if (error || !response.keep_alive()) {
      break;
    }
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

asio::awaitable<void> Accept(tcp::acceptor acceptor) {
  for (;;) {
    beast::error_code error;
    auto socket = co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, error));
    if (error) {
      continue;
    }
    socket.set_option(tcp::no_delay(true));
    asio::co_spawn(acceptor.get_executor(), Serve(std::move(socket)), asio::detached);
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  unsigned short port = 0;
  std::string port_file;
  int threads = 1;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--listen") {
      host = value;
    } else if (name == "--port") {
      port = static_cast<unsigned short>(std::stoi(value));
    } else if (name == "--port-file") {
      port_file = value;
    } else if (name == "--threads") {
      threads = std::max(1, std::min(64, std::stoi(value)));
    } else {
      std::cerr << "unknown option " << name << "\n";
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::cerr << "usage: " << argv[0]
              << " [--listen HOST] [--port N] [--port-file PATH] [--threads N]\n";
    return 2;
  }
  asio::io_context io(threads);
  tcp::acceptor acceptor(io, {asio::ip::make_address(host), port});
  const auto bound = acceptor.local_endpoint().port();
  if (!port_file.empty()) {
    std::ofstream(port_file) << bound << "\n";
  }
  asio::co_spawn(io, Accept(std::move(acceptor)), asio::detached);
  asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&io](const beast::error_code&, int) { io.stop(); });
  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) {
    pool.emplace_back([&io] { io.run(); });
  }
  io.run();
  for (auto& thread : pool) {
    thread.join();
  }
  return 0;
}
