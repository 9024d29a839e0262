#include "store/list_query.h"

#include <stdexcept>

#include "core/error.h"

namespace weltcampus::store {

SortTable::SortTable(std::string id_column, std::vector<SortKey> keys, DefaultOrder default_order)
    : id_column_(std::move(id_column)), keys_(std::move(keys)), default_order_(default_order) {
  if (keys_.empty()) {
    throw std::logic_error("a sort table needs at least one key");
  }
}

const SortKey& SortTable::Key(const std::string& name) const {
  for (const auto& key : keys_) {
    if (key.name == name) {
      return key;
    }
  }
  return keys_.front();
}

PageRequest SortTable::PageFrom(const std::map<std::string, std::string>& query) const {
  std::vector<std::string_view> names;
  for (const auto& key : keys_) {
    names.push_back(key.name);
  }
  auto page = PageRequest::FromQuery(query, names);
  if (default_order_ == DefaultOrder::kDescending && !query.contains("sort")) {
    page.descending = true;
  }
  return page;
}

std::string SortTable::OrderBy(const PageRequest& page) const {
  const std::string direction = page.descending ? "DESC" : "ASC";
  std::string order;
  for (char c : Key(page.sort).order) {
    if (c == '$') {
      order += direction;
    } else {
      order += c;
    }
  }
  return " ORDER BY " + order + ", " + id_column_ + " " + direction;
}

std::string_view SortTable::Join(const PageRequest& page) const { return Key(page.sort).join; }

std::vector<std::string> SortTable::ApiValues() const {
  std::vector<std::string> values;
  for (const auto& key : keys_) {
    values.emplace_back(key.name);
    values.push_back("-" + std::string(key.name));
  }
  return values;
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
