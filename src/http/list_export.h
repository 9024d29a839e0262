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

// One page of a list for an export: its items as JSON and, for a list paged by keys, the cursor of
// the page after it (none at the end). A page without `keyset` is followed by skipping rows, and
// one shorter than the limit ends the export.
struct ExportPage {
  nlohmann::json items = nlohmann::json::array();
  bool keyset = false;
  std::optional<std::string> next_cursor;
};
using PageReader = std::function<ExportPage(const PageRequest& page)>;

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
      auto result = read_page(p);
      ExportPage page;
      for (const auto& record : result.items) {
        page.items.push_back(ToJson(record));
      }
      page.keyset = result.keyset;
      page.next_cursor = std::move(result.next_cursor);
      return page;
    });
  }
  return PageResponse(read_page(page), page);
}

// Rows already in memory (a JSON array of objects, e.g. a report flattened to one row per partner
// and year) as a CSV or XLSX file.
Response RowsExport(const Request& request, interop::ExportFormat format, std::string_view name,
                    std::span<const ExportField> fields, nlohmann::json rows);

// A short list that is never paged: all of it as JSON, or with ?format= as a file.
template <typename T>
Response AllOrExport(const Request& request, std::string_view name, std::span<const ExportField> fields,
                     const std::vector<T>& records) {
  if (auto format = ExportFormatOf(request)) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& record : records) {
      items.push_back(ToJson(record));
    }
    return RowsExport(request, *format, name, fields, std::move(items));
  }
  return AllResponse(records);
}

}  // namespace weltcampus::http
