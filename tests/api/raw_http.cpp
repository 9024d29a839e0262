#include "raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "test_server.h"

namespace weltcampus::api_test {
namespace {

class Socket {
 public:
  Socket() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {}
  ~Socket() {
    if (fd_ >= 0) {
      close(fd_);
    }
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// Sends all bytes; stops quietly when the peer closed (it may have answered already).
void SendAll(int fd, const std::string& data) {
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return;
    }
    sent += static_cast<std::size_t>(n);
  }
}

bool Readable(int fd, int timeout_ms) {
  pollfd pfd{fd, POLLIN, 0};
  return poll(&pfd, 1, timeout_ms) > 0;
}

// Parses what was read; returns true when one complete answer is in `data`.
bool Parse(const std::string& data, Response& response) {
  const auto head_end = data.find("\r\n\r\n");
  if (head_end == std::string::npos) {
    return false;
  }
  response.headers.clear();
  const std::string head = data.substr(0, head_end);
  const auto first_line_end = head.find("\r\n");
  const std::string status_line = head.substr(0, first_line_end);
  const auto space = status_line.find(' ');
  response.status = space == std::string::npos ? 0 : std::atoi(status_line.c_str() + space + 1);
  std::size_t pos = first_line_end == std::string::npos ? head.size() : first_line_end + 2;
  while (pos < head.size()) {
    auto end = head.find("\r\n", pos);
    if (end == std::string::npos) {
      end = head.size();
    }
    const std::string line = head.substr(pos, end - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers.emplace(LowerCase(line.substr(0, colon)), value);
    }
    pos = end + 2;
  }
  response.body = data.substr(head_end + 4);
  const std::string length = response.Header("Content-Length");
  if (!length.empty()) {
    const auto expected = static_cast<std::size_t>(std::stoull(length));
    if (response.body.size() < expected) {
      return false;
    }
    response.body.resize(expected);
    return true;
  }
  return false;  // read until close
}

std::string DecodeChunked(const std::string& body) {
  std::string out;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const auto line_end = body.find("\r\n", pos);
    if (line_end == std::string::npos) {
      break;
    }
    const std::size_t size = std::strtoul(body.substr(pos, line_end - pos).c_str(), nullptr, 16);
    if (size == 0) {
      break;
    }
    out += body.substr(line_end + 2, size);
    pos = line_end + 2 + size + 2;
  }
  return out;
}

}  // namespace

Response RawHttp(const std::string& head, const std::string& body) {
  return RawHttpFrom("", Server().port, head, body);
}

Response RawHttpFrom(const std::string& source_address, int port, const std::string& head,
                     const std::string& body) {
  Response response;
  response.request = "RAW " + head.substr(0, head.find("\r\n"));
  Socket socket;
  if (!source_address.empty()) {
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_port = 0;
    if (inet_pton(AF_INET, source_address.c_str(), &local.sin_addr) != 1 ||
        bind(socket.fd(), reinterpret_cast<sockaddr*>(&local), sizeof(local)) != 0) {
      response.transport_error =
          "bind to " + source_address + ": " + std::string(std::strerror(errno));
      return response;
    }
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, Server().host.c_str(), &address.sin_addr);
  if (connect(socket.fd(), reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0) {
    response.transport_error = std::string("connect: ") + std::strerror(errno);
    return response;
  }
  SendAll(socket.fd(), head);
  if (!body.empty()) {
    if (!Readable(socket.fd(), 1000)) {
      SendAll(socket.fd(), body);
    }
  }
  std::string data;
  char buffer[16384];
  while (Readable(socket.fd(), 10000)) {
    const ssize_t n = recv(socket.fd(), buffer, sizeof(buffer), 0);
    if (n <= 0) {
      if (n < 0 && data.empty()) {
        response.transport_error = std::string("recv: ") + std::strerror(errno);
      }
      break;
    }
    data.append(buffer, static_cast<std::size_t>(n));
    if (Parse(data, response)) {
      break;
    }
  }
  if (!Parse(data, response) && response.status == 0 && response.transport_error.empty()) {
    response.transport_error =
        "no complete HTTP answer (" + std::to_string(data.size()) + " bytes read)";
  }
  if (LowerCase(response.Header("Transfer-Encoding")).find("chunked") != std::string::npos) {
    response.body = DecodeChunked(response.body);
  }
  response.json = Json::parse(response.body, nullptr, false);
  response.json_ok = !response.json.is_discarded();
  if (!response.json_ok) {
    response.json = nullptr;
  }
  // "GET /x HTTP/1.1": logged for the validation against the OpenAPI document; a request line
  // that is not one (the tests send some on purpose) is logged as it is, and the validator says
  // which it cannot match.
  const std::string line = head.substr(0, head.find("\r\n"));
  const auto first = line.find(' ');
  const auto second = first == std::string::npos ? std::string::npos : line.find(' ', first + 1);
  LogResponse(line.substr(0, first),
              first == std::string::npos ? "" : line.substr(first + 1, second - first - 1), response);
  return response;
}

std::string SessionHeaderLines() {
  std::string lines = "Origin: http://127.0.0.1\r\n";
  if (!TestSession().cookie.empty()) {
    lines += "Cookie: " + TestSession().cookie + "\r\n";
  }
  if (!TestSession().csrf_token.empty()) {
    lines += "X-CSRF-Token: " + TestSession().csrf_token + "\r\n";
  }
  return lines;
}

Response RawGet(const std::string& target) {
  return RawHttp("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + SessionHeaderLines() +
                 "Connection: close\r\n\r\n");
}

}  // namespace weltcampus::api_test
