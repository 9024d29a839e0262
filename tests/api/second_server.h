#pragma once

// A second `weltcampus serve` on a database of the test's choice (a tampered copy, or the main
// test database itself: several servers behind one load balancer share one database).
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"
#include "test_server.h"

namespace weltcampus::api_test {

// A request to 127.0.0.1:port as a browser on that origin sends it: Host and Origin, the session's
// cookie and CSRF token (when it has a cookie), a JSON body for anything but GET; `header_lines`
// are more headers, each ending in "\r\n".
inline Response RequestToPort(int port, const std::string& method, const std::string& path,
                              const std::string& body, const Session& session,
                              const std::string& header_lines = "") {
  const std::string host = "127.0.0.1:" + std::to_string(port);
  std::string head = method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" +
                     host + "\r\nConnection: close\r\n" + header_lines;
  if (!session.cookie.empty()) {
    head += "Cookie: " + session.cookie + "\r\nX-CSRF-Token: " + session.csrf_token + "\r\n";
  }
  if (method != "GET") {
    head +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return RawHttpFrom("", port, head + "\r\n", body);
}

class SecondServer {
 public:
  ~SecondServer() { Stop(); }

  // `listen`: HOST:PORT, port 0 for any free one; `more`: further options of `serve`.
  void Start(const std::string& db_url, const std::string& listen = "127.0.0.1:0",
             const std::vector<std::string>& more = {}) {
    std::vector<std::string> options = {"--db", db_url, "--listen", listen};
    options.insert(options.end(), more.begin(), more.end());
    StartWith(options);
  }

  // `serve` with exactly these options (besides --web and --port-file) and these more environment
  // variables ("NAME=value"): for a server configured by file or environment.
  void StartWith(const std::vector<std::string>& options,
                 const std::vector<std::string>& environment = {}) {
    ASSERT_NO_FATAL_FAILURE(Launch(options, environment));
    ASSERT_NO_FATAL_FAILURE(WaitUntilServing());
  }

  // After Launch: until the server answers its health check with 200 (at most 30 s).
  void WaitUntilServing() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (port_ == 0 && std::chrono::steady_clock::now() < deadline) {
      std::ifstream in(port_file_);
      int port = 0;
      if (in >> port && port > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const Response health = Request("GET", "/api/v1/health", "");
        if (health.status == 200) {
          port_ = port;
          break;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ASSERT_GT(port_, 0) << "second server did not start; its log:\n" << LogText();
  }

  // Starts the process without waiting for it to answer (two servers started at once).
  void Launch(const std::vector<std::string>& options,
              const std::vector<std::string>& environment = {}) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(Server().temp_dir) / ("scratch-" + UniqueLetters(6));
    fs::create_directories(dir);
    port_file_ = (dir / "port").string();
    port_ = 0;
    log_ = (dir / "server.log").string();
    const char* cwd_env = std::getenv("WELTCAMPUS_TEST_CWD");
    const std::string cwd = cwd_env != nullptr && *cwd_env != '\0' ? cwd_env : WELTCAMPUS_SOURCE_ROOT;
    std::vector<std::string> args = {Server().binary,  "serve",       "--web",
                                     Server().web_dir, "--port-file", port_file_};
    args.insert(args.end(), options.begin(), options.end());
    std::vector<std::string> env = environment;
    pid_ = fork();
    if (pid_ == 0) {
      const int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      if (fd >= 0) {
        dup2(fd, STDOUT_FILENO);
        dup2(fd, STDERR_FILENO);
        close(fd);
      }
      if (chdir(cwd.c_str()) != 0) {
        _exit(126);
      }
      for (auto& variable : env) {
        putenv(variable.data());
      }
      std::vector<char*> argv;
      for (auto& arg : args) {
        argv.push_back(arg.data());
      }
      argv.push_back(nullptr);
      execv(Server().binary.c_str(), argv.data());
      _exit(127);
    }
    ASSERT_GT(pid_, 0);
  }

  // The server's output so far.
  std::string LogText() const {
    std::ifstream in(log_);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  pid_t pid() const { return pid_; }

  // SIGTERM, then the exit status (waitpid's) once it has ended, at most `seconds` later (-1: it
  // did not end and was killed).
  int StopAndWait(int seconds = 20) {
    if (pid_ <= 0) {
      return -1;
    }
    kill(pid_, SIGTERM);
    return WaitForExit(seconds);
  }

  // The exit status once the process has ended, at most `seconds` from now (-1: it did not end and
  // was killed).
  int WaitForExit(int seconds) {
    int status = 0;
    pid_t done = 0;
    for (int i = 0; i < seconds * 20 && (done = waitpid(pid_, &status, WNOHANG)) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (done != pid_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      status = -1;
    }
    pid_ = -1;
    return status;
  }

  // `header_lines`: more headers, each ending in "\r\n".
  Response Request(const std::string& method, const std::string& path, const std::string& body,
                   const std::string& header_lines = "") {
    int port = port_;
    if (port == 0) {
      std::ifstream in(port_file_);
      in >> port;
    }
    return RequestToPort(port, method, path, body, Session{cookie_, csrf_}, header_lines);
  }

  int port() const { return port_; }

  void UseSession(const Session& session) {
    cookie_ = session.cookie;
    csrf_ = session.csrf_token;
  }

  void SignInAsAdmin() {
    const Response login =
        Request("POST", "/api/v1/auth/login",
                Json{{"email", DemoEmail("admin")}, {"password", kDemoPassword}}.dump());
    ASSERT_TRUE(IsJson(login, 200));
    const Session session = SessionFromLogin(login);
    ASSERT_FALSE(session.cookie.empty()) << login;
    cookie_ = session.cookie;
    csrf_ = session.csrf_token;
  }

  // kill -9: no shutdown, no flush, whatever it was doing.
  void Kill() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
  }

  void Stop() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      int status = 0;
      for (int i = 0; i < 200 && waitpid(pid_, &status, WNOHANG) == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      if (waitpid(pid_, &status, WNOHANG) == 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, &status, 0);
      }
      pid_ = -1;
    }
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string port_file_;
  std::string log_;
  std::string cookie_;
  std::string csrf_;
};

}  // namespace weltcampus::api_test
