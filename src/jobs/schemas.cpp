#include "jobs/schemas.h"

namespace weltcampus::jobs {

namespace {

nlohmann::json Nullable(nlohmann::json schema) {
  schema["type"] = {schema["type"], "null"};
  return schema;
}

nlohmann::json Object(nlohmann::json properties) {
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [name, schema] : properties.items()) {
    required.push_back(name);
  }
  return {{"type", "object"},
          {"properties", std::move(properties)},
          {"required", std::move(required)},
          {"additionalProperties", false}};
}

}  // namespace

NamedSchema JobSchema() {
  const nlohmann::json text = {{"type", "string"}};
  const nlohmann::json count = {{"type", "integer"}, {"minimum", 0}};
  return {"Job",
          Object({{"id", {{"type", "integer"}, {"minimum", 1}}},
                  {"kind", text},
                  {"status",
                   {{"type", "string"},
                    {"enum", {"queued", "running", "succeeded", "failed", "cancelled"}}}},
                  {"params", {{"type", "object"}}},
                  {"progress", Object({{"done", count}, {"total", count}})},
                  {"message", Nullable(text)},
                  {"result", nlohmann::json::object()},
                  {"cancel_requested", {{"type", "boolean"}}},
                  {"created_by", Nullable({{"type", "integer"}})},
                  {"created_at", text},
                  {"started_at", Nullable(text)},
                  {"finished_at", Nullable(text)},
                  {"updated_at", text},
                  {"has_report", {{"type", "boolean"}}},
                  {"report_url", Nullable(text)}})};
}

NamedSchema ImportColumnsSchema() {
  const nlohmann::json map = {{"type", "object"}, {"additionalProperties", {{"type", "string"}}}};
  return {"ImportColumns",
          Object({{"kind", {{"type", "string"}}},
                  {"format", {{"type", "string"}, {"enum", {"csv", "json"}}}},
                  {"fields",
                   {{"type", "array"},
                    {"items", Object({{"field", {{"type", "string"}}},
                                      {"default_column", {{"type", "string"}}},
                                      {"required", {{"type", "boolean"}}}})}}},
                  {"default_columns", map},
                  {"columns", map},
                  {"remembered", {{"type", "boolean"}}}})};
}

NamedSchema ImportHeaderSchema() {
  return {"ImportHeader",
          Object({{"kind", {{"type", "string"}}},
                  {"format", {{"type", "string"}, {"enum", {"csv", "xlsx"}}}},
                  {"columns", {{"type", "array"}, {"items", {{"type", "string"}}}}}})};
}

}  // namespace weltcampus::jobs
