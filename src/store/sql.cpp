#include "store/sql.h"

#include "core/text.h"

#include <soci/soci.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace weltcampus::store {

namespace {

Value ReadColumn(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) {
    return std::monostate{};
  }
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
    case soci::dt_xml:
    case soci::dt_blob:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return static_cast<int64_t>(row.get<int>(i));
    case soci::dt_long_long:
      return static_cast<int64_t>(row.get<long long>(i));
    case soci::dt_unsigned_long_long:
      return static_cast<int64_t>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return row.get<double>(i);
    case soci::dt_date: {
      std::tm tm = row.get<std::tm>(i);
      char buffer[32];
      std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
      return std::string(buffer);
    }
  }
  return std::monostate{};
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Storage that soci::use can point at for the statement's lifetime.
struct BoundParam {
  long long integer = 0;
  double real = 0;
  std::string text;
  soci::indicator indicator = soci::i_ok;
};

template <typename Run>
auto WithStatement(soci::session& session, const std::string& sql, const Params& params, Run run) {
  std::deque<BoundParam> bound;
  soci::details::prepare_temp_type prepared = (session.prepare << sql);
  for (const auto& entry : params.entries()) {
    BoundParam& param = bound.emplace_back();
    if (std::holds_alternative<int64_t>(entry.value)) {
      param.integer = std::get<int64_t>(entry.value);
      prepared, soci::use(param.integer, param.indicator, entry.name);
    } else if (std::holds_alternative<double>(entry.value)) {
      param.real = std::get<double>(entry.value);
      prepared, soci::use(param.real, param.indicator, entry.name);
    } else if (std::holds_alternative<std::string>(entry.value)) {
      param.text = std::get<std::string>(entry.value);
      prepared, soci::use(param.text, param.indicator, entry.name);
    } else {
      param.indicator = soci::i_null;
      prepared, soci::use(param.text, param.indicator, entry.name);
    }
  }
  return run(prepared);
}

}  // namespace

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
  return WithStatement(session_, sql, params, [](soci::details::prepare_temp_type& prepared) {
    std::vector<Row> rows;
    soci::rowset<soci::row> result(prepared);
    std::shared_ptr<std::vector<std::string>> columns;
    for (const soci::row& row : result) {
      if (!columns) {
        columns = std::make_shared<std::vector<std::string>>();
        for (std::size_t i = 0; i < row.size(); ++i) {
          columns->push_back(Lower(row.get_properties(i).get_name()));
        }
      }
      std::vector<Value> values;
      values.reserve(row.size());
      for (std::size_t i = 0; i < row.size(); ++i) {
        values.push_back(ReadColumn(row, i));
      }
      rows.emplace_back(columns, std::move(values));
    }
    return rows;
  });
}

std::optional<Row> Connection::QueryOne(const std::string& sql, const Params& params) {
  auto rows = Query(sql, params);
  if (rows.empty()) {
    return std::nullopt;
  }
  return std::move(rows.front());
}

long long Connection::Exec(const std::string& sql, const Params& params) {
  return WithStatement(session_, sql, params, [](soci::details::prepare_temp_type& prepared) {
    soci::statement statement(prepared);
    statement.execute(true);
    return statement.get_affected_rows();
  });
}

int64_t Connection::Insert(const std::string& sql, const Params& params) {
  auto row = QueryOne(sql + " RETURNING id", params);
  if (!row) {
    throw std::runtime_error("INSERT returned no id");
  }
  return row->Int("id");
}

int64_t Connection::Count(const std::string& sql, const Params& params) {
  auto row = QueryOne(sql, params);
  return row ? row->Int(std::string_view("n")) : 0;
}

void LockForThisTransaction(Connection& connection, int64_t key) {
  if (connection.backend() == Backend::kPostgres) {
    // pg_advisory_xact_lock returns void, which SOCI cannot read: select a constant beside it.
    connection.Query("SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(:key)) AS l",
                     Params().Set("key", key));
  }
}

std::string ContainsPattern(std::string_view text) {
  std::string pattern = "%";
  for (char c : FoldCase(text)) {
    if (c == '%' || c == '_' || c == '\\') {
      pattern += '\\';
    }
    pattern += c;
  }
  pattern += '%';
  return pattern;
}

}  // namespace weltcampus::store
