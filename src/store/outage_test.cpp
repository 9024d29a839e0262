// The database going away and coming back, and a full disk (issue 13, "Faults survived"): the
// request that meets either answers 503 with nothing changed, and the server recovers without a
// restart once the database is back.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <utility>

#include "core/error.h"
#include "store/temporary_database.h"

namespace weltcampus::store {
namespace {

using testing::TemporaryDatabase;

ErrorCode CodeOfFailure(const std::function<void()>& f) {
  try {
    f();
  } catch (const ApiError& error) {
    return error.code();
  }
  return ErrorCode::kInternal;  // no failure at all
}

bool HavePostgres() {
  const auto backends = testing::TestBackends();
  return std::find(backends.begin(), backends.end(), Backend::kPostgres) != backends.end();
}

// Both pooled connections at once: each Read holds its connection while the inner one runs.
std::pair<int64_t, int64_t> BackendPids(Database& database) {
  std::pair<int64_t, int64_t> pids;
  database.Read([&](Connection& outer) {
    pids.first = outer.QueryOne("SELECT pg_backend_pid() AS pid")->Int("pid");
    database.Read([&](Connection& inner) {
      pids.second = inner.QueryOne("SELECT pg_backend_pid() AS pid")->Int("pid");
    });
  });
  return pids;
}

TEST(DatabaseOutageTest, ALostPostgresConnectionIsA503AndTheNextRequestsOpenThemAgain) {
  if (!HavePostgres()) {
    GTEST_SKIP() << "PostgreSQL only: run through tests/pg/with-postgres.sh (make test does)";
  }
  TemporaryDatabase temporary(Backend::kPostgres);
  temporary.Exec("CREATE TABLE outage_items (id {{serial_pk}}, name TEXT NOT NULL)");
  auto server = Database::Open(temporary.url(), 2);
  const auto [first, second] = BackendPids(*server);
  ASSERT_NE(first, second);

  // What a restart of PostgreSQL does to the connections of a server that keeps running.
  temporary.database().Read([&](Connection& c) {
    c.Query("SELECT pg_terminate_backend(:a) AS a, pg_terminate_backend(:b) AS b",
            Params().Set("a", first).Set("b", second));
  });
  // The request that finds its connection lost: 503, nothing written.
  EXPECT_EQ(CodeOfFailure([&] {
              server->Write(
                  [](Connection& c) { c.Exec("INSERT INTO outage_items (name) VALUES ('lost')"); });
            }),
            ErrorCode::kServiceUnavailable);
  // Every request after it finds working connections, both of them new.
  for (int i = 0; i < 3; ++i) {
    const auto [again_first, again_second] = BackendPids(*server);
    EXPECT_NE(again_first, first);
    EXPECT_NE(again_first, second);
    EXPECT_NE(again_second, first);
    EXPECT_NE(again_second, second);
  }
  server->Write([](Connection& c) { c.Exec("INSERT INTO outage_items (name) VALUES ('back')"); });
  const auto names = server->Read([](Connection& c) {
    std::string all;
    for (const auto& row : c.Query("SELECT name FROM outage_items ORDER BY id")) {
      all += row.Text("name") + ";";
    }
    return all;
  });
  EXPECT_EQ(names, "back;");
}

TEST(DatabaseOutageTest, WhileTheDatabaseCannotBeReachedEveryRequestIsA503) {
  if (!HavePostgres()) {
    GTEST_SKIP() << "PostgreSQL only: run through tests/pg/with-postgres.sh (make test does)";
  }
  // A server whose database refuses connections, as one that is down does.
  TemporaryDatabase temporary(Backend::kPostgres);
  auto server = Database::Open(temporary.url(), 1);
  // The harness's own database: a database cannot close itself to connections.
  auto admin = Database::Open(std::getenv("WELTCAMPUS_TEST_PG_URL"), 1);
  const auto pid = server->Read(
      [](Connection& own) { return own.QueryOne("SELECT pg_backend_pid() AS pid")->Int("pid"); });
  admin->Read([&](Connection& c) {
    // No new connections to it, and the one there ended: the database is gone for this server.
    c.Exec("ALTER DATABASE " + temporary.name() + " ALLOW_CONNECTIONS false");
    c.Query("SELECT pg_terminate_backend(:pid) AS ended", Params().Set("pid", pid));
  });
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(CodeOfFailure([&] { server->Read([](Connection& c) { c.Query("SELECT 1"); }); }),
              ErrorCode::kServiceUnavailable)
        << "request " << i;
  }
  // Back: the next request works, without a new Database.
  admin->Read([&](Connection& c) {
    c.Exec("ALTER DATABASE " + temporary.name() + " ALLOW_CONNECTIONS true");
  });
  EXPECT_EQ(server->Read([](Connection& c) { return c.QueryOne("SELECT 7 AS n")->Int("n"); }), 7);
}

TEST(DatabaseOutageTest, AFullDiskOnSqliteIsA503AndNothingOfTheChangeIsSaved) {
  TemporaryDatabase temporary(Backend::kSqlite);
  temporary.Exec("CREATE TABLE full_items (id {{serial_pk}}, payload TEXT NOT NULL)");
  // One connection, whose file may grow by only a few pages: what a full disk looks like to
  // SQLite (SQLITE_FULL).
  auto server = Database::Open(temporary.url(), 1);
  server->Read([](Connection& c) {
    const auto pages = c.QueryOne("PRAGMA page_count")->Int("page_count");
    c.Query("PRAGMA max_page_count = " + std::to_string(pages + 4));
  });
  const std::string payload(2000, 'x');
  EXPECT_EQ(CodeOfFailure([&] {
              server->Write([&](Connection& c) {
                for (int i = 0; i < 200; ++i) {
                  c.Exec("INSERT INTO full_items (payload) VALUES (:p)",
                         Params().Set("p", payload));
                }
              });
            }),
            ErrorCode::kServiceUnavailable);
  EXPECT_EQ(server->Read([](Connection& c) {
    return c.QueryOne("SELECT COUNT(*) AS n FROM full_items")->Int("n");
  }),
            0)
      << "a change that did not fit is not saved in part";
  // Room again: writes go on.
  server->Read([](Connection& c) { c.Query("PRAGMA max_page_count = 1073741823"); });
  server->Write([&](Connection& c) {
    c.Exec("INSERT INTO full_items (payload) VALUES (:p)", Params().Set("p", payload));
  });
  EXPECT_EQ(server->Read([](Connection& c) {
    return c.QueryOne("SELECT COUNT(*) AS n FROM full_items")->Int("n");
  }),
            1);
}

TEST(DatabaseOutageTest, ASqliteFileMovedAwayIsUnreachableForTheHealthCheckUntilItIsBack) {
  TemporaryDatabase temporary(Backend::kSqlite);
  temporary.Exec("CREATE TABLE moved_items (id {{serial_pk}})");
  auto server = Database::Open(temporary.url(), 2);
  EXPECT_NO_THROW(server->CheckReachable());
  const std::string path = temporary.url().substr(std::string("sqlite:").size());
  // The server's connections still read the moved file; its path names none, or another file.
  std::filesystem::rename(path, path + ".away");
  EXPECT_EQ(CodeOfFailure([&] { server->CheckReachable(); }), ErrorCode::kServiceUnavailable);
  std::ofstream(path) << "";
  EXPECT_EQ(CodeOfFailure([&] { server->CheckReachable(); }), ErrorCode::kServiceUnavailable);
  std::filesystem::rename(path + ".away", path);
  EXPECT_NO_THROW(server->CheckReachable());
}

}  // namespace
}  // namespace weltcampus::store
