#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/paging.h"
#include "http/message.h"
#include "http/responses.h"
#include "interop/table_export.h"
#include "store/list_query.h"

namespace weltcampus::http {

// One column of a list's export: where its value is in the record's JSON (a JSON pointer such as
// "/institution/name"; "/roles/*/role" joins a member of every element of an array), its header
// in English and German, and its kind.
struct ExportField {
  std::string_view pointer;
  std::string_view en;
  std::string_view de;
  interop::CellKind kind = interop::CellKind::kText;
};

// ?format=csv or ?format=xlsx; nullopt without ?format= (the JSON page). Any other value is a 422
// naming `format`.
std::optional<interop::ExportFormat> ExportFormatOf(const Request& request);

// "de" when the request asks for German (?lang=de, or Accept-Language preferring de), else "en".
std::string_view RequestLanguage(const Request& request);

// Reads one page of a list as JSON items; an empty answer ends the export.
using PageReader = std::function<nlohmann::json(const PageRequest& page)>;

// The whole list, read page by page with the list's own filter and sort, as a CSV or XLSX file
// streamed to the client ("<name>-<date>.<ext>"). The pages are read on the worker pool, each with
// a database session of its own, so a slow download holds no session.
Response ExportResponse(const Request& request, interop::ExportFormat format, std::string_view name,
                        std::span<const ExportField> fields, PageRequest page, PageReader read_page);

// A list route's answer: its JSON page, or with ?format= the export of all its rows.
// `read_page(page)` answers a store::Page<T> of records with a ToJson.
template <typename ReadPage>
Response ListOrExport(const Request& request, const PageRequest& page, std::string_view name,
                      std::span<const ExportField> fields, ReadPage read_page) {
  if (auto format = ExportFormatOf(request)) {
    return ExportResponse(request, *format, name, fields, page, [read_page](const PageRequest& p) {
      nlohmann::json items = nlohmann::json::array();
      for (const auto& record : read_page(p).items) {
        items.push_back(ToJson(record));
      }
      return items;
    });
  }
  return PageResponse(read_page(page), page);
}

// A short list that is never paged: all of it as JSON, or with ?format= as a file.
template <typename T>
Response AllOrExport(const Request& request, std::string_view name, std::span<const ExportField> fields,
                     const std::vector<T>& records) {
  if (auto format = ExportFormatOf(request)) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& record : records) {
      items.push_back(ToJson(record));
    }
    PageRequest all;
    all.limit = static_cast<int64_t>(items.size()) + 1;
    return ExportResponse(request, *format, name, fields, all,
                          [items = std::move(items)](const PageRequest& page) {
                            return page.offset == 0 ? items : nlohmann::json::array();
                          });
  }
  return AllResponse(records);
}

}  // namespace weltcampus::http
