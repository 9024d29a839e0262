#include "store/list_query.h"

#include <stdexcept>
#include <tuple>

#include "core/collation.h"
#include "core/error.h"

namespace weltcampus::store {

namespace {

std::string Trim(std::string_view text) {
  const auto start = text.find_first_not_of(" \t\n");
  if (start == std::string_view::npos) {
    return "";
  }
  const auto end = text.find_last_not_of(" \t\n");
  return std::string(text.substr(start, end - start + 1));
}

// "a $, CASE x WHEN 'a, b' THEN f(1, 2) END ASC" -> its terms, split at commas outside parentheses
// and quotes.
std::vector<std::string> SplitTerms(std::string_view order) {
  std::vector<std::string> terms;
  int depth = 0;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    const char c = order[i];
    if (c == '\'') {
      quoted = !quoted;
    } else if (!quoted && c == '(') {
      ++depth;
    } else if (!quoted && c == ')') {
      --depth;
    } else if (!quoted && depth == 0 && c == ',') {
      terms.push_back(Trim(order.substr(start, i - start)));
      start = i + 1;
    }
  }
  terms.push_back(Trim(order.substr(start)));
  return terms;
}

nlohmann::json KeyJson(const Value& value) {
  if (const auto* integer = std::get_if<int64_t>(&value)) {
    return *integer;
  }
  if (const auto* real = std::get_if<double>(&value)) {
    return *real;
  }
  if (const auto* text = std::get_if<std::string>(&value)) {
    return *text;
  }
  return nullptr;
}

}  // namespace

SortTable::SortTable(std::string id_column, std::vector<SortKey> keys, DefaultOrder default_order)
    : id_column_(std::move(id_column)), keys_(std::move(keys)), default_order_(default_order) {
  if (keys_.empty()) {
    throw std::logic_error("a sort table needs at least one key");
  }
  for (const auto& key : keys_) {
    by_language_.push_back(key.order.find("{lang}") != std::string_view::npos);
    terms_.emplace_back();
    for (const auto language : kSortLanguages) {
      terms_.back().push_back(ParseTerms(key.order, language));
    }
  }
}

std::vector<SortTable::Term> SortTable::ParseTerms(std::string_view key_order,
                                                   std::string_view language) const {
  std::string order(key_order);
  for (auto at = order.find("{lang}"); at != std::string::npos; at = order.find("{lang}", at)) {
    order.replace(at, 6, language);
  }
  std::vector<Term> terms;
  for (const auto& text : SplitTerms(order)) {
    if (text.empty()) {
      continue;  // a key sorted by the id alone
    }
    Term term{text, false, false};
    for (const auto& [suffix, descending, follows] :
         {std::tuple{" DESC $", true, true}, std::tuple{" $", false, true},
          std::tuple{" ASC", false, false}, std::tuple{" DESC", true, false}}) {
      if (text.ends_with(suffix)) {
        term = Term{
            Trim(std::string_view(text).substr(0, text.size() - std::string_view(suffix).size())),
            descending, follows};
        break;
      }
    }
    if (term.expression.find('$') != std::string::npos) {
      throw std::logic_error("'$' only ends a sort term: " + order);
    }
    terms.push_back(std::move(term));
  }
  terms.push_back(Term{id_column_, false, true});
  return terms;
}

std::size_t SortTable::KeyIndex(const std::string& name) const {
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i].name == name) {
      return i;
    }
  }
  return 0;
}

const std::vector<SortTable::Term>& SortTable::Terms(const PageRequest& page) const {
  const auto& per_language = terms_[KeyIndex(page.sort)];
  const std::string_view language = SortLanguage(page.language);
  for (std::size_t i = 0; i < per_language.size(); ++i) {
    if (kSortLanguages[i] == language) {
      return per_language[i];
    }
  }
  return per_language.front();
}

bool SortTable::Descending(const Term& term, const PageRequest& page) {
  return term.follows ? term.descending != page.descending : term.descending;
}

PageRequest SortTable::PageFrom(const std::map<std::string, std::string>& query,
                                std::string_view language) const {
  std::vector<std::string_view> names;
  for (const auto& key : keys_) {
    names.push_back(key.name);
  }
  auto page = PageRequest::FromQuery(query, names);
  page.language = std::string(SortLanguage(language));
  if (default_order_ == DefaultOrder::kDescending && !query.contains("sort")) {
    page.descending = true;
  }
  return page;
}

std::string SortTable::OrderBy(const PageRequest& page) const {
  std::string order;
  for (const Term& term : Terms(page)) {
    order += (order.empty() ? " ORDER BY " : ", ") + term.expression +
             (Descending(term, page) ? " DESC" : " ASC");
  }
  return order;
}

std::string_view SortTable::Join(const PageRequest& page) const {
  return keys_[KeyIndex(page.sort)].join;
}

std::vector<std::string> SortTable::ApiValues() const {
  std::vector<std::string> values;
  for (const auto& key : keys_) {
    values.emplace_back(key.name);
    values.push_back("-" + std::string(key.name));
  }
  return values;
}

std::string SortTable::KeyColumns(const PageRequest& page) const {
  std::string columns;
  const auto& terms = Terms(page);
  for (std::size_t i = 0; i < terms.size(); ++i) {
    columns += ", " + terms[i].expression + " AS wc_k" + std::to_string(i);
  }
  return columns;
}

std::string SortTable::After(const PageRequest& page, Backend backend, Params& params) const {
  if (!page.after) {
    return "";
  }
  const auto& terms = Terms(page);
  const nlohmann::json& after = *page.after;
  // A cursor from before cursors named their language ("l") was one of an English page.
  const bool other_language = by_language_[KeyIndex(page.sort)] &&
                              after.value("l", std::string(kSortLanguages[0])) != page.language;
  if (after["s"] != page.sort || after["d"] != page.descending || other_language ||
      after["k"].size() != terms.size()) {
    throw ValidationError("cursor", "Not a cursor of this list's order; start from the first page");
  }
  // NULL sorts first on SQLite and last on PostgreSQL (each backend's own order, so that its
  // indexes serve the ORDER BY); the condition follows the backend.
  std::string condition;
  std::string bound;  // a plain lower bound on the first term, which an index can start from
  for (std::size_t n = terms.size(); n-- > 0;) {
    const Term& term = terms[n];
    const bool descending = Descending(term, page);
    const bool nulls_first = descending == (backend == Backend::kPostgres);
    const nlohmann::json& key = after["k"][n];
    const std::string name = "wc_k" + std::to_string(n);
    const std::string& e = term.expression;
    std::string later;
    std::string same;
    if (key.is_null()) {
      later = nulls_first ? e + " IS NOT NULL" : "1 = 0";
      same = e + " IS NULL";
    } else {
      if (key.is_number_integer()) {
        params.Set(name, key.get<int64_t>());
      } else if (key.is_number()) {
        params.Set(name, key.get<double>());
      } else {
        params.Set(name, key.get<std::string>());
      }
      const std::string op = descending ? " < :" : " > :";
      later = nulls_first ? e + op + name : "(" + e + op + name + " OR " + e + " IS NULL)";
      same = e + " = :" + name;
      if (n == 0 && nulls_first) {
        bound = e + (descending ? " <= :" : " >= :") + name + " AND ";
      }
    }
    condition =
        n + 1 == terms.size() ? later : "(" + later + " OR (" + same + " AND " + condition + "))";
  }
  return bound + condition;
}

std::string SortTable::CursorAfter(const PageRequest& page, const Row& row) const {
  nlohmann::json keys = nlohmann::json::array();
  const auto count = Terms(page).size();
  for (std::size_t i = 0; i < count; ++i) {
    keys.push_back(KeyJson(row.Get("wc_k" + std::to_string(i))));
  }
  return KeyCursor(page, std::move(keys));
}

bool ScanFindsAPageSooner(Connection& c, const ListSql& sql, int64_t matches) {
  constexpr int64_t kOneRowIn = 20;
  return matches * kOneRowIn >= c.Total("SELECT COUNT(*) AS n " + sql.from, Params());
}

std::string PageSql(const ListSql& sql, const Filter& filter, const SortTable& sort,
                    const PageRequest& page, Backend backend, Params& params) {
  if (!sql.select.ends_with(sql.from)) {
    throw std::logic_error("a list's SELECT must end with its FROM: " + sql.select);
  }
  params.Append(sql.select_params);
  std::string text = sql.select.substr(0, sql.select.size() - sql.from.size());
  while (!text.empty() && text.back() == ' ') {
    text.pop_back();
  }
  text += sort.KeyColumns(page) + " " + sql.from + std::string(sort.Join(page)) + filter.Where();
  if (const std::string after = sort.After(page, backend, params); !after.empty()) {
    text += (filter.empty() ? " WHERE " : " AND ") + after;
  }
  // The limit is written into the statement, not bound: it is an integer the server checked
  // (PageRequest), and PostgreSQL plans a bound LIMIT as a tenth of the table, so that the
  // cached plan of a list looked dearer than a new one and every request was planned anew.
  text += sort.OrderBy(page) + " LIMIT " + std::to_string(page.limit + 1);
  if (!page.after && page.offset > 0) {
    text += " OFFSET :wc_offset";
    params.Set("wc_offset", page.offset);
  }
  return text;
}

std::string InList(const std::vector<int64_t>& ids, Params& params, std::string_view prefix) {
  std::string list;
  for (size_t i = 0; i < ids.size(); ++i) {
    const std::string name = std::string(prefix) + std::to_string(i);
    list += (i == 0 ? ":" : ", :") + name;
    params.Set(name, ids[i]);
  }
  return list;
}

}  // namespace weltcampus::store
