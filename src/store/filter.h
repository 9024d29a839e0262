#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.h"

namespace weltcampus::store {

// Builds the WHERE clause of a list from the filters a request set; every value is bound as a
// parameter, so a condition's SQL is always a literal of the calling repository.
class Filter {
 public:
  // A condition without values ("a.status IN ('signed', 'active')").
  Filter& Add(std::string condition) {
    conditions_.push_back(std::move(condition));
    return *this;
  }

  // A condition naming :name, added only when the value is set.
  template <typename V>
  Filter& Add(std::string condition, std::string name, const std::optional<V>& value) {
    if (value) {
      conditions_.push_back(std::move(condition));
      params_.Set(std::move(name), *value);
    }
    return *this;
  }

  // `column = :column`, added only when the value is set.
  template <typename V>
  Filter& Equal(std::string_view column, const std::optional<V>& value) {
    return Add(std::string(column) + " = :" + ParamName(column), ParamName(column), value);
  }

  // A condition around another filter's conditions: "EXISTS (SELECT 1 FROM a WHERE a.p = p.id"
  // + " AND <inner>" + ")"; added only when the inner filter has conditions.
  Filter& AddWithin(const std::string& open, const Filter& inner, const std::string& close) {
    if (!inner.empty()) {
      conditions_.push_back(open + inner.And() + close);
      params_.Append(inner.params());
    }
    return *this;
  }

  // A substring search: the condition names :name, which is bound to a LIKE pattern of the
  // case-folded text (use with ESCAPE '\').
  Filter& Contains(std::string condition, std::string name, const std::optional<std::string>& text);

  // A substring search that a trigram index serves (db/migrations/0005_search_index.sql). On
  // SQLite, for a text of three or more characters, `fts_condition` naming :name, bound to an FTS5
  // phrase of the text folded for search (FoldForSearch: case and accents; "i.id IN (SELECT rowid
  // FROM institutions_search WHERE institutions_search MATCH :q)"); shorter texts, and PostgreSQL
  // always (pg_trgm's index serves LIKE), take `like_condition` with :name bound to SearchPattern.
  // The searched columns must hold their text folded the same way.
  Filter& IndexedContains(Backend backend, std::string like_condition, std::string fts_condition,
                          std::string name, const std::optional<std::string>& text);

  // With a search through the trigram index (IndexedContains on SQLite): the same filter with that
  // search written as its LIKE condition instead. A list reads that one in its sort's order and
  // stops after a page, which is faster when the search matches a good part of the rows (the index
  // lists every match before the first page can be sorted: "univ" matches most institutions), and
  // slower when it matches few (ListPage chooses by the count). None without such a search.
  std::optional<Filter> ScanAlternative() const;

  // " WHERE a AND b", or "" without conditions.
  std::string Where() const;
  // " AND a AND b", to extend a WHERE of the caller's own.
  std::string And() const;
  const Params& params() const { return params_; }
  Params& params() { return params_; }
  bool empty() const { return conditions_.empty(); }

 private:
  // "a.status" -> "status"
  static std::string ParamName(std::string_view column);

  // The search that ScanAlternative writes as LIKE: its condition's index, the LIKE condition, its
  // parameter and the LIKE pattern.
  struct Scan {
    std::size_t condition;
    std::string like_condition;
    std::string name;
    std::string pattern;
  };

  std::vector<std::string> conditions_;
  Params params_;
  std::optional<Scan> scan_;
};

}  // namespace weltcampus::store
