#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/paging.h"
#include "http/message.h"
#include "store/list_query.h"

namespace weltcampus::http {

// The answers every module gives the same way. A record type T has `id`, `version` and a
// ToJson(const T&) found by argument-dependent lookup.

// 200 with the record and its version as ETag.
template <typename T>
Response RecordResponse(const T& record) {
  return Response::Json(200, ToJson(record)).WithVersion(record.version);
}

// 201 with the record, its ETag and Location: collection/id.
template <typename T>
Response CreatedResponse(const T& record, const std::string& collection) {
  return Response::Json(201, ToJson(record))
      .WithVersion(record.version)
      .WithHeader("Location", collection + "/" + std::to_string(record.id));
}

// One page of a list: {"items": [...], "next_cursor": ..., "total": n}.
template <typename T>
Response PageResponse(const store::Page<T>& page, const PageRequest& request) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : page.items) {
    items.push_back(ToJson(item));
  }
  return Response::Json(200, page.keyset ? PageJson(std::move(items), page.next_cursor, page.total)
                                         : PageJson(std::move(items), request, page.total));
}

// A short list that is never paged, in the same shape as a page.
template <typename T>
Response AllResponse(const std::vector<T>& records) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& record : records) {
    items.push_back(ToJson(record));
  }
  const auto total = static_cast<int64_t>(records.size());
  return Response::Json(200, {{"items", std::move(items)}, {"next_cursor", nullptr}, {"total", total}});
}

}  // namespace weltcampus::http
