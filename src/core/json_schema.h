#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <utility>

// Small builders for hand-written JSON Schemas (bodies that are not records: sessions, jobs, the
// audit log). Records get theirs from their field definitions (core/record_schema.h).
namespace weltcampus::json_schema {

using Json = nlohmann::json;

inline Json Text() { return {{"type", "string"}}; }
inline Json Text(std::size_t max_length) { return {{"type", "string"}, {"maxLength", max_length}}; }
inline Json NullableText() { return {{"type", {"string", "null"}}}; }
inline Json Id() { return {{"type", "integer"}, {"minimum", 1}}; }
inline Json NullableId() { return {{"type", {"integer", "null"}}, {"minimum", 1}}; }
inline Json Count() { return {{"type", "integer"}, {"minimum", 0}}; }
inline Json Bool() { return {{"type", "boolean"}}; }
inline Json ArrayOf(Json item) { return {{"type", "array"}, {"items", std::move(item)}}; }

// The same schema, also allowing null.
inline Json Nullable(Json schema) {
  schema["type"] = {schema["type"], "null"};
  return schema;
}

// An object with every property present, nothing else.
inline Json Closed(Json properties) {
  Json required = Json::array();
  for (const auto& [key, value] : properties.items()) {
    required.push_back(key);
  }
  return {{"type", "object"},
          {"required", std::move(required)},
          {"additionalProperties", false},
          {"properties", std::move(properties)}};
}

// An input object: these properties, of which `required` must be given.
inline Json Input(Json properties, Json required) {
  Json schema = {{"type", "object"}, {"properties", std::move(properties)}};
  if (!required.empty()) {
    schema["required"] = std::move(required);
  }
  return schema;
}

}  // namespace weltcampus::json_schema
