#include "store/database.h"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <cctype>
#include <regex>
#include <stdexcept>

#include "core/error.h"
#include "store/statements.h"

namespace weltcampus::store {

namespace {

// Prepared statements kept per pooled connection: the lists' filter combinations and the
// IN-lists of child rows make more distinct SQL texts than the fixed statements alone.
constexpr std::size_t kStatementsPerConnection = 256;

std::string Decode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// libpq's keyword form, which SOCI passes on unchanged: key='value' with quotes escaped.
void AddKeyword(std::string& out, const std::string& key, const std::string& value) {
  if (value.empty()) {
    return;
  }
  out += (out.empty() ? "" : " ") + key + "='";
  for (char c : value) {
    if (c == '\\' || c == '\'') {
      out += '\\';
    }
    out += c;
  }
  out += "'";
}

// SOCI does not understand "postgresql://" URLs itself, so they are turned into keywords here.
std::string PostgresKeywords(std::string_view url) {
  url.remove_prefix(url.find("://") + 3);
  std::string_view query;
  if (const auto question = url.find('?'); question != std::string_view::npos) {
    query = url.substr(question + 1);
    url = url.substr(0, question);
  }
  std::string_view authority = url.substr(0, url.find('/'));
  std::string_view dbname = authority.size() < url.size() ? url.substr(authority.size() + 1) : "";
  std::string user;
  std::string password;
  if (const auto at = authority.rfind('@'); at != std::string_view::npos) {
    std::string_view credentials = authority.substr(0, at);
    authority = authority.substr(at + 1);
    const auto colon = credentials.find(':');
    user = Decode(credentials.substr(0, colon));
    if (colon != std::string_view::npos) {
      password = Decode(credentials.substr(colon + 1));
    }
  }
  std::string host(authority);
  std::string port;
  if (const auto colon = authority.rfind(':');
      colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    host = std::string(authority.substr(0, colon));
    port = std::string(authority.substr(colon + 1));
  }
  if (host.size() > 2 && host.front() == '[') {
    host = host.substr(1, host.size() - 2);
  }
  std::string out;
  AddKeyword(out, "host", Decode(host));
  AddKeyword(out, "port", port);
  AddKeyword(out, "dbname", Decode(dbname));
  AddKeyword(out, "user", user);
  AddKeyword(out, "password", password);
  while (!query.empty()) {
    const auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos) {
      AddKeyword(out, Decode(pair.substr(0, eq)), Decode(pair.substr(eq + 1)));
    }
  }
  // A server that does not answer (not one that refuses) would keep a request waiting for as long
  // as the operating system tries; a URL may set its own.
  if (out.find("connect_timeout=") == std::string::npos) {
    AddKeyword(out, "connect_timeout", "5");
  }
  return out;
}

constexpr std::string_view kUnreachable =
    "The database cannot be reached at the moment; nothing was changed. Try again in a few seconds";
// What the client is told to wait before it tries again (Retry-After).
constexpr int kRetryAfterSeconds = 5;

ApiError Unreachable() {
  return ApiError(ErrorCode::kServiceUnavailable, std::string(kUnreachable))
      .WithDetail("retry_after_seconds", kRetryAfterSeconds);
}

void StartPostgresSessionOf(soci::session& session,
                            std::unique_ptr<detail::Statements>& statements) {
  statements = detail::PostgresStatements(session, kStatementsPerConnection);
  // Notices such as "already exists, skipping" are not worth a line on stderr.
  statements->Run("SET client_min_messages TO WARNING");
}

}  // namespace

DatabaseUrl ParseDatabaseUrl(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    // Hide a password in "postgresql://user:secret@host/db" before it reaches a log.
    static const std::regex kPassword(R"(^(postgres(?:ql)?://[^:/@]+):[^@]*@)");
    return {Backend::kPostgres, PostgresKeywords(url), std::regex_replace(url, kPassword, "$1:***@")};
  }
  std::string path = url;
  if (path.starts_with("sqlite://")) {
    path = path.substr(9);
  } else if (path.starts_with("sqlite:")) {
    path = path.substr(7);
  } else if (path.find("://") != std::string::npos) {
    throw std::invalid_argument("unsupported database URL (use sqlite:PATH or postgresql://...): " +
                                url);
  }
  if (path.empty()) {
    throw std::invalid_argument("the SQLite database URL names no file: " + url);
  }
  return {Backend::kSqlite, path, "sqlite:" + path};
}

struct Database::Slot {
  // Declared first, removed last: the statements are finalized on the open connection.
  std::unique_ptr<soci::session> session;
  std::unique_ptr<detail::Statements> statements;
  // The lost_epoch_ at which this connection was last known good.
  std::uint64_t checked_epoch = 0;
};

std::shared_ptr<Database> Database::Open(const std::string& url, std::size_t pool_size) {
  const DatabaseUrl parsed = ParseDatabaseUrl(url);
  std::shared_ptr<Database> database(new Database(parsed.backend, parsed.display));
  pool_size = std::max<std::size_t>(pool_size, 1);
  if (parsed.backend == Backend::kSqlite) {
    detail::ConfigureSqliteOnce();
  }
  for (std::size_t i = 0; i < pool_size; ++i) {
    auto slot = std::make_unique<Slot>();
    slot->session = std::make_unique<soci::session>();
    if (parsed.backend == Backend::kSqlite) {
      slot->session->open(*soci::factory_sqlite3(), "db=\"" + parsed.connection_string + "\"");
      slot->statements = detail::SqliteStatements(*slot->session, kStatementsPerConnection);
      // WAL lets readers go on while one writer commits; FULL makes every commit durable. The
      // file is read through a memory map (up to 1 GiB, shared by every connection through the
      // operating system's cache) instead of a read call per page: each connection's own page
      // cache is 2 MB, and at the scale profile (125 MB) a list spent a third of its time in
      // pread. The busy timeout comes first: switching a new file to WAL needs it to itself, and
      // a second server starting at the same moment was refused ("database is locked").
      slot->statements->Run(
          "PRAGMA busy_timeout=10000; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
          "PRAGMA foreign_keys=ON; PRAGMA mmap_size=1073741824");
    } else {
      slot->session->open(*soci::factory_postgresql(), parsed.connection_string);
      StartPostgresSessionOf(*slot->session, slot->statements);
    }
    database->idle_.push_back(slot.get());
    database->slots_.push_back(std::move(slot));
  }
  struct stat file {};
  if (parsed.backend == Backend::kSqlite && ::stat(parsed.connection_string.c_str(), &file) == 0) {
    database->sqlite_path_ = parsed.connection_string;
    database->sqlite_device_ = file.st_dev;
    database->sqlite_inode_ = file.st_ino;
  }
  return database;
}

void Database::CheckReachable() {
  Read([](Connection& c) { c.Query("SELECT 1 AS one"); });
  if (sqlite_path_.empty()) {
    return;
  }
  struct stat file {};
  if (::stat(sqlite_path_.c_str(), &file) != 0 || file.st_dev != sqlite_device_ ||
      file.st_ino != sqlite_inode_) {
    throw ApiError(ErrorCode::kServiceUnavailable,
                   "The database file " + sqlite_path_ +
                       " is no longer the one this server opened (moved or deleted)")
        .WithDetail("retry_after_seconds", kRetryAfterSeconds);
  }
}

Database::Database(Backend backend, std::string display_url)
    : backend_(backend), display_url_(std::move(display_url)) {}

Database::~Database() = default;

std::size_t Database::sessions_in_use() const {
  std::lock_guard lock(mutex_);
  return slots_.size() - idle_.size();
}

Database::Lease::Lease(Database& db) : database(db), slot(nullptr), statements(nullptr) {
  {
    std::unique_lock lock(database.mutex_);
    database.available_.wait(lock, [&] { return !database.idle_.empty(); });
    slot = database.idle_.back();
    database.idle_.pop_back();
  }
  try {
    database.Revive(*slot);
  } catch (...) {
    {
      std::lock_guard lock(database.mutex_);
      database.idle_.push_back(slot);
    }
    database.available_.notify_one();
    throw;
  }
  statements = slot->statements.get();
}

void Database::Revive(Slot& slot) {
  if (backend_ != Backend::kPostgres) {
    return;
  }
  const std::uint64_t epoch = lost_epoch_.load();
  if (slot.statements && !slot.statements->lost()) {
    if (slot.checked_epoch >= epoch) {
      return;
    }
    // Another connection was found lost since this one last worked: the server may have
    // restarted under both. One round trip tells.
    try {
      slot.statements->Run("SELECT 1");
      slot.checked_epoch = epoch;
      return;
    } catch (const detail::DatabaseError&) {
    }
  }
  // The old statements go first: they name the old connection.
  slot.statements.reset();
  try {
    slot.session->reconnect();
    StartPostgresSessionOf(*slot.session, slot.statements);
  } catch (const std::exception& error) {
    slot.statements.reset();
    spdlog::warn("the database {} cannot be reached: {}", display_url_, error.what());
    throw Unreachable();
  }
  slot.checked_epoch = epoch;
  spdlog::info("a connection to the database {} was opened again", display_url_);
}

void Database::ThrowIfUnavailable(const detail::Statements& statements,
                                  const detail::DatabaseError& error) {
  // SQLITE_FULL (13) is a full disk or the file's size limit; PostgreSQL's 53100 a full disk.
  if (error.code() == "13" || error.code() == "53100") {
    spdlog::error("the database {} has no room left to write: {}", display_url_, error.what());
    throw ApiError(ErrorCode::kServiceUnavailable,
                   "The database has no room left to write (its disk is full); nothing of this "
                   "change was saved");
  }
  if (statements.lost()) {
    ++lost_epoch_;
    spdlog::warn("lost the connection to the database {}: {}", display_url_, error.what());
    throw Unreachable();
  }
}

Database::Lease::~Lease() {
  {
    std::lock_guard lock(database.mutex_);
    database.idle_.push_back(slot);
  }
  database.available_.notify_one();
}

void Database::RethrowConstraintViolationAsConflict(std::exception_ptr error) {
  try {
    std::rethrow_exception(error);
  } catch (const detail::DatabaseError& database_error) {
    const std::string message = database_error.what();
    std::string field;
    // SQLite: "UNIQUE constraint failed: institutions.erasmus_code"
    if (const auto at = message.find("UNIQUE constraint failed: "); at != std::string::npos) {
      const auto start = message.find('.', at) + 1;
      field = message.substr(start, message.find_first_of(" ,\n", start) - start);
    } else if (message.find("duplicate key value violates unique constraint") != std::string::npos) {
      // PostgreSQL: "... DETAIL:  Key (erasmus_code)=(PL WROCLAW05) already exists."
      if (const auto key = message.find("Key ("); key != std::string::npos) {
        field = message.substr(key + 5, message.find(')', key) - key - 5);
      }
    } else if (message.find("FOREIGN KEY constraint failed") != std::string::npos) {
      // SQLite names neither table nor column: a record refers to one that is gone, or a removed
      // record is still referred to. Services check their references first and name them; this
      // is the guarantee for what slips through (a record removed by a concurrent request).
      throw ApiError(ErrorCode::kConflict,
                     "This change would leave a reference to a record that does not exist");
    } else if (message.find("violates foreign key constraint") != std::string::npos) {
      // PostgreSQL: "DETAIL:  Key (id)=(5) is still referenced from table \"offers\"."
      if (const auto key = message.find("Key ("); key != std::string::npos) {
        field = message.substr(key + 5, message.find(')', key) - key - 5);
      }
      if (const auto from = message.find("referenced from table \""); from != std::string::npos) {
        const auto start = from + 23;
        throw ApiError(ErrorCode::kConflict,
                       "This record is still used by records in " +
                           message.substr(start, message.find('"', start) - start) +
                           "; remove or move those first");
      }
      throw ApiError(ErrorCode::kConflict,
                     "This change would leave a reference to a record that does not exist", field);
    } else {
      return;
    }
    throw ApiError(ErrorCode::kConflict, "Another record already has this value", field);
  } catch (...) {
    return;
  }
}

void Database::Begin(Connection& connection) {
  // SQLite: take the write lock at the start, so a transaction that reads first never fails
  // half-way with SQLITE_BUSY when it wants to write.
  connection.Run(backend_ == Backend::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Database::RefreshPlannerStatistics() {
  // Whole, not a bounded sample (SQLite's analysis_limit): with a sample SQLite still sorts the
  // agreements in force instead of reading their partial index. 0.4 s at the scale profile.
  Read([](Connection& c) { c.Run("ANALYZE"); });
}

void Database::Commit(Connection& connection) { connection.Run("COMMIT"); }

void Database::Rollback(Connection& connection) noexcept {
  try {
    connection.Run("ROLLBACK");
  } catch (...) {
    // The connection may be broken; the transaction is then gone anyway.
  }
}

}  // namespace weltcampus::store
