#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "store/filter.h"
#include "store/sql.h"

namespace weltcampus::store {

// One way a list can be sorted: its name in the API (?sort=name or ?sort=-name) and the SQL order
// it stands for, where '$' is replaced by ASC or DESC. A key that needs a join (a count from
// another table) names it; it is added only when that sort is asked for.
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

  // Reads ?limit=, ?cursor= and ?sort= (400/422 naming the parameter when unknown).
  PageRequest PageFrom(const std::map<std::string, std::string>& query) const;
  std::string OrderBy(const PageRequest& page) const;  // " ORDER BY ..."
  std::string_view Join(const PageRequest& page) const;
  // "name", "-name", ... for the OpenAPI document.
  std::vector<std::string> ApiValues() const;

 private:
  const SortKey& Key(const std::string& name) const;

  std::string id_column_;
  std::vector<SortKey> keys_;
  DefaultOrder default_order_;
};

template <typename T>
struct Page {
  std::vector<T> items;
  int64_t total = 0;
};

// The SQL of a list: `select` is "SELECT ... FROM ... JOIN ..." and `from` the same FROM part for
// the count ("FROM a JOIN b ON ...").
struct ListSql {
  std::string select;
  std::string from;
};

// One page of a list and the number of all rows matching the filter, in two statements.
template <typename FromRow>
auto ListPage(Connection& c, const ListSql& sql, const Filter& filter, const SortTable& sort,
              const PageRequest& page, FromRow from_row) {
  using T = decltype(from_row(std::declval<const Row&>()));
  Page<T> result;
  result.total = c.Count("SELECT COUNT(*) AS n " + sql.from + filter.Where(), filter.params());
  Params params = filter.params();
  params.Set("limit", page.limit).Set("offset", page.offset);
  for (const auto& row : c.Query(sql.select + std::string(sort.Join(page)) + filter.Where() +
                                     sort.OrderBy(page) + " LIMIT :limit OFFSET :offset",
                                 params)) {
    result.items.push_back(from_row(row));
  }
  return result;
}

// ":p0, :p1, ..." for the ids, bound into params: the IN list of a page's related rows.
std::string InList(const std::vector<int64_t>& ids, Params& params, std::string_view prefix = "p");

}  // namespace weltcampus::store
