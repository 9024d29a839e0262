// `weltcampus backup FILE` and `weltcampus restore FILE` (README, "Backup and restore"): a
// consistent copy of the database taken while the server runs, and its return into an empty
// database, brought up to this version's migrations and its audit chain verified.
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "audit/audit.h"
#include "cli/app.h"
#include "cli/commands.h"

extern char** environ;

namespace weltcampus::cli {

namespace {

namespace fs = std::filesystem;

// Runs a program found on PATH with the server's environment; its exit status.
int RunProgram(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (const int error = posix_spawnp(&pid, argv[0], nullptr, nullptr, argv.data(), environ)) {
    throw std::runtime_error(
        fmt::format("{} could not be started: {}", args[0], std::strerror(error)));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) {
      throw std::runtime_error(fmt::format("waiting for {}: {}", args[0], std::strerror(errno)));
    }
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// The first bytes of a file: what kind of backup it is.
std::string Magic(const std::string& file, std::size_t length) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(length, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}
const std::string kSqliteMagic("SQLite format 3\0", 16);
const std::string kPgDumpMagic = "PGDMP";

void RequireSuccess(int status, const std::string& what) {
  if (status != 0) {
    throw std::runtime_error(fmt::format("{} failed (exit status {})", what, status));
  }
}

// The audit chain of the restored database, under the key configured: intact or not.
int VerifyRestored(store::Database& database) {
  const auto applied = MigrateDatabase(database);
  if (!applied.empty()) {
    fmt::print("{} migration(s) applied: the backup was of an earlier version\n", applied.size());
  }
  const auto result = database.Read([](store::Connection& c) { return audit::VerifyAudit(c); });
  if (!result.intact) {
    fmt::print(
        "restored, but the audit log does not verify under this key{}: {}\n(was the database's "
        "own audit key given? README, \"Backup and restore\")\n",
        result.first_broken_id ? fmt::format(" (entry {})", *result.first_broken_id) : "",
        result.problem);
    return 1;
  }
  fmt::print("restored; audit log intact: {} entries\n", result.entries);
  return 0;
}

}  // namespace

int Backup(const std::string& db, const std::string& file) {
  if (fs::exists(file)) {
    throw std::runtime_error(file + " exists already: a backup never overwrites a file");
  }
  const auto url = store::ParseDatabaseUrl(db);
  if (url.backend == store::Backend::kSqlite) {
    // One read of a consistent snapshot into a new, compact file, while the server writes on.
    auto database = store::Database::Open(db, 1);
    database->Read([&](store::Connection& c) {
      c.Exec("VACUUM INTO :file", store::Params().Set("file", file));
    });
  } else {
    // pg_dump reads one snapshot too; the custom format is what pg_restore reads.
    RequireSuccess(RunProgram({"pg_dump", "--format=custom", "--no-owner", "--no-privileges",
                               "--file=" + file, "--dbname=" + url.connection_string}),
                   "pg_dump");
  }
  fmt::print("backup of {} written to {} ({} bytes); the audit key is not in it: keep it apart\n",
             url.display, file, fs::file_size(file));
  return 0;
}

int Restore(const std::string& db, const std::string& file) {
  if (!fs::is_regular_file(file)) {
    throw std::runtime_error(file + " is no file");
  }
  const auto url = store::ParseDatabaseUrl(db);
  const std::string head = Magic(file, kSqliteMagic.size());
  const bool is_sqlite = head == kSqliteMagic;
  const bool is_pg_dump = head.starts_with(kPgDumpMagic);
  if (url.backend == store::Backend::kSqlite) {
    if (!is_sqlite) {
      throw std::runtime_error(file +
                               " is no SQLite backup (`weltcampus backup` of a SQLite "
                               "database); a PostgreSQL backup restores into PostgreSQL");
    }
    const std::string target = url.connection_string;
    if (fs::exists(target) && fs::file_size(target) > 0) {
      throw std::runtime_error(target + " exists: a backup is restored into a new database only");
    }
    fs::copy_file(file, target, fs::copy_options::overwrite_existing);
    return VerifyRestored(*store::Database::Open(db, 1));
  }
  if (!is_pg_dump) {
    throw std::runtime_error(file +
                             " is no PostgreSQL backup (`weltcampus backup` of a "
                             "PostgreSQL database); a SQLite backup restores into SQLite");
  }
  auto database = store::Database::Open(db, 1);
  const auto tables = database->Read([](store::Connection& c) {
    return c
        .QueryOne(
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = "
            "current_schema()")
        ->Int("n");
  });
  if (tables > 0) {
    throw std::runtime_error(url.display +
                             " has tables: a backup is restored into an empty "
                             "database only (CREATE DATABASE a new one)");
  }
  // All or nothing: one transaction, stopped at the first error.
  RequireSuccess(RunProgram({"pg_restore", "--no-owner", "--no-privileges", "--single-transaction",
                             "--exit-on-error", "--dbname=" + url.connection_string, file}),
                 "pg_restore");
  return VerifyRestored(*database);
}

}  // namespace weltcampus::cli
