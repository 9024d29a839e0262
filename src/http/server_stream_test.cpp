// The server's streamed responses, over a real socket. The client is plain POSIX sockets, so
// that the test sees the chunk framing byte for byte (and keeps Beast, slow to compile, out of
// this file).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/error.h"
#include "http/server.h"

namespace weltcampus::http {
namespace {

// Pieces handed out one call at a time; waits where the test says, so that a piece is provably
// sent before the next one is made.
struct Pieces {
  std::vector<std::string> pieces;
  std::size_t next = 0;
  std::size_t fail_at = SIZE_MAX;      // throw instead of making this piece
  std::size_t wait_before = SIZE_MAX;  // wait for `go` before making this piece
  std::shared_future<void> go;
  bool waited_in_time = true;

  std::optional<std::string> Next() {
    if (next == fail_at) {
      throw ApiError(ErrorCode::kNotFound, "No such list");
    }
    if (next == wait_before && go.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
      waited_in_time = false;
    }
    if (next >= pieces.size()) {
      return std::nullopt;
    }
    return pieces[next++];
  }
};

class ServerStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add("GET", "/api/v1/test/stream", http::kPublic, "streams pieces",
                [this](const Request&) {
                  return Response::Stream("text/csv; charset=utf-8",
                                          [pieces = pieces_] { return pieces->Next(); })
                      .WithAttachment("Partner-Übersicht.csv");
                });
    router_.Add("GET", "/api/v1/test/plain", http::kPublic, "a plain body", [](const Request&) {
      return Response::Json(200, {{"plain", true}});
    });
    ServerOptions options;
    options.port = 0;
    options.workers = 2;
    std::promise<uint16_t> listening;
    auto bound = listening.get_future();
    options.on_listening = [&listening](uint16_t port) { listening.set_value(port); };
    server_ = std::make_unique<Server>(options, router_, static_files_, metrics_);
    thread_ = std::thread([this] { server_->Run(); });
    ASSERT_EQ(bound.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    port_ = bound.get();
  }

  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  int Connect() const {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{10, 0};  // a broken server fails the test instead of hanging it
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port_);
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      close(fd);
      throw std::runtime_error("cannot connect to the test server");
    }
    return fd;
  }

  static void Send(int fd, const std::string& text) {
    ASSERT_EQ(send(fd, text.data(), text.size(), MSG_NOSIGNAL), static_cast<ssize_t>(text.size()));
  }

  // Reads until `marker` has arrived (true) or the peer closed or went quiet (false).
  static bool ReadUntil(int fd, std::string& received, const std::string& marker) {
    std::array<char, 4096> buffer{};
    while (received.find(marker) == std::string::npos) {
      const ssize_t n = recv(fd, buffer.data(), buffer.size(), 0);
      if (n <= 0) {
        return false;
      }
      received.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads until the peer closes the connection (or goes quiet).
  static std::string ReadToEnd(int fd) {
    std::string received;
    std::array<char, 4096> buffer{};
    for (ssize_t n = recv(fd, buffer.data(), buffer.size(), 0); n > 0;
         n = recv(fd, buffer.data(), buffer.size(), 0)) {
      received.append(buffer.data(), static_cast<std::size_t>(n));
    }
    return received;
  }

  std::shared_ptr<Pieces> pieces_ = std::make_shared<Pieces>();
  Router router_;
  StaticFiles static_files_{""};
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
};

struct Chunked {
  std::vector<std::string> chunks;
  bool complete = false;  // ended with the last chunk "0\r\n\r\n"
  std::string rest;       // bytes after it
};

// RFC 9112 section 7.1, without extensions or trailers (the server sends neither).
Chunked ParseChunked(std::string_view body) {
  Chunked result;
  for (;;) {
    const auto line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) {
      return result;
    }
    const std::size_t size = std::stoul(std::string(body.substr(0, line_end)), nullptr, 16);
    body.remove_prefix(line_end + 2);
    if (size == 0) {
      result.complete = body.starts_with("\r\n");
      result.rest = std::string(body.substr(result.complete ? 2 : 0));
      return result;
    }
    if (body.size() < size + 2 || body.substr(size, 2) != "\r\n") {
      return result;
    }
    result.chunks.emplace_back(body.substr(0, size));
    body.remove_prefix(size + 2);
  }
}

TEST_F(ServerStreamTest, SendsEachPieceAsAChunkBeforeTheNextIsMade) {
  std::promise<void> go;
  pieces_->pieces = {"Name,Land\r\n", "Wrocław,PL\r\n", "", "London,GB\r\n"};
  pieces_->wait_before = 1;
  pieces_->go = go.get_future().share();
  const int fd = Connect();
  Send(fd, "GET /api/v1/test/stream HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string received;
  // The first chunk arrives while the producer is still held before the second piece.
  ASSERT_TRUE(ReadUntil(fd, received, "\r\n\r\nb\r\nName,Land\r\n\r\n")) << received;
  go.set_value();
  ASSERT_TRUE(ReadUntil(fd, received, "\r\n0\r\n\r\n")) << received;
  EXPECT_TRUE(pieces_->waited_in_time);

  const auto header_end = received.find("\r\n\r\n");
  const std::string header = received.substr(0, header_end + 2);
  EXPECT_TRUE(header.starts_with("HTTP/1.1 200 OK\r\n")) << header;
  EXPECT_NE(header.find("Transfer-Encoding: chunked\r\n"), std::string::npos) << header;
  EXPECT_EQ(header.find("Content-Length"), std::string::npos) << header;
  EXPECT_NE(header.find("Content-Type: text/csv; charset=utf-8\r\n"), std::string::npos);
  EXPECT_NE(header.find("Content-Disposition: attachment; filename=\"Partner-_bersicht.csv\"; "
                        "filename*=UTF-8''Partner-%C3%9Cbersicht.csv\r\n"),
            std::string::npos)
      << header;
  EXPECT_NE(header.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos);
  EXPECT_NE(header.find("X-Request-Id: "), std::string::npos);

  const Chunked body = ParseChunked(std::string_view(received).substr(header_end + 4));
  EXPECT_TRUE(body.complete);
  // The empty piece is no chunk: it would read as the end.
  EXPECT_EQ(body.chunks,
            (std::vector<std::string>{"Name,Land\r\n", "Wrocław,PL\r\n", "London,GB\r\n"}));

  // The connection stays usable after a chunked body.
  Send(fd, "GET /api/v1/test/plain HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string second;
  ASSERT_TRUE(ReadUntil(fd, second, "{\"plain\":true}")) << second;
  EXPECT_TRUE(second.starts_with("HTTP/1.1 200 OK\r\n"));
  EXPECT_NE(second.find("Content-Length: 14\r\n"), std::string::npos);
  close(fd);
}

TEST_F(ServerStreamTest, FailureBeforeTheFirstPieceIsAnErrorStatus) {
  pieces_->fail_at = 0;
  const int fd = Connect();
  Send(fd, "GET /api/v1/test/stream HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::string received = ReadToEnd(fd);
  close(fd);
  EXPECT_TRUE(received.starts_with("HTTP/1.1 404 Not Found\r\n")) << received;
  EXPECT_EQ(received.find("chunked"), std::string::npos);
  EXPECT_NE(received.find("\"code\":\"not_found\""), std::string::npos) << received;
}

TEST_F(ServerStreamTest, FailureMidStreamEndsWithoutTheLastChunk) {
  pieces_->pieces = {"first\r\n", "second\r\n"};
  pieces_->fail_at = 1;
  const int fd = Connect();
  Send(fd, "GET /api/v1/test/stream HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string received = ReadToEnd(fd);  // the server closes the connection
  close(fd);
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200 OK\r\n")) << received;
  const Chunked body =
      ParseChunked(std::string_view(received).substr(received.find("\r\n\r\n") + 4));
  EXPECT_EQ(body.chunks, std::vector<std::string>{"first\r\n"});
  EXPECT_FALSE(body.complete) << received;
}

TEST_F(ServerStreamTest, SendsTheBodyUntilCloseToHttp10Clients) {
  pieces_->pieces = {"one,", "two,", "three"};
  const int fd = Connect();
  Send(fd, "GET /api/v1/test/stream HTTP/1.0\r\n\r\n");
  const std::string received = ReadToEnd(fd);
  close(fd);
  EXPECT_TRUE(received.starts_with("HTTP/1.0 200 OK\r\n")) << received;
  EXPECT_EQ(received.find("Transfer-Encoding"), std::string::npos);
  EXPECT_TRUE(received.ends_with("\r\n\r\none,two,three")) << received;
}

TEST_F(ServerStreamTest, AnswersHeadWithTheHeaderOnly) {
  pieces_->pieces = {"one"};
  const int fd = Connect();
  Send(fd, "HEAD /api/v1/test/stream HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string received;
  ASSERT_TRUE(ReadUntil(fd, received, "\r\n\r\n"));
  EXPECT_TRUE(received.starts_with("HTTP/1.1 200 OK\r\n")) << received;
  EXPECT_TRUE(received.ends_with("\r\n\r\n")) << received;
  // Nothing more for HEAD: the next response follows at once on the same connection.
  Send(fd, "GET /api/v1/test/plain HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string second;
  ASSERT_TRUE(ReadUntil(fd, second, "{\"plain\":true}")) << second;
  EXPECT_TRUE(second.starts_with("HTTP/1.1 200 OK\r\n")) << second;
  close(fd);
}

TEST(ResponseStream, AttachmentNamesTheFileForOldAndNewClients) {
  EXPECT_EQ(AttachmentDisposition("partners.xlsx"),
            "attachment; filename=\"partners.xlsx\"; filename*=UTF-8''partners.xlsx");
  EXPECT_EQ(AttachmentDisposition("Vereinbarungen 2027 (Köln).csv"),
            "attachment; filename=\"Vereinbarungen 2027 (K_ln).csv\"; "
            "filename*=UTF-8''Vereinbarungen%202027%20%28K%C3%B6ln%29.csv");
  // Nothing that could end the quoted name, name a folder or start a new header line.
  EXPECT_EQ(AttachmentDisposition("a\"b\\c/d%e\r\nX: y"),
            "attachment; filename=\"a_b_c_d_e__X: y\"; "
            "filename*=UTF-8''a%22b%5Cc%2Fd%25e%0D%0AX%3A%20y");
  EXPECT_EQ(AttachmentDisposition(""),
            "attachment; filename=\"download\"; filename*=UTF-8''download");
}

TEST(ResponseStream, StreamHelperSetsTypeAndProducer) {
  int calls = 0;
  Response response = Response::Stream("text/plain", [&calls]() -> std::optional<std::string> {
    return ++calls == 1 ? std::optional<std::string>("x") : std::nullopt;
  });
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/plain");
  ASSERT_TRUE(response.stream);
  EXPECT_EQ(response.stream(), "x");
  EXPECT_EQ(response.stream(), std::nullopt);
}

}  // namespace
}  // namespace weltcampus::http
