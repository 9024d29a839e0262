#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/json_writer.h"
#include "core/paging.h"
#include "http/message.h"
#include "store/list_query.h"

namespace weltcampus::http {

// The answers every module gives the same way. A record type T has `id`, `version` and either
// WriteJson(const T&, JsonWriter&), which writes it as text (the record kit's types, through their
// RecordSchema), or ToJson(const T&); both are found by argument-dependent lookup.

template <typename T>
concept WritesJsonText = requires(const T& record, JsonWriter& out) {
  WriteJson(record, out);
};

template <typename T>
void WriteRecord(const T& record, JsonWriter& out) {
  if constexpr (WritesJsonText<T>) {
    WriteJson(record, out);
  } else {
    out.Value(ToJson(record));
  }
}

template <typename T>
std::string RecordText(const T& record) {
  std::string text;
  JsonWriter out(text);
  WriteRecord(record, out);
  return text;
}

// 200 with the record and its version as ETag.
template <typename T>
Response RecordResponse(const T& record) {
  return Response::JsonText(200, RecordText(record)).WithVersion(record.version);
}

// 201 with the record, its ETag and Location: collection/id.
template <typename T>
Response CreatedResponse(const T& record, const std::string& collection) {
  return Response::JsonText(201, RecordText(record))
      .WithVersion(record.version)
      .WithHeader("Location", collection + "/" + std::to_string(record.id));
}

// {"items": [...], "next_cursor": ..., "total": n}, each item written straight as text.
template <typename T>
Response ItemsResponse(const std::vector<T>& items, const std::optional<std::string>& next_cursor,
                       int64_t total) {
  std::string text;
  text.reserve(1024 * items.size() + 64);
  JsonWriter out(text);
  out.BeginObject().Key("items").BeginArray();
  for (const auto& item : items) {
    WriteRecord(item, out);
  }
  out.EndArray().Key("next_cursor").Value(next_cursor).Key("total").Int(total).EndObject();
  return Response::JsonText(200, std::move(text));
}

// One page of a list.
template <typename T>
Response PageResponse(const store::Page<T>& page, const PageRequest& request) {
  return ItemsResponse(page.items, page.keyset ? page.next_cursor : request.NextCursor(page.total),
                       page.total);
}

// A short list that is never paged, in the same shape as a page.
template <typename T>
Response AllResponse(const std::vector<T>& records) {
  return ItemsResponse(records, std::nullopt, static_cast<int64_t>(records.size()));
}

}  // namespace weltcampus::http
