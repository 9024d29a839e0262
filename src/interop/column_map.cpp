#include "interop/column_map.h"

#include <set>

#include "core/text.h"
#include "interop/import_report.h"

namespace weltcampus::interop {

namespace {

const ColumnSpec* FindSpec(const std::vector<ColumnSpec>& specs, std::string_view field) {
  for (const auto& spec : specs) {
    if (spec.field == field) {
      return &spec;
    }
  }
  return nullptr;
}

std::string HeaderFor(const ColumnSpec& spec, const ColumnMap& map) {
  const auto it = map.find(std::string(spec.field));
  return it == map.end() ? std::string(spec.default_header) : it->second;
}

}  // namespace

ColumnMap DefaultColumnMap(const std::vector<ColumnSpec>& specs) {
  ColumnMap map;
  for (const auto& spec : specs) {
    map.emplace(spec.field, spec.default_header);
  }
  return map;
}

std::optional<ColumnMapProblem> CheckColumnMap(const std::vector<ColumnSpec>& specs,
                                               const ColumnMap& map) {
  for (const auto& [field, header] : map) {
    if (!FindSpec(specs, field)) {
      return ColumnMapProblem{field, "Not a field of this import"};
    }
    if (CleanField(header).empty()) {
      return ColumnMapProblem{field, "Must name a column of the file"};
    }
    if (header.size() > kMaxHeaderLength) {
      return ColumnMapProblem{field, "At most 200 characters"};
    }
  }
  std::set<std::string> used;
  for (const auto& spec : specs) {
    if (!used.insert(AsciiLower(CleanField(HeaderFor(spec, map)))).second) {
      return ColumnMapProblem{std::string(spec.field), "Another field already reads this column"};
    }
  }
  return std::nullopt;
}

std::map<std::string, std::size_t> ResolveColumns(const CsvHeader& header,
                                                  const std::vector<ColumnSpec>& specs,
                                                  const ColumnMap& map) {
  std::map<std::string, std::size_t> columns;
  for (const auto& spec : specs) {
    const std::string name = CleanField(HeaderFor(spec, map));
    if (auto index = header.Find(name)) {
      columns.emplace(spec.field, *index);
    } else if (spec.required) {
      throw ImportFileError("the file has no column \"" + name + "\" (for " +
                            std::string(spec.field) + ")");
    }
  }
  return columns;
}

}  // namespace weltcampus::interop
