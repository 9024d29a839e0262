#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cctype>
#include <charconv>
#include <memory>
#include <string>
#include <vector>

#include "store/statements.h"

namespace weltcampus::store::detail {

namespace {

// Type ids of the built-in types a result column may have (pg_type.oid).
constexpr Oid kBool = 16;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kOid = 26;
constexpr Oid kFloat4 = 700;
constexpr Oid kFloat8 = 701;
constexpr Oid kNumeric = 1700;

struct ClearResult {
  void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ClearResult>;

// A statement's SQL with PostgreSQL's $1, $2, ... and, once it is prepared on the server, its
// name there; removed from the server when dropped.
class PgPrepared {
 public:
  PgPrepared(PGconn* connection, std::string numbered, std::vector<std::string> parameters)
      : connection_(connection),
        numbered_(std::move(numbered)),
        parameters_(std::move(parameters)) {}
  PgPrepared(PgPrepared&& other) noexcept
      : columns(std::move(other.columns)),
        connection_(std::exchange(other.connection_, nullptr)),
        numbered_(std::move(other.numbered_)),
        name_(std::move(other.name_)),
        parameters_(std::move(other.parameters_)) {}
  PgPrepared& operator=(PgPrepared&&) = delete;
  ~PgPrepared() {
    if (connection_ && !name_.empty() && PQstatus(connection_) == CONNECTION_OK) {
      // Fails harmlessly inside a failed transaction; the server then keeps it until the
      // connection closes.
      Result(PQexec(connection_, ("DEALLOCATE " + name_).c_str()));
    }
  }

  const std::string& numbered() const { return numbered_; }
  // Empty until the statement is prepared on the server.
  const std::string& name() const { return name_; }
  void PreparedAs(std::string name) { name_ = std::move(name); }
  // The ":name" parameters in the order of $1, $2, ...
  const std::vector<std::string>& parameters() const { return parameters_; }
  std::shared_ptr<const std::vector<std::string>> columns;

 private:
  PGconn* connection_;
  std::string numbered_;
  std::string name_;
  std::vector<std::string> parameters_;
};

// Rewrites ":name" parameters as PostgreSQL's $1, $2, ... (one number per distinct name), leaving
// quoted text, quoted names, comments and "::type" casts alone.
std::string Numbered(const std::string& sql, std::vector<std::string>& names) {
  std::string out;
  out.reserve(sql.size() + 8);
  const std::size_t size = sql.size();
  auto is_name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  };
  for (std::size_t i = 0; i < size;) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const std::size_t end = sql.find(c, i + 1);
      const std::size_t stop = end == std::string::npos ? size : end + 1;
      out.append(sql, i, stop - i);
      i = stop;
    } else if (c == '-' && i + 1 < size && sql[i + 1] == '-') {
      const std::size_t end = sql.find('\n', i);
      const std::size_t stop = end == std::string::npos ? size : end;
      out.append(sql, i, stop - i);
      i = stop;
    } else if (c == ':' && i + 1 < size && sql[i + 1] == ':') {
      out += "::";
      i += 2;
    } else if (c == ':' && i + 1 < size &&
               (std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_')) {
      std::size_t end = i + 1;
      while (end < size && is_name_char(sql[end])) {
        ++end;
      }
      std::string name = sql.substr(i + 1, end - i - 1);
      std::size_t number = 0;
      while (number < names.size() && names[number] != name) {
        ++number;
      }
      if (number == names.size()) {
        names.push_back(std::move(name));
      }
      out += '$';
      out += std::to_string(number + 1);
      i = end;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

class Postgres final : public Statements {
 public:
  Postgres(PGconn* connection, std::size_t capacity) : connection_(connection), cache_(capacity) {}

  std::vector<Row> Query(const std::string& sql, const Params& params) override {
    PgPrepared* prepared = nullptr;
    Result result = Execute(sql, params, prepared);
    std::vector<Row> rows;
    const int count = PQntuples(result.get());
    const int width = PQnfields(result.get());
    if (count == 0) {
      return rows;
    }
    if (!prepared->columns || static_cast<int>(prepared->columns->size()) != width) {
      auto names = std::make_shared<std::vector<std::string>>();
      for (int i = 0; i < width; ++i) {
        std::string name = PQfname(result.get(), i);
        for (char& c : name) {
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        names->push_back(std::move(name));
      }
      prepared->columns = std::move(names);
    }
    std::vector<Oid> types(width);
    for (int i = 0; i < width; ++i) {
      types[i] = PQftype(result.get(), i);
    }
    rows.reserve(count);
    for (int r = 0; r < count; ++r) {
      std::vector<Value> values;
      values.reserve(width);
      for (int i = 0; i < width; ++i) {
        values.push_back(ReadColumn(result.get(), r, i, types[i]));
      }
      rows.emplace_back(prepared->columns, std::move(values));
    }
    return rows;
  }

  long long Exec(const std::string& sql, const Params& params) override {
    PgPrepared* prepared = nullptr;
    Result result = Execute(sql, params, prepared);
    const char* changed = PQcmdTuples(result.get());
    return changed && *changed ? std::stoll(changed) : 0;
  }

  void Run(const std::string& sql) override {
    Result result(PQexec(connection_, sql.c_str()));
    Check(result.get(), PGRES_COMMAND_OK);
  }

  std::size_t cached() const override { return cache_.size(); }
  bool lost() const override { return PQstatus(connection_) != CONNECTION_OK; }

 private:
  Result Execute(const std::string& sql, const Params& params, PgPrepared*& prepared) {
    const bool plan_for_values = params.plans_for_values();
    prepared = &Prepare(sql, !plan_for_values);
    const auto& names = prepared->parameters();
    std::vector<std::string> texts(names.size());
    std::vector<const char*> values(names.size(), nullptr);
    std::vector<bool> given(names.size(), false);
    for (const auto& entry : params.entries()) {
      std::size_t number = 0;
      while (number < names.size() && names[number] != entry.name) {
        ++number;
      }
      if (number == names.size()) {
        throw std::logic_error("the SQL has no parameter :" + entry.name + ": " + sql);
      }
      if (given[number]) {
        throw std::logic_error("the parameter :" + entry.name + " is given twice: " + sql);
      }
      given[number] = true;
      if (const auto* integer = std::get_if<int64_t>(&entry.value)) {
        texts[number] = std::to_string(*integer);
      } else if (const auto* real = std::get_if<double>(&entry.value)) {
        texts[number] = fmt::format("{}", *real);  // shortest text that reads back exactly
      } else if (const auto* text = std::get_if<std::string>(&entry.value)) {
        texts[number] = *text;
      } else {
        continue;  // NULL
      }
      values[number] = texts[number].c_str();
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (!given[i]) {
        throw std::logic_error("the parameter :" + names[i] + " is not given: " + sql);
      }
    }
    // A prepared statement may be run with a plan made once for all values (after its first five
    // runs, where PostgreSQL estimates that plan no dearer); an unnamed one is planned with its
    // values each time.
    Result result(plan_for_values ? PQexecParams(connection_, prepared->numbered().c_str(),
                                                 static_cast<int>(values.size()), nullptr,
                                                 values.data(), nullptr, nullptr, 0)
                                  : PQexecPrepared(connection_, prepared->name().c_str(),
                                                   static_cast<int>(values.size()), values.data(),
                                                   nullptr, nullptr, 0));
    const auto status = PQresultStatus(result.get());
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      const char* code = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
      // A plan whose result shape changed under it (a migration altered the table) or a
      // statement the server no longer has: prepare it again next time.
      if (code && (std::string_view(code) == "0A000" || std::string_view(code) == "26000")) {
        cache_.Remove(sql);
        prepared = nullptr;
      }
      Check(result.get(), PGRES_TUPLES_OK);
    }
    return result;
  }

  // The kept statement of `sql`, prepared on the server if `on_server`.
  PgPrepared& Prepare(const std::string& sql, bool on_server) {
    PgPrepared* found = cache_.Find(sql);
    if (!found) {
      std::vector<std::string> names;
      std::string numbered = Numbered(sql, names);
      found = &cache_.Add(sql, PgPrepared(connection_, std::move(numbered), std::move(names)));
    }
    if (on_server && found->name().empty()) {
      std::string name = "wc" + std::to_string(++counter_);
      Result result(PQprepare(connection_, name.c_str(), found->numbered().c_str(),
                              static_cast<int>(found->parameters().size()), nullptr));
      Check(result.get(), PGRES_COMMAND_OK);
      found->PreparedAs(std::move(name));
    }
    return *found;
  }

  void Check(const PGresult* result, ExecStatusType wanted) {
    const auto status = PQresultStatus(result);
    if (result && (status == wanted || status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) {
      return;
    }
    const char* code = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorMessage(result) : PQerrorMessage(connection_);
    throw DatabaseError(message && *message ? message : PQerrorMessage(connection_),
                        code ? code : "");
  }

  static Value ReadColumn(const PGresult* result, int row, int column, Oid type) {
    if (PQgetisnull(result, row, column)) {
      return std::monostate{};
    }
    const char* text = PQgetvalue(result, row, column);
    const int length = PQgetlength(result, row, column);
    switch (type) {
      case kInt2:
      case kInt4:
      case kInt8:
      case kOid: {
        int64_t value = 0;
        std::from_chars(text, text + length, value);
        return value;
      }
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return std::stod(std::string(text, length));
      case kBool:
        return static_cast<int64_t>(text[0] == 't');
      default:
        return std::string(text, length);
    }
  }

  PGconn* connection_;
  StatementLru<PgPrepared> cache_;
  long long counter_ = 0;
};

}  // namespace

std::unique_ptr<Statements> PostgresStatements(soci::session& session, std::size_t capacity) {
  auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
  return std::make_unique<Postgres>(backend->conn_, capacity);
}

}  // namespace weltcampus::store::detail
