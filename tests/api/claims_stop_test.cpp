// What the README says about a server whose database goes away and a server told to stop (issue 13,
// "Tests that prove what the README says", item 4): `GET /api/v1/health` answers 503 while the
// database is gone and 200 once it is back, without a restart; on SIGTERM a request in flight is
// answered whole, new connections are refused, and the server exits with status 0.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "claims_support.h"
#include "fixtures.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

namespace fs = std::filesystem;

// Takes the database away from the server and gives it back: on PostgreSQL its connections are
// ended and new ones refused (what a stopped PostgreSQL or a lost network looks like); on SQLite
// the file is moved away from its path (what a deleted database looks like) and back.
class DatabaseOutage {
 public:
  explicit DatabaseOutage(const OwnDatabase& database) : database_(database) {}

  void Begin() {
    if (!database_.name().empty()) {
      std::string output;
      ASSERT_TRUE(RunSql(OwnDatabase::AdminUrl(),
                         "ALTER DATABASE " + database_.name() + " ALLOW_CONNECTIONS false",
                         &output))
          << output;
      ASSERT_TRUE(RunSql(OwnDatabase::AdminUrl(),
                         "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                         "datname = " +
                             SqlText(database_.name()),
                         &output))
          << output;
      return;
    }
    fs::rename(database_.file(), database_.file() + ".away");
  }

  void End() {
    if (!database_.name().empty()) {
      std::string output;
      ASSERT_TRUE(RunSql(OwnDatabase::AdminUrl(),
                         "ALTER DATABASE " + database_.name() + " ALLOW_CONNECTIONS true", &output))
          << output;
      return;
    }
    fs::rename(database_.file() + ".away", database_.file());
  }

 private:
  const OwnDatabase& database_;
};

// README, "Operations": `GET /api/v1/health` checks the database; 503 when it fails.
TEST(ClaimsStop, HealthAnswers503WhileTheDatabaseIsGoneAnd200WhenItIsBack) {
  OwnDatabase database;
  SecondServer server;
  ASSERT_NO_FATAL_FAILURE(server.Start(database.url()));
  const Response healthy = server.Request("GET", "/api/v1/health", "");
  ASSERT_EQ(healthy.status, 200) << healthy;
  EXPECT_EQ(Str(healthy.json, "database"), "ok");

  DatabaseOutage outage(database);
  ASSERT_NO_FATAL_FAILURE(outage.Begin());
  for (int i = 0; i < 3; ++i) {  // the request that finds it gone, and every one after it
    const Response gone = server.Request("GET", "/api/v1/health", "");
    EXPECT_EQ(gone.status, 503) << gone;
    EXPECT_EQ(Str(gone.json, "status"), "degraded") << gone;
    EXPECT_EQ(Str(gone.json, "database"), "unavailable") << gone;
  }
  ASSERT_NO_FATAL_FAILURE(outage.End());
  EXPECT_TRUE(WaitUntil([&] { return server.Request("GET", "/api/v1/health", "").status == 200; }))
      << server.LogText();
  EXPECT_EQ(server.StopAndWait(), 0);
}

// Institutions enough that their CSV export (about 8 MB) cannot all wait in the sockets' buffers:
// the server is still writing it while the client reads slowly.
void ManyInstitutions(const std::string& db_url, int count) {
  const std::string stamp = "'2026-12-01T00:00:00Z'";
  std::string output;
  ASSERT_TRUE(RunSql(
      db_url,
      "WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < " +
          std::to_string(count) +
          ") INSERT INTO institutions (name, name_local, search_text, country, city, website, "
          "type, source, version, created_at, updated_at, name_key, country_key_en, "
          "country_key_de) SELECT 'Slow Export University of Somewhere Rather Far Away ' || k, "
          "'Langsame Exportuniversität ' || k, 'slow export ' || k, 'PT', 'Coimbra', "
          "'https://slow-export.example/' || k, 'university', 'manual', 1, " +
          stamp + ", " + stamp + ", 'slow' || k, 'portugal', 'portugal' FROM n",
      &output))
      << output;
}

// README, "Operations": graceful shutdown on SIGTERM (in-flight requests finish).
TEST(ClaimsStop, SigtermLetsTheRequestInFlightFinishThenTheServerExitsWithZero) {
  OwnDatabase database;
  std::string output;
  ASSERT_EQ(RunCommand({Server().binary, "demo", "--db", database.url()}, &output), 0) << output;
  constexpr int kRows = 40000;
  ASSERT_NO_FATAL_FAILURE(ManyInstitutions(database.url(), kRows));
  const long long total =
      std::stoll(SqlValueOn(database.url(), "SELECT COUNT(*) FROM institutions"));
  SecondServer server;
  ASSERT_NO_FATAL_FAILURE(server.Start(database.url()));
  const Response login =
      server.Request("POST", "/api/v1/auth/login",
                     Json{{"email", DemoEmail("admin")}, {"password", kDemoPassword}}.dump());
  ASSERT_EQ(login.status, 200) << login;
  const Session admin = SessionFromLogin(login);

  // A client that reads the export slowly: a small receive buffer, and nothing read for a while.
  const std::string request_line = "GET /api/v1/institutions?format=csv HTTP/1.1";
  RawConnection slow(server.port(), 4096);
  ASSERT_TRUE(slow.connected());
  slow.Send(request_line + "\r\nHost: 127.0.0.1:" + std::to_string(server.port()) +
            "\r\nCookie: " + admin.cookie + "\r\nConnection: close\r\n\r\n");
  const std::string first = slow.ReadSome(512);
  ASSERT_TRUE(first.starts_with("HTTP/1.1 200")) << first;
  // Its answer has begun and is not finished: the access log line comes at its end.
  const auto finished = [&] {
    return server.LogText().find("GET /api/v1/institutions 200") != std::string::npos;
  };
  ASSERT_FALSE(finished()) << "the export ended before the client read it: not in flight";

  ASSERT_EQ(kill(server.pid(), SIGTERM), 0);
  ASSERT_TRUE(WaitUntil([&] {
    return server.LogText().find("signal 15 received") != std::string::npos;
  })) << server.LogText();
  int status = 0;
  EXPECT_EQ(waitpid(server.pid(), &status, WNOHANG), 0) << "the server did not wait for the export";
  EXPECT_FALSE(finished());
  // A stopping server takes no new connection.
  RawConnection late(server.port());
  EXPECT_FALSE(late.connected() && [&] {
    late.Send("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    return ParseWire(late.ReadToEnd()).status == 200;
  }()) << "a new request was answered after SIGTERM";

  // The export arrives whole: every row, and the chunked body's end.
  const WireAnswer answer = ParseWire(first + slow.ReadToEnd());
  EXPECT_EQ(answer.status, 200);
  EXPECT_TRUE(answer.complete) << answer.body.size() << " bytes, last: "
                               << answer.body.substr(
                                      answer.body.size() > 200 ? answer.body.size() - 200 : 0);
  long long lines = 0;
  for (char c : answer.body) {
    lines += c == '\n' ? 1 : 0;
  }
  EXPECT_EQ(lines, total + 1) << "a header line and one line per institution";
  EXPECT_GT(answer.body.size(), 5u * 1024 * 1024);

  const int exit_status = server.WaitForExit(30);
  EXPECT_TRUE(WIFEXITED(exit_status) && WEXITSTATUS(exit_status) == 0) << exit_status;
  const std::string log = server.LogText();
  EXPECT_LT(log.find("GET /api/v1/institutions 200"), log.find("stopped")) << log;
}

}  // namespace
}  // namespace weltcampus::api_test
