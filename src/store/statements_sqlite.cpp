#include <soci/soci.h>
// SOCI includes sqlite3.h inside namespace sqlite_api; its conn_ is that namespace's sqlite3.
#include <soci/sqlite3/soci-sqlite3.h>

#include <cctype>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "store/statements.h"

namespace weltcampus::store::detail {

namespace {

using namespace sqlite_api;

struct Finalize {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};

struct SqlitePrepared {
  std::unique_ptr<sqlite3_stmt, Finalize> statement;
  std::shared_ptr<const std::vector<std::string>> columns;
};

// Resets the statement when a run ends, however it ends: a statement left half-read would keep
// its read transaction open (and COMMIT would refuse while it is).
class ResetOnExit {
 public:
  explicit ResetOnExit(sqlite3_stmt* statement) : statement_(statement) {}
  ~ResetOnExit() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
  }
  ResetOnExit(const ResetOnExit&) = delete;
  ResetOnExit& operator=(const ResetOnExit&) = delete;

 private:
  sqlite3_stmt* statement_;
};

class Sqlite final : public Statements {
 public:
  Sqlite(sqlite3* db, std::size_t capacity) : db_(db), cache_(capacity) {}

  std::vector<Row> Query(const std::string& sql, const Params& params) override {
    SqlitePrepared& prepared = Prepare(sql);
    sqlite3_stmt* statement = prepared.statement.get();
    ResetOnExit reset(statement);
    Bind(statement, sql, params);
    std::vector<Row> rows;
    const int count = sqlite3_column_count(statement);
    for (;;) {
      const int step = sqlite3_step(statement);
      if (step == SQLITE_DONE) {
        break;
      }
      if (step != SQLITE_ROW) {
        Fail(step);
      }
      if (!prepared.columns || static_cast<int>(prepared.columns->size()) != count) {
        prepared.columns = ColumnNames(statement, count);
      }
      std::vector<Value> values;
      values.reserve(count);
      for (int i = 0; i < count; ++i) {
        values.push_back(ReadColumn(statement, i));
      }
      rows.emplace_back(prepared.columns, std::move(values));
    }
    return rows;
  }

  long long Exec(const std::string& sql, const Params& params) override {
    sqlite3_stmt* statement = Prepare(sql).statement.get();
    ResetOnExit reset(statement);
    Bind(statement, sql, params);
    int step;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (step != SQLITE_DONE) {
      Fail(step);
    }
    return sqlite3_changes64(db_);
  }

  void Run(const std::string& sql) override {
    char* message = nullptr;
    const int result = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    if (result != SQLITE_OK) {
      const std::string text = message ? message : sqlite3_errstr(result);
      sqlite3_free(message);
      throw DatabaseError(text, std::to_string(sqlite3_extended_errcode(db_)));
    }
  }

  std::size_t cached() const override { return cache_.size(); }
  bool lost() const override { return false; }

 private:
  SqlitePrepared& Prepare(const std::string& sql) {
    if (SqlitePrepared* found = cache_.Find(sql)) {
      return *found;
    }
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    const int result = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()) + 1,
                                          SQLITE_PREPARE_PERSISTENT, &raw, &tail);
    std::unique_ptr<sqlite3_stmt, Finalize> statement(raw);
    if (result != SQLITE_OK) {
      Fail(result);
    }
    if (!statement) {
      throw std::logic_error("no SQL statement in: " + sql);
    }
    for (; tail && *tail; ++tail) {
      if (!std::isspace(static_cast<unsigned char>(*tail)) && *tail != ';') {
        throw std::logic_error("more than one SQL statement in: " + sql);
      }
    }
    return cache_.Add(sql, SqlitePrepared{std::move(statement), nullptr});
  }

  void Bind(sqlite3_stmt* statement, const std::string& sql, const Params& params) {
    int bound = 0;
    std::string name;
    for (const auto& entry : params.entries()) {
      // Parameters come mostly in the order the SQL names them (an IN-list's :a0, :a1, ...): try
      // the next one before SQLite's search by name, which compares with every name before it.
      int index = bound + 1;
      const char* next = sqlite3_bind_parameter_name(statement, index);
      if (next == nullptr || next[0] != ':' || entry.name != std::string_view(next + 1)) {
        name.assign(1, ':').append(entry.name);
        index = sqlite3_bind_parameter_index(statement, name.c_str());
      }
      if (index == 0) {
        throw std::logic_error("the SQL has no parameter " + name + ": " + sql);
      }
      int result;
      if (const auto* integer = std::get_if<int64_t>(&entry.value)) {
        result = sqlite3_bind_int64(statement, index, *integer);
      } else if (const auto* real = std::get_if<double>(&entry.value)) {
        result = sqlite3_bind_double(statement, index, *real);
      } else if (const auto* text = std::get_if<std::string>(&entry.value)) {
        result = sqlite3_bind_text64(statement, index, text->data(), text->size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8);
      } else {
        result = sqlite3_bind_null(statement, index);
      }
      if (result != SQLITE_OK) {
        Fail(result);
      }
      ++bound;
    }
    if (bound != sqlite3_bind_parameter_count(statement)) {
      throw std::logic_error("a parameter is given twice or not at all: " + sql);
    }
  }

  static std::shared_ptr<const std::vector<std::string>> ColumnNames(sqlite3_stmt* statement,
                                                                     int count) {
    auto names = std::make_shared<std::vector<std::string>>();
    names->reserve(count);
    for (int i = 0; i < count; ++i) {
      std::string name = sqlite3_column_name(statement, i);
      for (char& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      names->push_back(std::move(name));
    }
    return names;
  }

  static Value ReadColumn(sqlite3_stmt* statement, int i) {
    switch (sqlite3_column_type(statement, i)) {
      case SQLITE_INTEGER:
        return static_cast<int64_t>(sqlite3_column_int64(statement, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(statement, i);
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        const auto* data = static_cast<const char*>(sqlite3_column_blob(statement, i));
        return std::string(data ? data : "", sqlite3_column_bytes(statement, i));
      }
      default:
        return std::monostate{};
    }
  }

  [[noreturn]] void Fail(int result) {
    (void)result;
    throw DatabaseError(sqlite3_errmsg(db_), std::to_string(sqlite3_extended_errcode(db_)));
  }

  sqlite3* db_;
  StatementLru<SqlitePrepared> cache_;
};

}  // namespace

void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Both refuse (SQLITE_MISUSE) once the library is initialised; it then keeps its defaults,
    // which are correct, only slower.
    sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  });
}

std::unique_ptr<Statements> SqliteStatements(soci::session& session, std::size_t capacity) {
  auto* backend = static_cast<soci::sqlite3_session_backend*>(session.get_backend());
  return std::make_unique<Sqlite>(backend->conn_, capacity);
}

}  // namespace weltcampus::store::detail
