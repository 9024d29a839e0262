// What the README says about running the server, proven with servers of the test's own (issue 13,
// "Tests that prove what the README says", item 4): the retention run (the command and the run of
// `serve`), configuration by file and environment, the migration lock when two servers start at
// once on a new database, health answering 503 while the database is gone, and a graceful stop
// on SIGTERM that finishes the request in flight.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "claims_support.h"
#include "fixtures.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

std::string DaysAgo(int days) { return FormatUtc(NowSeconds() - days * 86400LL); }

// A fresh account, disabled and last used `days` ago (as the retention schedule sees it).
void DisabledAccountUnusedFor(int days, long long* id) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &created));
  *id = IdOf(created);
  const std::string when = SqlText(DaysAgo(days));
  ASSERT_NO_FATAL_FAILURE(ExecSql("UPDATE users SET active = 0, last_login_at = " + when +
                                  ", created_at = " + when + ", updated_at = " + when +
                                  " WHERE id = " + std::to_string(*id)));
}

// A signed-in session whose idle time ran out yesterday; its token's hash.
void ExpiredSession(std::string* token_hash) {
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"researcher"}, &account));
  *token_hash = Sha256Hex(TokenOf(account.session));
  ASSERT_NO_FATAL_FAILURE(ExecSql("UPDATE sessions SET idle_expires_at = " + SqlText(DaysAgo(1)) +
                                  " WHERE token_hash = " + SqlText(*token_hash)));
}

bool ErasedByRetention(long long id) {
  const Response user = Api().Get("/api/v1/users/" + std::to_string(id));
  return user.status == 200 && user.json.value("erased", false) &&
         Str(user.json, "email").ends_with("@erased.invalid");
}

bool SessionKept(const std::string& token_hash) {
  return SqlValueOn(Server().db_url, "SELECT COUNT(*) FROM sessions WHERE token_hash = " +
                                         SqlText(token_hash)) == "1";
}

// README, "The commands": `weltcampus retention run [--inactive-days N]` removes expired sessions
// and pseudonymises disabled accounts unused for N days.
TEST(ClaimsServers, TheRetentionCommandRemovesExpiredSessionsAndPseudonymisesUnusedAccounts) {
  long long long_unused = 0;
  long long recently_used = 0;
  std::string expired;
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(50, &long_unused));
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(35, &recently_used));
  ASSERT_NO_FATAL_FAILURE(ExpiredSession(&expired));
  ASSERT_TRUE(SessionKept(expired));
  ASSERT_FALSE(ErasedByRetention(long_unused));

  std::string output;
  ASSERT_EQ(RunCommand({Server().binary, "retention", "run", "--db", Server().db_url,
                        "--inactive-days", "40"},
                       &output),
            0)
      << output;
  EXPECT_NE(output.find("expired sessions removed"), std::string::npos) << output;
  EXPECT_TRUE(ErasedByRetention(long_unused));
  EXPECT_FALSE(ErasedByRetention(recently_used)) << "35 days unused is within --inactive-days 40";
  EXPECT_FALSE(SessionKept(expired));
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(
      AllAuditEntries("action=erase&subject_user_id=" + std::to_string(long_unused), &entries));
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(Str(entries[0], "actor"), "system");
}

// README: "a retention schedule runs daily in the server" — at its start and every 24 hours; the
// first run is the one a test can see, with --retention-inactive-days taking effect.
TEST(ClaimsServers, TheServerRunsTheRetentionScheduleItselfWithItsInactiveDays) {
  long long long_unused = 0;
  long long recently_used = 0;
  std::string expired;
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(45, &long_unused));
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(25, &recently_used));
  ASSERT_NO_FATAL_FAILURE(ExpiredSession(&expired));
  ASSERT_FALSE(ErasedByRetention(long_unused));

  SecondServer server;
  ASSERT_NO_FATAL_FAILURE(
      server.Start(Server().db_url, "127.0.0.1:0", {"--retention-inactive-days", "30"}));
  EXPECT_TRUE(WaitUntil([&] { return ErasedByRetention(long_unused); })) << server.LogText();
  EXPECT_TRUE(WaitUntil([&] { return !SessionKept(expired); }));
  EXPECT_FALSE(ErasedByRetention(recently_used))
      << "25 days unused is within --retention-inactive-days 30";
}

// The schedule repeats (every 24 hours by default; here every second): an account that becomes
// due while the server runs is pseudonymised by a later run, not only by the first.
TEST(ClaimsServers, TheServersRetentionRunRepeatsAtItsInterval) {
  long long due_at_start = 0;
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(45, &due_at_start));
  SecondServer server;
  ASSERT_NO_FATAL_FAILURE(
      server.Start(Server().db_url, "127.0.0.1:0",
                   {"--retention-inactive-days", "30", "--retention-interval", "1"}));
  ASSERT_TRUE(WaitUntil([&] { return ErasedByRetention(due_at_start); })) << server.LogText();
  long long due_later = 0;
  ASSERT_NO_FATAL_FAILURE(DisabledAccountUnusedFor(45, &due_later));
  EXPECT_TRUE(WaitUntil([&] { return ErasedByRetention(due_later); }))
      << "a later run of the schedule: " << server.LogText();
}

// README, "Configuration": options on the command line, in a file (--config, keys as the long
// option names; those of `serve` in its section) or in WELTCAMPUS_* variables.
TEST(ClaimsServers, OptionsComeFromTheConfigurationFileAndTheEnvironmentInTheDocumentedOrder) {
  const std::string file =
      (std::filesystem::path(Server().temp_dir) / ("claims-" + UniqueLetters(6) + ".toml"))
          .string();
  std::ofstream(file) << "db = \"" << Server().db_url
                      << "\"\n\n[serve]\nlisten = \"127.0.0.1:0\"\nbody-limit = 2048\n";
  const std::string body = Json{{"name", std::string(3000, 'x')}}.dump();  // 3 KB
  const auto status_of_3kb = [&](SecondServer& server) {
    server.SignInAsAdmin();
    return server.Request("POST", kInstitutions, body).status;
  };

  // Everything from the file: its database (the test server's: the demo's admin signs in), its
  // listening address and its body limit.
  {
    SecondServer server;
    ASSERT_NO_FATAL_FAILURE(server.StartWith({"--config", file}));
    EXPECT_EQ(status_of_3kb(server), 413);
  }
  // Everything from the environment.
  {
    SecondServer server;
    ASSERT_NO_FATAL_FAILURE(
        server.StartWith({}, {"WELTCAMPUS_DB=" + Server().db_url, "WELTCAMPUS_LISTEN=127.0.0.1:0",
                              "WELTCAMPUS_BODY_LIMIT=2048"}));
    EXPECT_EQ(status_of_3kb(server), 413);
  }
  // The command line before the file, the file before the environment.
  {
    SecondServer server;
    ASSERT_NO_FATAL_FAILURE(server.StartWith({"--config", file, "--body-limit", "8192"},
                                             {"WELTCAMPUS_BODY_LIMIT=1024"}));
    EXPECT_EQ(status_of_3kb(server), 422);  // read, and refused for its name only
  }
  {
    SecondServer server;
    ASSERT_NO_FATAL_FAILURE(server.StartWith({"--config", file}, {"WELTCAMPUS_BODY_LIMIT=8192"}));
    EXPECT_EQ(status_of_3kb(server), 413);
  }
  {
    SecondServer server;
    ASSERT_NO_FATAL_FAILURE(server.StartWith(
        {"--db", Server().db_url, "--listen", "127.0.0.1:0", "--body-limit", "8192"},
        {"WELTCAMPUS_BODY_LIMIT=1024"}));
    EXPECT_EQ(status_of_3kb(server), 422);
  }
}

// The names of the migrations a server's log says it applied.
std::vector<std::string> AppliedIn(const std::string& log) {
  std::vector<std::string> names;
  std::istringstream in(log);
  const std::string marker = "applied migration ";
  for (std::string line; std::getline(in, line);) {
    const auto at = line.find(marker);
    if (at != std::string::npos) {
      names.push_back(line.substr(at + marker.size()));
    }
  }
  return names;
}

// README, "Deploying": "Migrations are safe to run from several servers at once (an advisory lock
// serialises them)".
TEST(ClaimsServers, TwoServersStartingAtOnceOnANewDatabaseApplyEachMigrationOnce) {
  OwnDatabase database;
  SecondServer first;
  SecondServer second;
  const std::vector<std::string> options = {"--db", database.url(), "--listen", "127.0.0.1:0"};
  ASSERT_NO_FATAL_FAILURE(first.Launch(options));
  ASSERT_NO_FATAL_FAILURE(second.Launch(options));
  ASSERT_NO_FATAL_FAILURE(first.WaitUntilServing());
  ASSERT_NO_FATAL_FAILURE(second.WaitUntilServing());

  const std::vector<std::string> by_first = AppliedIn(first.LogText());
  const std::vector<std::string> by_second = AppliedIn(second.LogText());
  std::multiset<std::string> applied(by_first.begin(), by_first.end());
  applied.insert(by_second.begin(), by_second.end());
  std::string stored;
  ASSERT_TRUE(RunSql(database.url(), "SELECT name FROM schema_migrations ORDER BY name", &stored));
  std::multiset<std::string> recorded;
  std::istringstream in(stored);
  for (std::string name; std::getline(in, name);) {
    if (!name.empty()) {
      recorded.insert(name);
    }
  }
  EXPECT_EQ(SqlValueOn(database.url(), "SELECT COUNT(*) FROM schema_migrations"),
            SqlValueOn(Server().db_url, "SELECT COUNT(*) FROM schema_migrations"));
  EXPECT_EQ(applied, recorded) << "each migration applied by exactly one of the servers";
  for (SecondServer* server : {&first, &second}) {
    EXPECT_EQ(server->LogText().find(" error "), std::string::npos) << server->LogText();
  }
  // Both wrote to one audit chain (each server's retention run at its start) under one key.
  std::string output;
  EXPECT_EQ(RunCommand({Server().binary, "audit", "verify", "--db", database.url()}, &output), 0)
      << output;
  EXPECT_EQ(first.StopAndWait(), 0);
  EXPECT_EQ(second.StopAndWait(), 0);
}

}  // namespace
}  // namespace weltcampus::api_test
