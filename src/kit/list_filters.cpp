#include "kit/list_filters.h"

namespace weltcampus::kit {

ListFilter Search(std::string name, std::vector<std::string> columns, size_t max_length) {
  ListFilter filter{name, {{"type", "string"}, {"maxLength", max_length}}, nullptr};
  std::string condition;
  for (const auto& column : columns) {
    condition += (condition.empty() ? "(" : " OR ") + ("lower(" + column + ") LIKE :" + name) +
                 " ESCAPE '\\'";
  }
  condition += ")";
  filter.apply = [name, condition, max_length](const Query& query, store::Filter& where) {
    where.Contains(condition, name, QueryText(query, name, max_length));
  };
  return filter;
}

ListFilter IntFilter(std::string name, std::string column, int64_t min, int64_t max) {
  ListFilter filter{name, {{"type", "integer"}, {"minimum", min}}, nullptr};
  if (max != INT64_MAX) {
    filter.schema["maximum"] = max;
  }
  filter.apply = [name, column, min, max](const Query& query, store::Filter& where) {
    where.Add(column + " = :" + name, name, QueryInt(query, name, min, max));
  };
  return filter;
}

store::Filter FilterOf(const std::vector<ListFilter>& filters, const Query& query) {
  store::Filter where;
  for (const auto& filter : filters) {
    filter.apply(query, where);
  }
  return where;
}

}  // namespace weltcampus::kit
