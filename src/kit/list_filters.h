#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/enum_table.h"
#include "core/paging.h"
#include "store/filter.h"

namespace weltcampus::kit {

using Query = std::map<std::string, std::string>;

// One filter of a list: its query parameter, that parameter's schema for the OpenAPI document, and
// how a value narrows the list's SQL (bound as a parameter, never spliced). A value that does not
// fit the schema is refused with 422 naming the parameter.
struct ListFilter {
  std::string name;
  nlohmann::json schema;
  std::function<void(const Query& query, store::Filter& where)> apply;
};

// ?<name>=text: the records whose columns contain the text, case-folded.
ListFilter Search(std::string name, std::vector<std::string> columns, size_t max_length);

// ?<name>=n: the records whose column equals n.
ListFilter IntFilter(std::string name, std::string column, int64_t min, int64_t max);

// ?<name>=2027/2028: the records whose column holds the academic year (kept as the calendar year it
// starts in), as the partner register's lists take it.
ListFilter AcademicYearFilter(std::string name, std::string column);

// ?<name>=value: the records whose column holds this value of the enumeration.
template <typename E, std::size_t N>
ListFilter EnumFilter(std::string name, std::string column, const EnumTable<E, N>& table) {
  ListFilter filter{name, {{"type", "string"}, {"enum", table.Json()}}, nullptr};
  filter.apply = [name, column, table](const Query& query, store::Filter& where) {
    const auto value = QueryEnum(query, name, table);
    where.Add(column + " = :" + name, name,
              value ? std::optional<std::string>(table.Name(*value)) : std::nullopt);
  };
  return filter;
}

// The SQL filter of a request: every filter of the list applied to its query.
store::Filter FilterOf(const std::vector<ListFilter>& filters, const Query& query);

}  // namespace weltcampus::kit
