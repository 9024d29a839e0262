#include "http/list_export.h"

#include <memory>

#include "core/date.h"
#include "core/error.h"

namespace weltcampus::http {

namespace {

// Rows of an export are read in pages this large: few statements, bounded memory.
constexpr int64_t kExportPageSize = 500;

std::string Joined(const nlohmann::json& values) {
  std::string text;
  for (const auto& value : values) {
    const std::string part = value.is_string() ? value.get<std::string>() : value.dump();
    text += (text.empty() ? "" : ", ") + part;
  }
  return text;
}

const nlohmann::json* Find(const nlohmann::json& record, std::string_view pointer) {
  try {
    const nlohmann::json::json_pointer path{std::string(pointer)};
    return record.contains(path) ? &record.at(path) : nullptr;
  } catch (const nlohmann::json::exception&) {
    return nullptr;
  }
}

interop::Cell CellOf(const nlohmann::json& record, const ExportField& field) {
  if (const auto star = field.pointer.find("/*/"); star != std::string_view::npos) {
    const nlohmann::json* array = Find(record, field.pointer.substr(0, star));
    if (array == nullptr || !array->is_array()) {
      return std::monostate{};
    }
    nlohmann::json members = nlohmann::json::array();
    for (const auto& element : *array) {
      if (const auto* member = Find(element, field.pointer.substr(star + 2))) {
        members.push_back(*member);
      }
    }
    return Joined(members);
  }
  const nlohmann::json* value = Find(record, field.pointer);
  if (value == nullptr || value->is_null()) {
    return std::monostate{};
  }
  if (value->is_boolean()) {
    return value->get<bool>();
  }
  if (value->is_number_integer()) {
    return value->get<int64_t>();
  }
  if (value->is_number()) {
    return value->get<double>();
  }
  if (value->is_string()) {
    return value->get<std::string>();
  }
  if (value->is_array()) {
    return Joined(*value);
  }
  return value->dump();
}

}  // namespace

std::optional<interop::ExportFormat> ExportFormatOf(const Request& request) {
  auto name = QueryText(request.query, "format", 10);
  if (!name) {
    return std::nullopt;
  }
  if (auto format = interop::ParseExportFormat(*name)) {
    return format;
  }
  throw ValidationError("format", "Can export as: csv, xlsx");
}

std::string_view RequestLanguage(const Request& request) {
  if (auto lang = QueryText(request.query, "lang", 5)) {
    return *lang == "de" ? "de" : "en";
  }
  // The first language the browser names decides ("de-DE,de;q=0.9,en;q=0.8").
  const std::string_view accept = request.Header("accept-language");
  return accept.starts_with("de") ? "de" : "en";
}

Response ExportResponse(const Request& request, interop::ExportFormat format, std::string_view name,
                        std::span<const ExportField> fields, PageRequest page, PageReader read_page) {
  const bool german = RequestLanguage(request) == "de";
  std::vector<interop::ExportColumn> columns;
  for (const auto& field : fields) {
    columns.push_back({std::string(german ? field.de : field.en), field.kind});
  }
  std::vector<ExportField> kept(fields.begin(), fields.end());
  page.offset = 0;
  page.after.reset();
  page.limit = kExportPageSize;
  auto state = std::make_shared<PageRequest>(page);
  auto done = std::make_shared<bool>(false);
  interop::RowSource next_rows = [state, done, kept, read_page = std::move(read_page)]() {
    std::vector<std::vector<interop::Cell>> rows;
    if (*done) {
      return rows;
    }
    const ExportPage chunk = read_page(*state);
    for (const auto& item : chunk.items) {
      std::vector<interop::Cell> row;
      row.reserve(kept.size());
      for (const auto& field : kept) {
        row.push_back(CellOf(item, field));
      }
      rows.push_back(std::move(row));
    }
    if (chunk.keyset) {
      // The next page starts after this one's last row, whatever was added or removed meanwhile.
      *done = !chunk.next_cursor;
      if (chunk.next_cursor) {
        *state = NextPageRequest(*state, *chunk.next_cursor);
      }
    } else {
      *done = static_cast<int64_t>(chunk.items.size()) < state->limit;
      state->offset += state->limit;
    }
    return rows;
  };
  auto writer = interop::TableWriter::Create(format, std::move(columns), std::string(name));
  const std::string filename = std::string(name) + "-" + Date::TodayUtc().ToString() + "." +
                               std::string(interop::FileExtension(format));
  return Response::Stream(std::string(interop::ContentType(format)),
                          interop::StreamTable(std::move(writer), std::move(next_rows)))
      .WithAttachment(filename);
}

Response RowsExport(const Request& request, interop::ExportFormat format, std::string_view name,
                    std::span<const ExportField> fields, nlohmann::json rows) {
  PageRequest all;
  all.limit = static_cast<int64_t>(rows.size()) + 1;
  return ExportResponse(request, format, name, fields, all,
                        [rows = std::move(rows)](const PageRequest& page) {
                          ExportPage chunk;
                          if (page.offset == 0) {
                            chunk.items = rows;
                          }
                          return chunk;
                        });
}

}  // namespace weltcampus::http
