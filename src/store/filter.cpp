#include "store/filter.h"

#include <algorithm>

#include "core/text.h"

namespace weltcampus::store {

Filter& Filter::Contains(std::string condition, std::string name,
                         const std::optional<std::string>& text) {
  if (text) {
    conditions_.push_back(std::move(condition));
    params_.Set(std::move(name), ContainsPattern(*text)).PlanForValues();
  }
  return *this;
}

Filter& Filter::IndexedContains(Backend backend, std::string like_condition,
                                std::string fts_condition, std::string name,
                                const std::optional<std::string>& text) {
  if (!text) {
    return *this;
  }
  const std::string folded = FoldForSearch(*text);
  // Characters, not bytes: a trigram is three characters.
  const auto characters = std::count_if(folded.begin(), folded.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (backend != Backend::kSqlite || characters < 3) {
    conditions_.push_back(std::move(like_condition));
    params_.Set(std::move(name), SearchPattern(*text)).PlanForValues();
    return *this;
  }
  std::string phrase = "\"";
  for (char c : folded) {
    phrase += c;
    if (c == '"') {
      phrase += '"';
    }
  }
  phrase += '"';
  scan_ = Scan{conditions_.size(), std::move(like_condition), name, SearchPattern(*text)};
  conditions_.push_back(std::move(fts_condition));
  params_.Set(std::move(name), std::move(phrase));
  return *this;
}

std::optional<Filter> Filter::ScanAlternative() const {
  if (!scan_) {
    return std::nullopt;
  }
  Filter scan;
  scan.conditions_ = conditions_;
  scan.conditions_[scan_->condition] = scan_->like_condition;
  for (const auto& entry : params_.entries()) {
    scan.params_.SetStored(entry.name,
                           entry.name == scan_->name ? StoredValue(scan_->pattern) : entry.value);
  }
  return scan;
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
