#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interop/csv_reader.h"

namespace weltcampus::interop {

// One field an import reads from a CSV file, and the column header that holds it by default.
struct ColumnSpec {
  std::string_view field;           // "erasmus_code"
  std::string_view default_header;  // "Erasmus Code"
  bool required = true;
};

// Which file column holds which field: field -> column header. Fields not in the map are read
// from their default header.
using ColumnMap = std::map<std::string, std::string>;

inline constexpr std::size_t kMaxHeaderLength = 200;

// The defaults of a list of fields as a map.
ColumnMap DefaultColumnMap(const std::vector<ColumnSpec>& specs);

// Checks a map against the fields (unknown field, blank or overlong header, two fields from one
// column): the message names what is wrong; nullopt when the map is fine.
struct ColumnMapProblem {
  std::string field;
  std::string message;
};
std::optional<ColumnMapProblem> CheckColumnMap(const std::vector<ColumnSpec>& specs,
                                               const ColumnMap& map);

// The position of every field's column in a header record (an optional field whose column is
// missing is absent). Throws ImportFileError naming the first required column the file lacks.
std::map<std::string, std::size_t> ResolveColumns(const CsvHeader& header,
                                                  const std::vector<ColumnSpec>& specs,
                                                  const ColumnMap& map);

}  // namespace weltcampus::interop
