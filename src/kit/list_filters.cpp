#include "kit/list_filters.h"

#include "core/academic_year.h"
#include "core/error.h"

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

ListFilter AcademicYearFilter(std::string name, std::string column) {
  ListFilter filter{name,
                    {{"type", "string"},
                     {"pattern", std::string(AcademicYear::kPattern)},
                     {"description", std::string(AcademicYear::kDescription)}},
                    nullptr};
  filter.apply = [name, column](const Query& query, store::Filter& where) {
    std::optional<int64_t> year;
    if (const auto text = QueryText(query, name, AcademicYear::kMaxInput)) {
      const auto parsed = AcademicYear::Parse(*text);
      if (!parsed) {
        throw ValidationError(name, "Must be an academic year such as 2027/2028");
      }
      year = parsed->first_calendar_year();
    }
    where.Add(column + " = :" + name, name, year);
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
