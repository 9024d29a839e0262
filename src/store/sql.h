#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/stored_row.h"

namespace weltcampus::store {

namespace detail {
class Statements;
}
class Totals;

enum class Backend { kSqlite, kPostgres };

using Value = StoredValue;

// One result row, read by column name. Numbers are converted whichever way the backend typed them
// (SQLite types by value, PostgreSQL by column), so repositories never depend on the backend.
class Row final : public StoredRow {
 public:
  Row(std::shared_ptr<const std::vector<std::string>> columns, std::vector<Value> values)
      : columns_(std::move(columns)), values_(std::move(values)) {}

  bool IsNull(std::string_view column) const;
  int64_t Int(std::string_view column) const;  // null reads as 0
  std::optional<int64_t> OptionalInt(std::string_view column) const override;
  double Real(std::string_view column) const;
  std::optional<double> OptionalReal(std::string_view column) const override;
  std::string Text(std::string_view column) const;  // null reads as ""
  // The value as the database answered it.
  const Value& Get(std::string_view column) const { return At(column); }
  std::optional<std::string> OptionalText(std::string_view column) const override;

 private:
  const Value& At(std::string_view column) const;

  std::shared_ptr<const std::vector<std::string>> columns_;
  std::vector<Value> values_;
};

// Named parameters for one statement (":name" in the SQL). Every value is bound, never spliced.
class Params {
 public:
  Params() = default;
  Params& Set(std::string name, int64_t value);
  Params& Set(std::string name, int value) { return Set(std::move(name), static_cast<int64_t>(value)); }
  Params& Set(std::string name, bool value) { return Set(std::move(name), static_cast<int64_t>(value)); }
  Params& Set(std::string name, double value);
  Params& Set(std::string name, std::string value);
  Params& Set(std::string name, const char* value) { return Set(std::move(name), std::string(value)); }
  Params& Set(std::string name, std::string_view value) { return Set(std::move(name), std::string(value)); }
  Params& SetNull(std::string name);
  // A value as a column holds it (core/stored_row.h).
  Params& SetStored(std::string name, StoredValue value);
  // Adds every parameter of another set (whose names must not clash with these).
  Params& Append(const Params& other);
  template <typename T>
  Params& Set(std::string name, const std::optional<T>& value) {
    return value ? Set(std::move(name), *value) : SetNull(std::move(name));
  }

  // The best plan depends on these values (a text search: a rare word wants the search's index,
  // a common one the list's order), so PostgreSQL plans the statement with them every time
  // instead of perhaps settling on one plan for all values (store/statements_postgres.cpp).
  Params& PlanForValues() {
    plan_for_values_ = true;
    return *this;
  }
  bool plans_for_values() const { return plan_for_values_; }

  struct Entry {
    std::string name;
    Value value;
  };
  const std::deque<Entry>& entries() const { return entries_; }

 private:
  std::deque<Entry> entries_;
  bool plan_for_values_ = false;
};

// A borrowed database connection; all SQL of the repositories goes through it. Each distinct SQL
// text is prepared once per connection and kept (store/statements.h).
class Connection {
 public:
  // `totals` keeps list totals across requests (store/totals.h); `writing` tells that this
  // connection runs inside a write transaction, whose own changes no kept total knows yet.
  Connection(detail::Statements& statements, Backend backend, Totals* totals = nullptr,
             bool writing = false)
      : statements_(statements), backend_(backend), totals_(totals), writing_(writing) {}

  std::vector<Row> Query(const std::string& sql, const Params& params = {});
  std::optional<Row> QueryOne(const std::string& sql, const Params& params = {});
  // Runs a statement and answers how many rows it changed.
  long long Exec(const std::string& sql, const Params& params = {});
  // Runs an INSERT and answers the new row's id (the SQL must not end in a semicolon).
  int64_t Insert(const std::string& sql, const Params& params = {});
  // Adds rows to `table` with one INSERT per kMaxRowsPerInsert rows instead of one per row. Each
  // row's parameters name its columns, every row the same columns in the same order; the values
  // stay bound (row i's `position` is ":position_i"), so there is one SQL text per table, columns
  // and row count. With `returning` ("id, position") answers those columns of the new rows, in no
  // particular order. `table` and the column names must be literals of the caller.
  std::vector<Row> InsertRows(std::string_view table, const std::vector<Params>& rows,
                              std::string_view returning = {});
  static constexpr std::size_t kMaxRowsPerInsert = 50;
  int64_t Count(const std::string& sql, const Params& params = {});
  // A list's total: as Count, but kept briefly across requests where that is safe (totals.h).
  int64_t Total(const std::string& sql, const Params& params = {});

  Backend backend() const { return backend_; }
  // Runs SQL without parameters and without keeping it prepared (transaction control).
  void Run(const std::string& sql);
  // How many statements this connection keeps prepared.
  std::size_t prepared_statements() const;

 private:
  // A change outside a transaction is committed at once: kept totals may be wrong now.
  void Changed();

  detail::Statements& statements_;
  Backend backend_;
  Totals* totals_;
  bool writing_;
};

// On PostgreSQL, waits until no other transaction holds the lock named by `key` and holds it until
// this transaction ends; SQLite's single writer makes this unnecessary there.
void LockForThisTransaction(Connection& connection, int64_t key);

// A LIKE pattern for a user's search text, with the wildcards in it escaped (use with ESCAPE '\').
std::string ContainsPattern(std::string_view text);

// As ContainsPattern, of the text folded for search (FoldForSearch: case and accents), for the
// search_text columns that hold their record's text folded the same way.
std::string SearchPattern(std::string_view text);

}  // namespace weltcampus::store
