#include "store/migrations.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/database.h"

namespace weltcampus::store {
namespace {

TEST(MigrationsTest, SplitsAtSemicolonsOutsideQuotesAndComments) {
  const auto statements = SplitStatements(
      "CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- a comment; with a semicolon\nCREATE TABLE b (y INT);\n");
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_NE(statements[0].find("'a;b'"), std::string::npos);
  EXPECT_NE(statements[1].find("CREATE TABLE b"), std::string::npos);
}

TEST(MigrationsTest, KeepsATriggerBodyInOneStatement) {
  const auto statements = SplitStatements(
      "CREATE TABLE a (x TEXT);\ncreate  trigger a_copy AFTER INSERT ON a BEGIN\n"
      "  INSERT INTO b VALUES (new.x);\n  INSERT INTO c VALUES (new.x);\nend;\nCREATE TABLE d (y "
      "INT);");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_NE(statements[1].find("INSERT INTO c VALUES (new.x);\nend"), std::string::npos);
  EXPECT_NE(statements[2].find("CREATE TABLE d"), std::string::npos);
}

TEST(MigrationsTest, KeepsOnlyTheBlocksOfItsBackend) {
  const std::string sql = "A;{{sqlite}}B;{{/sqlite}}{{postgresql}}C;{{/postgresql}}D;";
  EXPECT_EQ(AdaptSql(sql, Backend::kSqlite), "A;B;D;");
  EXPECT_EQ(AdaptSql(sql, Backend::kPostgres), "A;C;D;");
  EXPECT_THROW(AdaptSql("A;{{postgresql}}C;", Backend::kSqlite), std::logic_error);
}

TEST(MigrationsTest, AdaptsSerialKeysPerBackend) {
  EXPECT_EQ(AdaptSql("id {{serial_pk}}", Backend::kSqlite), "id INTEGER PRIMARY KEY");
  EXPECT_NE(AdaptSql("id {{serial_pk}}", Backend::kPostgres).find("IDENTITY"), std::string::npos);
  EXPECT_EQ(AdaptSql("k TEXT{{bytewise}} NOT NULL", Backend::kSqlite), "k TEXT NOT NULL");
  EXPECT_EQ(AdaptSql("k TEXT{{bytewise}} NOT NULL", Backend::kPostgres),
            "k TEXT COLLATE \"C\" NOT NULL");
}

TEST(DatabaseUrlTest, TurnsPostgresUrlsIntoKeywordsAndHidesPasswords) {
  const auto url = ParseDatabaseUrl("postgresql://app:s3cr'et@db.example:5433/weltcampus?sslmode=require");
  EXPECT_EQ(url.backend, Backend::kPostgres);
  EXPECT_EQ(url.connection_string,
            "host='db.example' port='5433' dbname='weltcampus' user='app' password='s3cr\\'et' "
            "sslmode='require' connect_timeout='5'");
  // A URL may wait longer (or shorter) for a server that does not answer.
  EXPECT_EQ(ParseDatabaseUrl("postgresql://app@db/w?connect_timeout=30").connection_string,
            "host='db' dbname='w' user='app' connect_timeout='30'");
  EXPECT_EQ(url.display, "postgresql://app:***@db.example:5433/weltcampus?sslmode=require");
  EXPECT_EQ(ParseDatabaseUrl("sqlite:/tmp/x.db").connection_string, "/tmp/x.db");
  EXPECT_THROW(ParseDatabaseUrl("mysql://x"), std::invalid_argument);
}

TEST(MigrationsTest, AppliesOnceOnSqlite) {
  const auto path = std::filesystem::temp_directory_path() / "weltcampus_migrations_test.db";
  std::filesystem::remove(path);
  auto database = Database::Open("sqlite:" + path.string(), 2);
  EXPECT_FALSE(Migrate(*database).empty());
  EXPECT_TRUE(Migrate(*database).empty());
  const auto tables = database->Read([](Connection& c) {
    return c.Count("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'agreements'");
  });
  EXPECT_EQ(tables, 1);
  // A failed transaction leaves nothing behind.
  EXPECT_THROW(database->Write([](Connection& c) {
    c.Exec("INSERT INTO settings (key, value, updated_at) VALUES ('k', 'v', 'now')");
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  EXPECT_EQ(database->Read([](Connection& c) { return c.Count("SELECT COUNT(*) AS n FROM settings"); }), 0);
  database.reset();
  std::filesystem::remove(path);
}

TEST(MigrationsTest, RunsCodeMigrationsOnceInNameOrderAmongTheSqlOnes) {
  const auto path = std::filesystem::temp_directory_path() / "weltcampus_code_migrations_test.db";
  std::filesystem::remove(path);
  auto database = Database::Open("sqlite:" + path.string(), 2);
  std::vector<std::string> ran;
  // 0003b after 0003_quota_rows.sql: the quota tables are there, the jobs table (0004) is not.
  const std::vector<CodeMigration> code{
      {"9999_last", [&](Connection&) { ran.push_back("9999_last"); }},
      {"0003b_between", [&](Connection& c) {
         ran.push_back("0003b_between");
         EXPECT_EQ(c.Count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'quotas'"), 1);
         EXPECT_EQ(c.Count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'jobs'"), 0);
       }}};
  const auto applied = Migrate(*database, code);
  EXPECT_EQ(ran, (std::vector<std::string>{"0003b_between", "9999_last"}));
  ASSERT_GE(applied.size(), 5u);
  EXPECT_EQ(applied[3], "0003b_between");
  EXPECT_EQ(applied.back(), "9999_last");
  EXPECT_TRUE(Migrate(*database, code).empty());
  EXPECT_EQ(ran.size(), 2u);
  database.reset();
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace weltcampus::store
