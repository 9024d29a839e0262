#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/sql.h"
#include "store/statements.h"
#include "store/totals.h"

namespace weltcampus::store {

// The database behind the server: SQLite (default, embedded) or PostgreSQL, chosen by the URL
// ("sqlite:weltcampus.db", "postgresql://user@host:5432/name"). Holds a pool of sessions so that
// handler threads never share one.
class Database {
 public:
  static std::shared_ptr<Database> Open(const std::string& url, std::size_t pool_size);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  std::size_t pool_size() const { return slots_.size(); }
  std::size_t sessions_in_use() const;
  // The URL without any password, for logs.
  const std::string& display_url() const { return display_url_; }

  // Refreshes the statistics the query planner chooses its indexes by (ANALYZE). Without them
  // SQLite takes an equality on a common value (status = 'active') for selective and sorts every
  // matching row instead of reading the sort's index. Run after migrations and after large writes
  // (the demo, an import from the command line).
  void RefreshPlannerStatistics();

  // For the health check: the database answers a query, and a SQLite database is still the file
  // at its path (one moved or deleted from under the running server would take every later write
  // with it when the server stops). Throws ApiError 503 (kServiceUnavailable) when not.
  void CheckReachable();

  // Runs f(Connection&) on a pooled session without an explicit transaction (reads).
  // A database that cannot be reached, or has no room left to write, is a 503 (ApiError
  // kServiceUnavailable) for the request that finds it; a lost PostgreSQL connection is opened
  // again by the next request (Lease), so the server recovers when the database is back.
  template <typename F>
  auto Read(F&& f) {
    Lease lease(*this);
    Connection connection(*lease.statements, backend_, &totals_);
    try {
      return f(connection);
    } catch (const detail::DatabaseError& error) {
      ThrowIfUnavailable(*lease.statements, error);
      throw;
    }
  }

  // Runs f(Connection&) in one transaction: all of it is committed, or nothing on any exception.
  template <typename F>
  auto Write(F&& f) {
    Lease lease(*this);
    Connection connection(*lease.statements, backend_, &totals_, true);
    try {
      Begin(connection);
    } catch (const detail::DatabaseError& error) {
      ThrowIfUnavailable(*lease.statements, error);
      throw;
    }
    try {
      if constexpr (std::is_void_v<decltype(f(connection))>) {
        f(connection);
        Commit(connection);
        totals_.Changed();
      } else {
        auto result = f(connection);
        Commit(connection);
        totals_.Changed();
        return result;
      }
    } catch (const detail::DatabaseError& error) {
      Rollback(connection);
      RethrowConstraintViolationAsConflict(std::current_exception());
      ThrowIfUnavailable(*lease.statements, error);
      throw;
    } catch (...) {
      Rollback(connection);
      throw;
    }
  }

 private:
  Database(Backend backend, std::string display_url);

  // One pooled connection: SOCI opens it, its statements run on the native handle.
  struct Slot;

  struct Lease {
    explicit Lease(Database& database);
    ~Lease();
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Database& database;
    Slot* slot;
    detail::Statements* statements;
  };

  // Two transactions may both find a unique value free and both insert it, or one may remove a
  // record another is about to refer to; the database refuses the second. That is the client's
  // conflict (409), not a server failure.
  static void RethrowConstraintViolationAsConflict(std::exception_ptr error);
  // A statement failed because the connection was lost or the disk is full: ApiError 503. A lost
  // connection also makes every other pooled one suspect (lost_epoch_).
  void ThrowIfUnavailable(const detail::Statements& statements, const detail::DatabaseError& error);
  // Before a lease: a lost or suspect PostgreSQL connection is checked and opened again; throws
  // the 503 while the database cannot be reached.
  void Revive(Slot& slot);
  void Begin(Connection& connection);
  void Commit(Connection& connection);
  void Rollback(Connection& connection) noexcept;

  Backend backend_;
  std::string display_url_;
  // SQLite: the file's path and its identity (device, inode) when it was opened.
  std::string sqlite_path_;
  std::uint64_t sqlite_device_ = 0;
  std::uint64_t sqlite_inode_ = 0;
  // List totals kept for a moment across requests; another server's writes show within this.
  Totals totals_{std::chrono::seconds(3)};
  std::vector<std::unique_ptr<Slot>> slots_;
  std::vector<Slot*> idle_;
  // Counts the connections found lost; a connection checked before the last one is suspect.
  std::atomic<std::uint64_t> lost_epoch_{0};
  mutable std::mutex mutex_;
  std::condition_variable available_;
};

// Splits "sqlite:PATH" / "postgresql://..." into backend and the backend's own connection string.
struct DatabaseUrl {
  Backend backend;
  std::string connection_string;
  std::string display;
};
DatabaseUrl ParseDatabaseUrl(const std::string& url);

}  // namespace weltcampus::store
