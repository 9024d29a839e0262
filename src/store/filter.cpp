#include "store/filter.h"

namespace weltcampus::store {

Filter& Filter::Contains(std::string condition, std::string name,
                         const std::optional<std::string>& text) {
  if (text) {
    conditions_.push_back(std::move(condition));
    params_.Set(std::move(name), ContainsPattern(*text));
  }
  return *this;
}

std::string Filter::Where() const {
  if (conditions_.empty()) {
    return "";
  }
  std::string where = " WHERE ";
  for (size_t i = 0; i < conditions_.size(); ++i) {
    where += (i == 0 ? "" : " AND ") + conditions_[i];
  }
  return where;
}

std::string Filter::And() const {
  std::string sql;
  for (const auto& condition : conditions_) {
    sql += " AND " + condition;
  }
  return sql;
}

std::string Filter::ParamName(std::string_view column) {
  const auto dot = column.rfind('.');
  return std::string(dot == std::string_view::npos ? column : column.substr(dot + 1));
}

}  // namespace weltcampus::store
