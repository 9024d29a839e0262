#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "store/filter.h"
#include "store/sql.h"

namespace weltcampus::store {

// One way a list can be sorted: its name in the API (?sort=name or ?sort=-name) and the SQL order
// it stands for, comma-separated terms each ending in '$' (turns with the request: ASC for
// ?sort=name, DESC for ?sort=-name), 'DESC $' (the other way round), or a fixed ASC or DESC. Give a
// list's index the same columns in the same order, with terms that all turn together, and the
// index serves both directions of the sort. An empty order sorts by the id alone. A key that needs
// a join (a count from another table) names it; it is added only when that sort is asked for.
// '{lang}' in an order stands for the page's language (one of kSortLanguages: "en", "de"), for a
// sort by what is named differently in each language ("country_key_{lang} $, name_key $": a
// column kept per language, each with its index); a key cursor of another language is refused.
struct SortKey {
  std::string_view name;
  std::string_view order;
  std::string_view join = {};
};

// The direction a list is sorted in when the request names no sort (a jobs list: newest first).
enum class DefaultOrder { kAscending, kDescending };

// The sort keys of one list, its first key the default. It validates ?sort=, produces ORDER BY
// (always ending in the id, so that pages never overlap) and gives the OpenAPI `enum`.
class SortTable {
 public:
  SortTable(std::string id_column, std::vector<SortKey> keys,
            DefaultOrder default_order = DefaultOrder::kAscending);

  // Reads ?limit=, ?cursor= and ?sort= (400/422 naming the parameter when unknown); the page is
  // sorted for the reader's `language` (http::RequestLanguage; another than kSortLanguages is the
  // default).
  PageRequest PageFrom(const std::map<std::string, std::string>& query,
                       std::string_view language = "en") const;
  std::string OrderBy(const PageRequest& page) const;  // " ORDER BY ..."
  std::string_view Join(const PageRequest& page) const;
  // "name", "-name", ... for the OpenAPI document.
  std::vector<std::string> ApiValues() const;

  // Keyset paging: the sort values of a row, selected beside its columns (", expr AS wc_k0, ...,
  // id AS wc_kN"), and the condition for the rows after a key cursor's row in the page's order
  // ("" without one; 422 for a cursor of another order), its values bound into `params`.
  std::string KeyColumns(const PageRequest& page) const;
  std::string After(const PageRequest& page, Backend backend, Params& params) const;
  // The cursor of the page after `row` (selected with KeyColumns).
  std::string CursorAfter(const PageRequest& page, const Row& row) const;

 private:
  struct Term {
    std::string expression;
    bool descending;  // in an ascending request
    bool follows;     // '$': turns with the request's direction
  };
  std::size_t KeyIndex(const std::string& name) const;
  // A key's order for one language: its terms, the id last.
  std::vector<Term> ParseTerms(std::string_view order, std::string_view language) const;
  // The terms of the page's sort, the id last: parsed once, when the table is built.
  const std::vector<Term>& Terms(const PageRequest& page) const;
  static bool Descending(const Term& term, const PageRequest& page);

  std::string id_column_;
  std::vector<SortKey> keys_;
  std::vector<std::vector<std::vector<Term>>> terms_;  // per key, per language
  std::vector<bool> by_language_;                      // per key: whether its order names {lang}
  DefaultOrder default_order_;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
  // Set by ListPage: the key cursor of the next page, or none at the end.
  std::optional<std::string> next_cursor;
  bool keyset = false;
};

// The SQL of a list: `select` is "SELECT ... FROM ... JOIN ..." and `from` the same FROM part for
// the count ("FROM a JOIN b ON ...").
struct ListSql {
  std::string select;
  std::string from;
  // Values that the SELECT's own columns bind (":year" of a figure computed per row), which the
  // count does not take.
  Params select_params = {};
};

// The SELECT of one page: the list's columns, the sort values (keyset), FROM, joins, filter, the
// rows after the cursor, order and limit (one row more than the page, to know whether one follows).
std::string PageSql(const ListSql& sql, const Filter& filter, const SortTable& sort,
                    const PageRequest& page, Backend backend, Params& params);

// Whether a search matching `matches` rows finds its first page sooner by reading the list in its
// sort's order (Filter::ScanAlternative) than through the trigram index: when it matches at least
// one row in 20 of the list's (kept briefly, as totals are).
bool ScanFindsAPageSooner(Connection& c, const ListSql& sql, int64_t matches);

// One page of a list and the number of all rows matching the filter, in two statements (the
// count kept briefly across requests: store/totals.h). Pages follow each other by the last row's
// sort values (keyset): page 1,000 costs what page 1 costs, and rows added or removed between
// two requests neither repeat nor skip a row. A numeric cursor (rows to skip) is still read.
template <typename FromRow>
auto ListPage(Connection& c, const ListSql& sql, const Filter& filter, const SortTable& sort,
              const PageRequest& page, FromRow from_row) {
  using T = decltype(from_row(std::declval<const Row&>()));
  Page<T> result;
  result.keyset = true;
  result.total = c.Total("SELECT COUNT(*) AS n " + sql.from + filter.Where(), filter.params());
  const auto scan = filter.ScanAlternative();
  const Filter& page_filter = scan && ScanFindsAPageSooner(c, sql, result.total) ? *scan : filter;
  Params params = page_filter.params();
  auto rows = c.Query(PageSql(sql, page_filter, sort, page, c.backend(), params), params);
  if (static_cast<int64_t>(rows.size()) > page.limit) {
    rows.pop_back();  // PageSql reads one row beyond the page
    result.next_cursor = sort.CursorAfter(page, rows.back());
  }
  for (const auto& row : rows) {
    result.items.push_back(from_row(row));
  }
  return result;
}

// ":p0, :p1, ..." for the ids, bound into params: the IN list of a page's related rows.
std::string InList(const std::vector<int64_t>& ids, Params& params, std::string_view prefix = "p");

}  // namespace weltcampus::store
