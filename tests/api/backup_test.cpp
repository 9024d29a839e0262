// Backup and restore (issue 13, "What to build" 5): `weltcampus backup FILE` copies the database
// the test server is serving, `weltcampus restore FILE` puts it into a new database of the same
// kind; every table has the same rows, a server on the restored database serves them, and its
// audit chain verifies under the same key. A restore never writes into a database that has data,
// and on SQLite not without the backed-up database's audit key.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

namespace fs = std::filesystem;

bool OnSqlite() { return Server().backend == "sqlite"; }

std::string SqliteFileOf(const std::string& url) {
  return url.substr(std::string("sqlite:").size());
}

// Every table of the database with its number of rows, a line each ("name|count"), by name.
void RowCounts(const std::string& url, std::string* counts) {
  std::string tables;
  const std::string list =
      url.rfind("sqlite:", 0) == 0
          ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
          : "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY "
            "tablename";
  ASSERT_TRUE(RunSql(url, list, &tables)) << tables;
  std::string sql;
  std::size_t start = 0;
  while (start < tables.size()) {
    const std::size_t end = tables.find('\n', start);
    const std::string table = tables.substr(start, end - start);
    start = end == std::string::npos ? tables.size() : end + 1;
    if (table.empty()) {
      continue;
    }
    sql += (sql.empty() ? "" : " UNION ALL ") + std::string("SELECT ") + SqlText(table) +
           ", COUNT(*) FROM \"" + table + "\"";
  }
  ASSERT_FALSE(sql.empty()) << "no tables in " << url;
  ASSERT_TRUE(RunSql(url, sql + " ORDER BY 1", counts)) << *counts;
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string tag = LowerLetters();
    backup_ = Server().temp_dir + "/backup-" + tag + (OnSqlite() ? ".db" : ".dump");
    target_ = NewTarget();
  }

  void TearDown() override {
    scratch_.Stop();
    for (const auto& database : pg_databases_) {
      RunSql(Server().db_url, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", nullptr);
    }
  }

  static std::string LowerLetters() {
    std::string letters = UniqueLetters(8);
    for (char& c : letters) {
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return letters;
  }

  // A new, empty database of the server's kind (its URL).
  std::string NewTarget() {
    if (OnSqlite()) {
      return "sqlite:" + Server().temp_dir + "/restored-" + LowerLetters() + ".db";
    }
    const std::string name = "restored_" + LowerLetters();
    std::string output;
    EXPECT_TRUE(RunSql(Server().db_url, "CREATE DATABASE " + name, &output)) << output;
    pg_databases_.push_back(name);
    return WithDatabase(Server().db_url, name);
  }

  // On SQLite the audit key lives beside the database: the restored one needs the original's.
  void GiveKey(const std::string& target) {
    if (OnSqlite()) {
      fs::copy_file(SqliteFileOf(Server().db_url) + ".audit-key",
                    SqliteFileOf(target) + ".audit-key");
    }
  }

  int Run(const std::string& command, const std::string& db, const std::string& file,
          std::string* output) {
    return RunCommand({Server().binary, command, "--db", db, file}, output);
  }

  std::string backup_;
  std::string target_;
  std::vector<std::string> pg_databases_;
  SecondServer scratch_;
};

TEST_F(BackupTest, ARestoredBackupHasEveryRowAndAnIntactAuditChain) {
  // Some rows of every kind are there already (the demo, the tests before); one more to find.
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &institution));
  std::string before;
  ASSERT_NO_FATAL_FAILURE(RowCounts(Server().db_url, &before));
  std::string output;
  ASSERT_EQ(Run("backup", Server().db_url, backup_, &output), 0) << output;
  EXPECT_NE(output.find("audit key is not in it"), std::string::npos) << output;
  std::string after;
  ASSERT_NO_FATAL_FAILURE(RowCounts(Server().db_url, &after));
  ASSERT_EQ(before, after) << "the server's database changed while the test took its backup";
  // A backup never overwrites a file.
  EXPECT_EQ(Run("backup", Server().db_url, backup_, &output), 1) << output;
  EXPECT_NE(output.find("exists already"), std::string::npos) << output;

  GiveKey(target_);
  ASSERT_EQ(Run("restore", target_, backup_, &output), 0) << output;
  EXPECT_NE(output.find("audit log intact"), std::string::npos) << output;
  std::string restored;
  ASSERT_NO_FATAL_FAILURE(RowCounts(target_, &restored));
  EXPECT_EQ(restored, before);
  EXPECT_EQ(RunCommand({Server().binary, "audit", "verify", "--db", target_}, &output), 0)
      << output;

  // A server on the restored database serves what was backed up.
  ASSERT_NO_FATAL_FAILURE(scratch_.Start(target_));
  ASSERT_NO_FATAL_FAILURE(scratch_.SignInAsAdmin());
  const Response found =
      scratch_.Request("GET", "/api/v1/institutions/" + std::to_string(IdOf(institution)), "");
  ASSERT_TRUE(IsJson(found, 200)) << found;
  EXPECT_EQ(Str(found.json, "name"), Str(institution, "name"));
  const Response verified = scratch_.Request("GET", "/api/v1/audit/verify", "");
  ASSERT_TRUE(IsJson(verified, 200)) << verified;
  EXPECT_EQ(verified.json.value("intact", Json()), Json(true)) << verified;

  // Never into a database that has data: the restored one (which the server has written to
  // since) is refused and keeps its rows.
  scratch_.Stop();
  std::string served;
  ASSERT_NO_FATAL_FAILURE(RowCounts(target_, &served));
  EXPECT_EQ(Run("restore", target_, backup_, &output), 1) << output;
  EXPECT_NE(output.find(OnSqlite() ? "new database" : "empty database"), std::string::npos)
      << output;
  std::string untouched;
  ASSERT_NO_FATAL_FAILURE(RowCounts(target_, &untouched));
  EXPECT_EQ(untouched, served);
}

TEST_F(BackupTest, ARestoreRefusesAWrongFileAndOnSqliteAMissingKey) {
  std::string output;
  ASSERT_EQ(Run("backup", Server().db_url, backup_, &output), 0) << output;
  // Not a backup at all.
  const std::string text_file = Server().temp_dir + "/not-a-backup-" + LowerLetters() + ".txt";
  {
    std::ofstream out(text_file);
    out << "id,name\n1,Nothing\n";
  }
  GiveKey(target_);
  EXPECT_EQ(Run("restore", target_, text_file, &output), 1) << output;
  EXPECT_NE(output.find("is no " + std::string(OnSqlite() ? "SQLite" : "PostgreSQL") + " backup"),
            std::string::npos)
      << output;
  std::string tables;
  if (OnSqlite()) {
    EXPECT_FALSE(fs::exists(SqliteFileOf(target_))) << "nothing may be written";
    // Without the key of the backed-up database a new one would be made, and nothing verified.
    const std::string keyless = NewTarget();
    EXPECT_EQ(Run("restore", keyless, backup_, &output), 1) << output;
    EXPECT_NE(output.find("audit key"), std::string::npos) << output;
    EXPECT_FALSE(fs::exists(SqliteFileOf(keyless)));
    EXPECT_FALSE(fs::exists(SqliteFileOf(keyless) + ".audit-key"));
    // Nor does `audit verify` make a key for a database that has none beside it.
    const std::string unkeyed = NewTarget();
    fs::copy_file(backup_, SqliteFileOf(unkeyed));
    EXPECT_EQ(RunCommand({Server().binary, "audit", "verify", "--db", unkeyed}, &output), 1)
        << output;
    EXPECT_NE(output.find("audit key"), std::string::npos) << output;
    EXPECT_FALSE(fs::exists(SqliteFileOf(unkeyed) + ".audit-key"));
  } else {
    ASSERT_TRUE(RunSql(target_,
                       "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                       "current_schema()",
                       &tables))
        << tables;
    EXPECT_EQ(tables.substr(0, tables.find('\n')), "0") << "nothing may be written";
  }
}

}  // namespace
}  // namespace weltcampus::api_test
