#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sql.h"

namespace soci {
class session;
}

// How SQL runs: on each pooled connection's own handle (sqlite3*, PGconn*), each distinct SQL text
// prepared once and kept (SOCI, which opens the connections, keeps no prepared statements: a
// profile of the partner list put a quarter of all instructions into preparing them anew).
namespace weltcampus::store::detail {

// A statement the database refused. `sqlstate` is PostgreSQL's error code ("23505"), or SQLite's
// extended result code as a number; the message is the database's own, with PostgreSQL's DETAIL.
class DatabaseError : public std::runtime_error {
 public:
  DatabaseError(const std::string& message, std::string code)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

// One connection's statements: Query and Exec prepare a SQL text the first time and reuse it
// after, keeping at most `capacity` (the least recently used goes first). Bound parameters are
// ":name" in the SQL on both backends; every one must be given, and none that the SQL lacks.
class Statements {
 public:
  virtual ~Statements() = default;
  virtual std::vector<Row> Query(const std::string& sql, const Params& params) = 0;
  // Answers how many rows the statement changed.
  virtual long long Exec(const std::string& sql, const Params& params) = 0;
  // Runs SQL without parameters and without keeping it (transaction control, settings).
  virtual void Run(const std::string& sql) = 0;
  virtual std::size_t cached() const = 0;
  // Whether the connection is known to be lost (PostgreSQL restarted, the network gone): found
  // by the statement that failed on it. A SQLite file is never lost this way.
  virtual bool lost() const = 0;
};

// Sets SQLite up for this process before its first connection opens: each pooled connection is
// used by one thread at a time (a Lease), so SQLite's own mutex per connection and its memory
// statistics (a global mutex per allocation) only cost. A no-op after the first call.
void ConfigureSqliteOnce();
std::unique_ptr<Statements> SqliteStatements(soci::session& session, std::size_t capacity);
std::unique_ptr<Statements> PostgresStatements(soci::session& session, std::size_t capacity);

// A bounded map from SQL text to a prepared statement, least recently used first out.
template <typename Prepared>
class StatementLru {
 public:
  explicit StatementLru(std::size_t capacity) : capacity_(capacity < 1 ? 1 : capacity) {}

  Prepared* Find(const std::string& sql) {
    const auto found = index_.find(sql);
    if (found == index_.end()) {
      return nullptr;
    }
    entries_.splice(entries_.begin(), entries_, found->second);
    return &found->second->second;
  }

  Prepared& Add(const std::string& sql, Prepared prepared) {
    if (entries_.size() >= capacity_) {
      index_.erase(entries_.back().first);
      entries_.pop_back();
    }
    entries_.emplace_front(sql, std::move(prepared));
    index_[sql] = entries_.begin();
    return entries_.front().second;
  }

  void Remove(const std::string& sql) {
    if (const auto found = index_.find(sql); found != index_.end()) {
      entries_.erase(found->second);
      index_.erase(found);
    }
  }

  std::size_t size() const { return entries_.size(); }

 private:
  using Entry = std::pair<std::string, Prepared>;
  std::size_t capacity_;
  std::list<Entry> entries_;
  std::unordered_map<std::string, typename std::list<Entry>::iterator> index_;
};

}  // namespace weltcampus::store::detail
