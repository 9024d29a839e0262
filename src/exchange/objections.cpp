#include "exchange/objections.h"

#include <chrono>

#include "core/json_schema.h"

// The objection period (pure) and objections as JSON with their schemas.
namespace weltcampus::exchange {

namespace {

Date DateOf(const std::string& timestamp) {
  return Date::Parse(std::string_view(timestamp).substr(0, 10)).value_or(Date{});
}

nlohmann::json TextOrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

namespace js = json_schema;

nlohmann::json NullableEnum(nlohmann::json values) {
  values.push_back(nullptr);
  return {{"type", {"string", "null"}}, {"enum", values}};
}

// What the student sees of one objection: their text, its state and the answer.
nlohmann::json OwnJson(const Objection& o) {
  return {{"id", o.id},
          {"text", o.text},
          {"created_at", o.created_at},
          {"status", kObjectionStatusTable.Name(o.status)},
          {"decision", o.decision ? nlohmann::json(kObjectionDecisionTable.Name(*o.decision))
                                  : nlohmann::json()},
          {"answer", TextOrNull(o.answer)},
          {"answered_at", TextOrNull(o.answered_at)}};
}

nlohmann::json OwnProperties() {
  return {{"id", js::Id()},
          {"text", js::Text()},
          {"created_at", js::Text()},
          {"status", {{"type", "string"}, {"enum", kObjectionStatusTable.Json()}}},
          {"decision", NullableEnum(kObjectionDecisionTable.Json())},
          {"answer", js::NullableText()},
          {"answered_at", js::NullableText()}};
}

}  // namespace

Date ObjectionUntil(const std::string& published_at, int64_t objection_days) {
  const Date published = DateOf(published_at);
  const auto day =
      std::chrono::sys_days(std::chrono::year(published.year) / published.month / published.day) +
      std::chrono::days(objection_days);
  const std::chrono::year_month_day ymd(day);
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool InObjectionPeriod(const std::string& published_at, Date until, Date today) {
  return DateOf(published_at) <= today && today <= until;
}

nlohmann::json ToJson(const Objection& o) {
  auto json = OwnJson(o);
  json["run_id"] = o.run_id;
  json["call_id"] = o.call_id;
  json["round"] = o.round;
  json["application_id"] = o.application_id;
  json["student"] = {{"matriculation_number", o.matriculation_number},
                     {"family_name", o.family_name},
                     {"given_name", o.given_name}};
  json["score"] = o.score;
  json["partner_name"] = TextOrNull(o.partner_name);
  json["preference_rank"] =
      o.preference_rank ? nlohmann::json(*o.preference_rank) : nlohmann::json();
  json["answered_by"] = TextOrNull(o.answered_by_name);
  json["version"] = o.version;
  return json;
}

NamedSchema ObjectionSchema() {
  auto properties = OwnProperties();
  properties["run_id"] = js::Id();
  properties["call_id"] = js::Id();
  properties["round"] = js::Id();
  properties["application_id"] = js::Id();
  properties["student"] = js::Closed({{"matriculation_number", js::Text()},
                                      {"family_name", js::Text()},
                                      {"given_name", js::Text()}});
  properties["score"] = {{"type", "number"}};
  properties["partner_name"] = js::NullableText();
  properties["preference_rank"] = js::Nullable(js::Id());
  properties["answered_by"] = js::NullableText();
  properties["version"] = js::Id();
  return {"AllocationObjection", js::Closed(properties)};
}

nlohmann::json ToJson(const MyObjections& mine) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& objection : mine.items) {
    items.push_back(OwnJson(objection));
  }
  return {{"until", mine.until}, {"can_object", mine.can_object}, {"items", items}};
}

nlohmann::json MyObjectionsSchema() {
  const nlohmann::json mine = js::Closed({{"until", {{"type", "string"}, {"format", "date"}}},
                                          {"can_object", js::Bool()},
                                          {"items", js::ArrayOf(js::Closed(OwnProperties()))}});
  return {{"anyOf", {mine, {{"type", "null"}}}}};
}

nlohmann::json ObjectionEnumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kObjectionStatusTable.api_name())] = kObjectionStatusTable.Json();
  values[std::string(kObjectionDecisionTable.api_name())] = kObjectionDecisionTable.Json();
  return {{"enumerations", values}};
}

}  // namespace weltcampus::exchange
