#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/enum_table.h"

namespace weltcampus {

// The paging and sorting part of a list request: ?limit=&cursor=&sort=. A cursor is either the
// last row's sort values and id (keyset paging: `after`, from store::ListPage) or, for lists that
// are not read through it, the number of rows to skip.
struct PageRequest {
  int64_t limit = 50;
  int64_t offset = 0;
  // {"s": sort, "d": descending, "k": [the last row's sort values..., its id]}
  std::optional<nlohmann::json> after;
  std::string sort;  // one of the allowed names
  bool descending = false;
  // The reader's language, one of kSortLanguages (core/collation.h): a sort by a name that differs
  // between languages (a country's) follows it. A key cursor names it ("l").
  std::string language = "en";

  // Validates against the sortable fields; the first one is the default.
  static PageRequest FromQuery(const std::map<std::string, std::string>& query,
                               std::span<const std::string_view> sortable);
  std::optional<std::string> NextCursor(int64_t total) const;
};

// The cursor of the page after a row with these sort values and id (the "k" of `after`).
std::string KeyCursor(const PageRequest& page, nlohmann::json keys);
// The request for the page after one that answered `next_cursor` (a key cursor, or rows to skip):
// the same sort and limit, for reading a whole list page by page (exports, all entries of a kind).
PageRequest NextPageRequest(PageRequest page, const std::string& next_cursor);

// Optional filters from the query string, validated the same way as bodies.
std::optional<std::string> QueryText(const std::map<std::string, std::string>& query,
                                     const std::string& name, size_t max_length);
std::optional<int64_t> QueryInt(const std::map<std::string, std::string>& query,
                                const std::string& name, int64_t min, int64_t max);
std::optional<bool> QueryBool(const std::map<std::string, std::string>& query,
                              const std::string& name);
std::optional<std::string> QueryEnum(const std::map<std::string, std::string>& query,
                                     const std::string& name,
                                     std::span<const std::string_view> allowed);
// A filter naming a value of an enumeration; refused with the same message as above.
template <typename E, std::size_t N>
std::optional<E> QueryEnum(const std::map<std::string, std::string>& query, const std::string& name,
                           const EnumTable<E, N>& table) {
  const auto text = QueryEnum(query, name, table.names());
  return text ? table.Parse(*text) : std::nullopt;
}

}  // namespace weltcampus
