#include "exchange/allocation_runs_service.h"
#include "exchange/funding_ranking.h"
#include "exchange/funding_runs.h"

// Runs, results and a student's result as JSON, with their schemas for the OpenAPI document.
namespace weltcampus::exchange {

namespace {

nlohmann::json TextOrNull(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json IntOrNull(const std::optional<int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json PlaceOf(const RunResult& result) {
  if (!result.offer_id) {
    return nullptr;
  }
  return {{"id", *result.offer_id},
          {"partner_name", result.partner_name},
          {"term", result.term ? nlohmann::json(kOfferTermTable.Name(*result.term)) : nullptr}};
}

nlohmann::json ExplanationOf(const RunResult& result) {
  auto parsed = nlohmann::json::parse(result.explanation, nullptr, false);
  return parsed.is_array() ? parsed : nlohmann::json::array();
}

nlohmann::json ResponseOf(const RunResult& result) {
  return result.response ? nlohmann::json(kPlaceResponseTable.Name(*result.response)) : nullptr;
}

const nlohmann::json kInteger = {{"type", "integer"}};
const nlohmann::json kText = {{"type", "string"}};
const nlohmann::json kNullableText = {{"type", {"string", "null"}}};
const nlohmann::json kNullableInteger = {{"type", {"integer", "null"}}};

nlohmann::json Object(const nlohmann::json& properties) {
  nlohmann::json required = nlohmann::json::array();
  for (const auto& [key, value] : properties.items()) {
    required.push_back(key);
  }
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", required},
          {"properties", properties}};
}

nlohmann::json PlaceOfferSchema() {
  const nlohmann::json offer =
      Object({{"id", kInteger},
              {"partner_name", kText},
              {"term", {{"type", "string"}, {"enum", kOfferTermTable.Json()}}}});
  return {{"anyOf", {offer, {{"type", "null"}}}}};
}

nlohmann::json ExplanationSchema() {
  const nlohmann::json entry = Object(
      {{"rank", kInteger},
       {"offer_id", kInteger},
       {"partner_name", kText},
       {"term", {{"type", "string"}, {"enum", kOfferTermTable.Json()}}},
       {"reason", {{"type", "string"}, {"enum", {"offer_full", "partner_full", "not_eligible"}}}},
       {"cutoff", {{"type", {"number", "null"}}}},
       {"own", {{"type", "number"}}},
       {"lost_on_lottery", {{"type", "boolean"}}}});
  return {{"type", "array"}, {"items", entry}};
}

nlohmann::json ResponseSchema() {
  nlohmann::json values = kPlaceResponseTable.Json();
  values.push_back(nullptr);
  return {{"type", {"string", "null"}}, {"enum", values}};
}

}  // namespace

nlohmann::json ToJson(const AllocationRun& run) {
  return {{"id", run.id},
          {"call_id", run.call_id},
          {"round", run.round},
          {"status", kRunStatusTable.Name(run.status)},
          {"seed", std::to_string(run.seed)},
          {"applicants", run.applicants},
          {"placed", run.placed},
          {"offers", run.offers},
          {"places", run.places},
          {"created_by", run.created_by_name},
          {"created_by_user_id", run.created_by ? nlohmann::json(*run.created_by) : nullptr},
          {"created_at", run.created_at},
          {"signed_off_by", TextOrNull(run.signed_off_by_name)},
          {"signed_off_at", TextOrNull(run.signed_off_at)},
          {"published_at", TextOrNull(run.published_at)},
          {"accept_by", TextOrNull(run.accept_by)},
          {"funding", FundingOfRun(run)},
          {"version", run.version}};
}

NamedSchema AllocationRunSchema() {
  return {
      "AllocationRun",
      Object({{"id", kInteger},
              {"call_id", kInteger},
              {"round", kInteger},
              {"status", {{"type", "string"}, {"enum", kRunStatusTable.Json()}}},
              {"seed", {{"type", "string"}, {"pattern", "^[0-9]+$"}}},
              {"applicants", kInteger},
              {"placed", kInteger},
              {"offers", kInteger},
              {"places", kInteger},
              {"created_by", kText},
              {"created_by_user_id",
               {{"type", {"integer", "null"}},
                {"description",
                 "The account that started the run (null: the system); it cannot sign it off"}}},
              {"created_at", kText},
              {"signed_off_by", kNullableText},
              {"signed_off_at", kNullableText},
              {"published_at", kNullableText},
              {"accept_by", kNullableText},
              {"funding", FundingOfRunSchema()},
              {"version", kInteger}})};
}

nlohmann::json ToJson(const RunResult& result) {
  return {{"application_id", result.application_id},
          {"student",
           {{"matriculation_number", result.matriculation_number},
            {"family_name", result.family_name},
            {"given_name", result.given_name}}},
          {"score", result.score},
          {"offer", PlaceOf(result)},
          {"preference_rank", IntOrNull(result.preference_rank)},
          {"explanation", ExplanationOf(result)},
          {"funding", FundingOfResult(result)},
          {"response", ResponseOf(result)}};
}

NamedSchema AllocationResultSchema() {
  return {"AllocationResult", Object({{"application_id", kInteger},
                                      {"student", Object({{"matriculation_number", kText},
                                                          {"family_name", kText},
                                                          {"given_name", kText}})},
                                      {"score", {{"type", "number"}}},
                                      {"offer", PlaceOfferSchema()},
                                      {"preference_rank", kNullableInteger},
                                      {"explanation", ExplanationSchema()},
                                      {"funding", FundingOfResultSchema()},
                                      {"response", ResponseSchema()}})};
}

nlohmann::json ToJson(const MyResult& mine) {
  return {{"run_id", mine.run.id},
          {"round", mine.run.round},
          {"published_at", TextOrNull(mine.run.published_at)},
          {"score", mine.result.score},
          {"offer", PlaceOf(mine.result)},
          {"preference_rank", IntOrNull(mine.result.preference_rank)},
          {"explanation", ExplanationOf(mine.result)},
          {"funding", FundingOfResult(mine.result)},
          {"response", ResponseOf(mine.result)},
          {"accept_by", TextOrNull(mine.run.accept_by)},
          {"can_respond", mine.can_respond}};
}

nlohmann::json MyResultSchema() {
  const nlohmann::json result = Object({{"run_id", kInteger},
                                        {"round", kInteger},
                                        {"published_at", kNullableText},
                                        {"score", {{"type", "number"}}},
                                        {"offer", PlaceOfferSchema()},
                                        {"preference_rank", kNullableInteger},
                                        {"explanation", ExplanationSchema()},
                                        {"funding", FundingOfResultSchema()},
                                        {"response", ResponseSchema()},
                                        {"accept_by", kNullableText},
                                        {"can_respond", {{"type", "boolean"}}}});
  return {{"anyOf", {result, {{"type", "null"}}}}};
}

nlohmann::json AllocationRunEnumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kRunStatusTable.api_name())] = kRunStatusTable.Json();
  values[std::string(kPlaceResponseTable.api_name())] = kPlaceResponseTable.Json();
  values[std::string(kFundingStatusTable.api_name())] = kFundingStatusTable.Json();
  return {{"enumerations", values}};
}

}  // namespace weltcampus::exchange
