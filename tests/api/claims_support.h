#pragma once

// Helpers of the tests of the README's claims (claims_test.cpp, claims_servers_test.cpp,
// preconditions_test.cpp): databases of their own for second servers, raw sockets that log
// nothing (gzip bytes are no JSON to validate), and waiting for a condition.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <string>
#include <thread>

#include "accounts.h"
#include "fixtures.h"
#include "test_server.h"

namespace weltcampus::api_test {

// A database of its own beside the test server's: a new SQLite file in the run's folder, or a new
// PostgreSQL database on the test's server (dropped at the end).
class OwnDatabase {
 public:
  OwnDatabase() {
    if (Server().backend == "sqlite") {
      url_ =
          "sqlite:" +
          (std::filesystem::path(Server().temp_dir) / ("own-" + UniqueLetters(8) + ".db")).string();
      return;
    }
    name_ = "own_" + LowerCase(UniqueLetters(8));
    std::string output;
    EXPECT_TRUE(RunSql(AdminUrl(), "CREATE DATABASE " + name_, &output)) << output;
    url_ = WithDatabase(Server().db_url, name_);
  }
  ~OwnDatabase() {
    if (!name_.empty()) {
      std::string output;
      RunSql(AdminUrl(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)", &output);
    }
  }
  OwnDatabase(const OwnDatabase&) = delete;
  OwnDatabase& operator=(const OwnDatabase&) = delete;

  const std::string& url() const { return url_; }
  // The PostgreSQL database's name ("" on SQLite).
  const std::string& name() const { return name_; }
  // The SQLite file ("" on PostgreSQL).
  std::string file() const { return name_.empty() ? url_.substr(7) : ""; }
  static std::string AdminUrl() { return WithDatabase(Server().db_url, "postgres"); }

 private:
  std::string url_;
  std::string name_;
};

// The first column of the last line SQL printed on `db_url` ("" on failure, with a test failure).
inline std::string SqlValueOn(const std::string& db_url, const std::string& sql) {
  std::string output;
  EXPECT_TRUE(RunSql(db_url, sql, &output)) << sql << ": " << output;
  while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) {
    output.pop_back();
  }
  std::string line =
      output.substr(output.rfind('\n') == std::string::npos ? 0 : output.rfind('\n') + 1);
  return line.substr(0, line.find('|'));
}

// Polls `condition` every 20 ms until it holds or `timeout` has passed; whether it held.
inline bool WaitUntil(const std::function<bool()>& condition,
                      std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

// A connection of the test's own, whose bytes it reads when it wants to (a slow client), and
// which logs nothing.
class RawConnection {
 public:
  // `receive_buffer`: SO_RCVBUF before connecting (0: the system's).
  explicit RawConnection(int port, int receive_buffer = 0) {
    fd_ = socket(AF_INET, SOCK_STREAM, 0);
    if (receive_buffer > 0) {
      setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer);
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  void Send(const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
      const ssize_t n = send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) {
        return;
      }
      sent += static_cast<std::size_t>(n);
    }
  }

  // Reads up to `at_most` bytes (waiting up to 20 s for the first); what was read.
  std::string ReadSome(std::size_t at_most) {
    std::string out(at_most, '\0');
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 20000) <= 0) {
      return {};
    }
    const ssize_t n = recv(fd_, out.data(), at_most, 0);
    out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    return out;
  }

  // Everything until the server closes the connection (at most 60 s).
  std::string ReadToEnd() {
    std::string all;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    char buffer[65536];
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 1000) <= 0) {
        continue;
      }
      const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) {
        break;
      }
      all.append(buffer, static_cast<std::size_t>(n));
    }
    return all;
  }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// An HTTP/1.1 answer as read from the wire: status, headers (lower-case names), the body with a
// chunked transfer decoded (and nothing else: a gzipped body stays gzipped).
struct WireAnswer {
  int status = 0;
  std::map<std::string, std::string> headers;
  std::string body;
  bool complete = false;  // a chunked body ended with its last chunk, or Content-Length was met
};

inline WireAnswer ParseWire(const std::string& data) {
  WireAnswer answer;
  const auto head_end = data.find("\r\n\r\n");
  if (head_end == std::string::npos || data.size() < 12) {
    return answer;
  }
  answer.status = std::atoi(data.substr(9, 3).c_str());
  std::size_t at = data.find("\r\n") + 2;
  while (at < head_end) {
    const auto end = data.find("\r\n", at);
    const std::string line = data.substr(at, end - at);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      answer.headers[LowerCase(line.substr(0, colon))] = value;
    }
    at = end + 2;
  }
  const std::string raw = data.substr(head_end + 4);
  if (LowerCase(answer.headers["transfer-encoding"]).find("chunked") != std::string::npos) {
    std::size_t pos = 0;
    while (pos < raw.size()) {
      const auto line_end = raw.find("\r\n", pos);
      if (line_end == std::string::npos) {
        break;
      }
      const std::size_t size = std::stoul(raw.substr(pos, line_end - pos), nullptr, 16);
      if (size == 0) {
        answer.complete = true;
        break;
      }
      answer.body += raw.substr(line_end + 2, size);
      pos = line_end + 2 + size + 2;
    }
  } else {
    answer.body = raw;
    const auto length = answer.headers.find("content-length");
    answer.complete =
        length != answer.headers.end() && std::stoul(length->second) == answer.body.size();
  }
  return answer;
}

// One request on a connection of its own, its answer as read from the wire.
inline WireAnswer WireRequest(int port, const std::string& head) {
  RawConnection connection(port);
  connection.Send(head);
  return ParseWire(connection.ReadToEnd());
}

}  // namespace weltcampus::api_test
