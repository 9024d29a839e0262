#include "store/sql.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <stdexcept>

#include "core/text.h"
#include "store/statements.h"
#include "store/totals.h"

namespace weltcampus::store {

const Value& Row::At(std::string_view column) const {
  for (std::size_t i = 0; i < columns_->size(); ++i) {
    if ((*columns_)[i] == column) {
      return values_[i];
    }
  }
  throw std::logic_error("no column named " + std::string(column) + " in the result");
}

bool Row::IsNull(std::string_view column) const {
  return std::holds_alternative<std::monostate>(At(column));
}

std::optional<int64_t> Row::OptionalInt(std::string_view column) const {
  const Value& value = At(column);
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    return *integer;
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return static_cast<int64_t>(*real);
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    return text->empty() ? 0 : std::stoll(*text);
  }
  return std::nullopt;
}

int64_t Row::Int(std::string_view column) const { return OptionalInt(column).value_or(0); }

std::optional<double> Row::OptionalReal(std::string_view column) const {
  const Value& value = At(column);
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    return static_cast<double>(*integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return *real;
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    return text->empty() ? 0.0 : std::stod(*text);
  }
  return std::nullopt;
}

double Row::Real(std::string_view column) const { return OptionalReal(column).value_or(0.0); }

std::optional<std::string> Row::OptionalText(std::string_view column) const {
  const Value& value = At(column);
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    return std::to_string(*integer);
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return std::to_string(*real);
  }
  return std::nullopt;
}

std::string Row::Text(std::string_view column) const { return OptionalText(column).value_or(""); }

Params& Params::Set(std::string name, int64_t value) {
  entries_.push_back({std::move(name), value});
  return *this;
}

Params& Params::Set(std::string name, double value) {
  entries_.push_back({std::move(name), value});
  return *this;
}

Params& Params::Set(std::string name, std::string value) {
  entries_.push_back({std::move(name), std::move(value)});
  return *this;
}

Params& Params::Append(const Params& other) {
  entries_.insert(entries_.end(), other.entries_.begin(), other.entries_.end());
  plan_for_values_ = plan_for_values_ || other.plan_for_values_;
  return *this;
}

Params& Params::SetNull(std::string name) {
  entries_.push_back({std::move(name), std::monostate{}});
  return *this;
}

Params& Params::SetStored(std::string name, StoredValue value) {
  entries_.push_back({std::move(name), std::move(value)});
  return *this;
}

std::vector<Row> Connection::Query(const std::string& sql, const Params& params) {
  return statements_.Query(sql, params);
}

std::optional<Row> Connection::QueryOne(const std::string& sql, const Params& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

long long Connection::Exec(const std::string& sql, const Params& params) {
  const long long changed = statements_.Exec(sql, params);
  Changed();
  return changed;
}

void Connection::Changed() {
  if (totals_ && !writing_) {
    totals_->Changed();
  }
}

void Connection::Run(const std::string& sql) { statements_.Run(sql); }

std::size_t Connection::prepared_statements() const { return statements_.cached(); }

int64_t Connection::Insert(const std::string& sql, const Params& params) {
  auto row = QueryOne(sql + " RETURNING id", params);
  Changed();
  if (!row) {
    throw std::runtime_error("INSERT returned no id");
  }
  return row->Int("id");
}

std::vector<Row> Connection::InsertRows(std::string_view table, const std::vector<Params>& rows,
                                        std::string_view returning) {
  std::vector<Row> answered;
  for (std::size_t first = 0; first < rows.size(); first += kMaxRowsPerInsert) {
    const std::size_t end = std::min(rows.size(), first + kMaxRowsPerInsert);
    std::string sql = "INSERT INTO " + std::string(table) + " (";
    for (const auto& entry : rows[first].entries()) {
      sql += (&entry == &rows[first].entries().front() ? "" : ", ") + entry.name;
    }
    sql += ") VALUES ";
    Params params;
    for (std::size_t i = first; i < end; ++i) {
      const auto& columns = rows[first].entries();
      const auto& values = rows[i].entries();
      const std::string suffix = "_" + std::to_string(i - first);
      sql += i == first ? "(" : ", (";
      for (std::size_t column = 0; column < values.size(); ++column) {
        if (values.size() != columns.size() || values[column].name != columns[column].name) {
          throw std::logic_error("InsertRows: rows with different columns for " +
                                 std::string(table));
        }
        sql += (column == 0 ? ":" : ", :") + values[column].name + suffix;
        params.SetStored(values[column].name + suffix, values[column].value);
      }
      sql += ")";
    }
    if (returning.empty()) {
      statements_.Exec(sql, params);
    } else {
      auto part = Query(sql + " RETURNING " + std::string(returning), params);
      std::move(part.begin(), part.end(), std::back_inserter(answered));
    }
    Changed();
  }
  return answered;
}

int64_t Connection::Total(const std::string& sql, const Params& params) {
  return totals_ && !writing_ ? totals_->Count(*this, sql, params) : Count(sql, params);
}

int64_t Connection::Count(const std::string& sql, const Params& params) {
  auto row = QueryOne(sql, params);
  return row ? row->Int(std::string_view("n")) : 0;
}

void LockForThisTransaction(Connection& connection, int64_t key) {
  if (connection.backend() == Backend::kPostgres) {
    connection.Query("SELECT pg_advisory_xact_lock(:key)", Params().Set("key", key));
  }
}

namespace {

std::string LikePatternOf(std::string_view folded) {
  std::string pattern = "%";
  for (char c : folded) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace

std::string ContainsPattern(std::string_view text) { return LikePatternOf(FoldCase(text)); }

std::string SearchPattern(std::string_view text) { return LikePatternOf(FoldForSearch(text)); }

}  // namespace weltcampus::store
