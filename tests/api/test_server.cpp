// Starts the real server binary once for the whole test binary and stops it at the end.
#include "test_server.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <random>
#include <sstream>
#include <thread>
#include <vector>

#include "api_client.h"

namespace weltcampus::api_test {

std::string EnvOr(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return (value != nullptr && *value != '\0') ? std::string(value) : fallback;
}

std::string WithDatabase(const std::string& url, const std::string& database) {
  const auto scheme_end = url.find("://");
  const auto path_start = url.find('/', scheme_end == std::string::npos ? 0 : scheme_end + 3);
  const auto query_start = url.find('?');
  const std::string base =
      path_start == std::string::npos ? url.substr(0, query_start) : url.substr(0, path_start);
  const std::string query = query_start == std::string::npos ? "" : url.substr(query_start);
  return base + "/" + database + query;
}

namespace {

namespace fs = std::filesystem;
using std::chrono::steady_clock;
using namespace std::chrono_literals;

TestServer g_server;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

void PrintLog(const std::string& title, const fs::path& path) {
  std::cerr << "---- " << title << " (" << path.string() << ") ----\n"
            << ReadFile(path) << "\n---- end of " << title << " ----\n";
}

void PrintLogTail(const std::string& title, const fs::path& path, std::size_t lines) {
  const std::string text = ReadFile(path);
  std::size_t start = text.size();
  for (std::size_t seen = 0; start > 0 && seen <= lines;) {
    --start;
    seen += text[start] == '\n' ? 1 : 0;
  }
  std::cerr << "---- last " << lines << " lines of " << title << " (" << path.string() << ") ----\n"
            << text.substr(start) << "\n---- end of " << title << " ----\n";
}

// fork/exec with stdout+stderr appended to log_path and the working directory set to cwd.
pid_t Spawn(const std::vector<std::string>& args, const fs::path& log_path, const fs::path& cwd) {
  std::vector<char*> argv;
  for (const auto& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
      close(fd);
    }
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
      dup2(null_fd, STDIN_FILENO);
      close(null_fd);
    }
    if (chdir(cwd.c_str()) != 0) {
      perror("chdir");
    }
    execvp(argv[0], argv.data());
    perror("execvp");
    _exit(127);
  }
  return pid;
}

// Waits for pid up to timeout; returns the wait status, or nullopt when it is still running.
std::optional<int> WaitFor(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) {
      return status;
    }
    if (done < 0) {
      return -1;
    }
    if (steady_clock::now() >= deadline) {
      return std::nullopt;
    }
    std::this_thread::sleep_for(50ms);
  }
}

std::string DescribeStatus(int status) {
  if (WIFEXITED(status)) {
    return "exit code " + std::to_string(WEXITSTATUS(status));
  }
  if (WIFSIGNALED(status)) {
    return std::string("killed by signal ") + strsignal(WTERMSIG(status));
  }
  return "wait status " + std::to_string(status);
}

// Runs a command to completion; returns its wait status (or nullopt on timeout, after killing it).
std::optional<int> RunToCompletion(const std::vector<std::string>& args, const fs::path& log_path,
                                   const fs::path& cwd, std::chrono::seconds timeout) {
  const pid_t pid = Spawn(args, log_path, cwd);
  if (pid < 0) {
    return -1;
  }
  auto status = WaitFor(pid, timeout);
  if (!status) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  return status;
}

std::string RandomSuffix() {
  std::random_device device;
  std::mt19937_64 engine(device());
  std::uniform_int_distribution<int> digit(0, 35);
  std::string text;
  for (int i = 0; i < 10; ++i) {
    const int d = digit(engine);
    text += static_cast<char>(d < 10 ? '0' + d : 'a' + d - 10);
  }
  return text;
}

// The port from the port file once it is completely written (two equal reads), else 0.
int ReadPort(const fs::path& port_file) {
  auto parse = [](std::string text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
      text.pop_back();
    }
    if (text.empty() || text.size() > 5 ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return 0;
    }
    return std::atoi(text.c_str());
  };
  const int first = parse(ReadFile(port_file));
  if (first == 0) {
    return 0;
  }
  std::this_thread::sleep_for(50ms);
  return parse(ReadFile(port_file)) == first ? first : 0;
}

class ServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    g_server.binary = EnvOr("WELTCAMPUS_BIN", WELTCAMPUS_DEFAULT_BIN);
    g_server.backend = EnvOr("WELTCAMPUS_TEST_DB", "sqlite");
    cwd_ = EnvOr("WELTCAMPUS_TEST_CWD", WELTCAMPUS_SOURCE_ROOT);
    ASSERT_TRUE(access(g_server.binary.c_str(), X_OK) == 0)
        << "server binary not found or not executable: " << g_server.binary
        << " (set WELTCAMPUS_BIN)";

    char dir_template[] = "/tmp/weltcampus-api.XXXXXX";
    ASSERT_NE(mkdtemp(dir_template), nullptr) << "mkdtemp failed";
    temp_dir_ = dir_template;
    g_server.temp_dir = temp_dir_.string();
    PrepareWebFolder();

    const auto version_log = temp_dir_ / "version.log";
    const auto version_status =
        RunToCompletion({g_server.binary, "--version"}, version_log, cwd_, 10s);
    ASSERT_TRUE(version_status && WIFEXITED(*version_status) && WEXITSTATUS(*version_status) == 0)
        << "`weltcampus --version` failed:\n"
        << ReadFile(version_log);
    g_server.version_text = ReadFile(version_log);

    ASSERT_NO_FATAL_FAILURE(PrepareDatabase());

    const auto demo_log = temp_dir_ / "demo.log";
    const auto demo_status =
        RunToCompletion({g_server.binary, "demo", "--db", g_server.db_url}, demo_log, cwd_, 300s);
    if (!demo_status || !WIFEXITED(*demo_status) || WEXITSTATUS(*demo_status) != 0) {
      PrintLog("weltcampus demo output", demo_log);
      GTEST_FAIL() << "`weltcampus demo --db " << g_server.db_url << "` failed: "
                   << (demo_status ? DescribeStatus(*demo_status) : "timed out after 300 s");
    }

    ASSERT_NO_FATAL_FAILURE(StartServer());
  }

  void TearDown() override {
    // Issue 8: the counts kept with records agree with a recount after every write of the suite.
    if (!g_server.db_url.empty() && server_pid_ > 0) {
      const fs::path check_log = temp_dir_ / "check-counts.log";
      const auto status = RunToCompletion(
          {g_server.binary, "check", "counts", "--db", g_server.db_url}, check_log, cwd_, 120s);
      if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
        PrintLog("weltcampus check counts", check_log);
        ADD_FAILURE() << "kept counts or partner names differ from the records after the suite";
      }
    }
    if (server_pid_ > 0) {
      kill(server_pid_, SIGTERM);
      const auto status = WaitFor(server_pid_, 20s);
      if (!status) {
        kill(server_pid_, SIGKILL);
        waitpid(server_pid_, nullptr, 0);
        PrintLog("server log", server_log_);
        ADD_FAILURE() << "server did not exit within 20 s of SIGTERM (graceful shutdown)";
      } else if (!WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
        PrintLog("server log", server_log_);
        ADD_FAILURE() << "server did not shut down cleanly on SIGTERM: " << DescribeStatus(*status);
      }
      server_pid_ = -1;
    }
    if (!server_log_.empty()) {
      if (EnvOr("WELTCAMPUS_TEST_VERBOSE", "") == "1") {
        PrintLog("server log", server_log_);
      } else if (::testing::UnitTest::GetInstance()->failed_test_count() > 0) {
        PrintLogTail("server log", server_log_, 60);
      }
    }
    DropDatabase();
    if (!temp_dir_.empty()) {
      if (EnvOr("WELTCAMPUS_TEST_KEEP", "") == "1") {
        std::cerr << "keeping " << temp_dir_ << "\n";
      } else {
        std::error_code ignored;
        fs::remove_all(temp_dir_, ignored);
      }
    }
  }

 private:
  void PrepareWebFolder() {
    g_server.web_dir = (temp_dir_ / "web").string();
    WriteFile(
        temp_dir_ / "web" / "index.html",
        std::string("<!doctype html><title>Weltcampus test</title><p>") + kIndexMarker + "</p>\n");
    WriteFile(temp_dir_ / "web" / "assets" / "app.js",
              std::string("console.log('") + kAssetMarker + "');\n");
    // Outside the web folder: must never be served.
    WriteFile(temp_dir_ / "secret.txt", std::string(kSecretMarker) + "\n");
  }

  void PrepareDatabase() {
    if (g_server.backend == "sqlite") {
      g_server.db_url = "sqlite:" + (temp_dir_ / "api.db").string();
      return;
    }
    ASSERT_EQ(g_server.backend, "postgresql")
        << "WELTCAMPUS_TEST_DB must be sqlite or postgresql, not " << g_server.backend;
    admin_url_ = EnvOr("WELTCAMPUS_TEST_PG_URL", "");
    ASSERT_FALSE(admin_url_.empty())
        << "WELTCAMPUS_TEST_DB=postgresql needs WELTCAMPUS_TEST_PG_URL (run under "
           "tests/pg/with-postgres.sh)";
    database_ = "api_" + RandomSuffix();
    const auto log = temp_dir_ / "psql.log";
    const auto status = RunToCompletion(
        {"psql", admin_url_, "-v", "ON_ERROR_STOP=1", "-qc", "CREATE DATABASE " + database_}, log,
        cwd_, 60s);
    if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
      PrintLog("psql output", log);
      GTEST_FAIL() << "could not create database " << database_ << " on " << admin_url_;
    }
    g_server.db_url = WithDatabase(admin_url_, database_);
  }

  void DropDatabase() {
    if (database_.empty()) {
      return;
    }
    RunToCompletion(
        {"psql", admin_url_, "-qc", "DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)"},
        temp_dir_ / "psql.log", cwd_, 60s);
    database_.clear();
  }

  void StartServer() {
    server_log_ = temp_dir_ / "server.log";
    const auto port_file = temp_dir_ / "port";
    server_pid_ =
        Spawn({g_server.binary, "serve", "--db", g_server.db_url, "--listen", "127.0.0.1:0",
               "--web", g_server.web_dir, "--port-file", port_file.string()},
              server_log_, cwd_);
    ASSERT_GT(server_pid_, 0) << "fork failed";

    const auto deadline = steady_clock::now() + 30s;
    while (g_server.port == 0) {
      if (const auto status = WaitFor(server_pid_, 0ms)) {
        server_pid_ = -1;
        PrintLog("server log", server_log_);
        GTEST_FAIL() << "server exited during start: " << DescribeStatus(*status);
      }
      g_server.port = ReadPort(port_file);
      if (g_server.port == 0 && steady_clock::now() > deadline) {
        PrintLog("server log", server_log_);
        GTEST_FAIL() << "server wrote no port to " << port_file << " within 30 s";
      }
      std::this_thread::sleep_for(50ms);
    }

    int last_status = 0;
    while (true) {
      const Response health = Api().Get("/api/v1/health");
      last_status = health.status;
      if (health.status == 200) {
        break;
      }
      if (WaitFor(server_pid_, 0ms) || steady_clock::now() > deadline) {
        PrintLog("server log", server_log_);
        GTEST_FAIL() << "GET /api/v1/health did not answer 200 within 30 s (last status "
                     << last_status << ")";
      }
      std::this_thread::sleep_for(100ms);
    }
    ASSERT_NO_FATAL_FAILURE(SignInTestUser());
    LogOpenApiDocument();
    std::cerr << "weltcampus API tests: server pid " << server_pid_
              << " on 127.0.0.1:" << g_server.port << ", db " << g_server.db_url << "\n";
  }

  // The document the logged answers are validated against (tests/api/validate-responses.mjs):
  // the one this server serves.
  void LogOpenApiDocument() {
    if (std::getenv("WELTCAMPUS_RESPONSE_LOG") == nullptr) {
      return;
    }
    ApiClient anonymous;
    const Response document = anonymous.Get("/api/v1/openapi.json");
    ASSERT_TRUE(IsJson(document, 200));
    LogRecord({{"kind", "openapi"}, {"document", document.json}});
  }

  // docs/api.md: every route but a few public ones needs a session. A server without accounts
  // (404 on the login route) is tested anonymously.
  void SignInTestUser() {
    const std::string email = EnvOr("WELTCAMPUS_TEST_USER", "admin@weltcampus.example");
    const std::string password = EnvOr("WELTCAMPUS_TEST_PASSWORD", "Dresden-Weltcampus-Demo");
    Response answer;
    const auto session = SignIn(email, password, &answer);
    if (!session) {
      if (answer.status == 404) {
        std::cerr << "weltcampus API tests: the server has no /api/v1/auth/login; testing "
                     "anonymously\n";
        return;
      }
      PrintLogTail("server log", server_log_, 40);
      GTEST_FAIL() << "could not sign in as " << email << ": " << answer;
    }
    SetTestSession(*session);
    const Response me = Api().Get("/api/v1/auth/session");
    ASSERT_TRUE(IsJson(me, 200));
    ASSERT_TRUE(me.json.contains("user") && me.json["user"].is_object()) << me;
    ASSERT_FALSE(me.json["user"].value("must_change_password", false))
        << "the test account must not need a password change: " << me;
    std::cerr << "weltcampus API tests: signed in as " << email << "\n";
  }

  fs::path temp_dir_;
  fs::path cwd_;
  fs::path server_log_;
  pid_t server_pid_ = -1;
  std::string admin_url_;
  std::string database_;
};

[[maybe_unused]] ::testing::Environment* const kEnvironment =
    ::testing::AddGlobalTestEnvironment(new ServerEnvironment);

}  // namespace

const TestServer& Server() { return g_server; }

}  // namespace weltcampus::api_test
