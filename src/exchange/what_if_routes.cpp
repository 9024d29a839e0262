#include "core/json_input.h"
#include "core/json_schema.h"
#include "core/paging.h"
#include "exchange/allocation_results_export.h"
#include "exchange/permissions.h"
#include "exchange/what_if.h"
#include "http/list_export.h"

// The routes of what-ifs on a stored run (docs/allocation.md "What if, on a stored run"). They
// name students: exchange:allocate (the international office).
namespace weltcampus::exchange {

namespace {

nlohmann::json OfferIdOrNull(const std::optional<int64_t>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json();
}

nlohmann::json MovesJson(const std::vector<RunMove>& moves) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& move : moves) {
    out.push_back({{"application_id", move.application_id},
                   {"student",
                    {{"matriculation_number", move.student.matriculation_number},
                     {"family_name", move.student.family_name},
                     {"given_name", move.student.given_name}}},
                   {"from_offer_id", OfferIdOrNull(move.from_offer_id)},
                   {"to_offer_id", OfferIdOrNull(move.to_offer_id)}});
  }
  return out;
}

nlohmann::json MovesSchema() {
  using json_schema::Closed;
  using json_schema::Text;
  return json_schema::ArrayOf(Closed({{"application_id", json_schema::Id()},
                                      {"student", Closed({{"matriculation_number", Text()},
                                                          {"family_name", Text()},
                                                          {"given_name", Text()}})},
                                      {"from_offer_id", json_schema::NullableId()},
                                      {"to_offer_id", json_schema::NullableId()}}));
}

NamedSchema WhatIfInputSchema() {
  const nlohmann::json id = {{"type", "integer"}, {"minimum", 1}};
  nlohmann::json schema = json_schema::Input(
      {{"offer_id", id},
       {"partnership_id", id},
       {"places", {{"type", "integer"}, {"minimum", 1}, {"maximum", kMaxWhatIfPlaces}}}},
      {"places"});
  schema["description"] =
      "k more places at one offer of the run (offer_id) or at one partnership (partnership_id: "
      "a cap over its offers in the run of their places plus k, each offer allowed up to k more; "
      "the allocation decides which take them). Exactly one of offer_id and partnership_id.";
  return {"WhatIfInput", std::move(schema)};
}

NamedSchema WhatIfSchema() {
  using json_schema::Count;
  nlohmann::json schema = json_schema::Closed({{"run_id", json_schema::Id()},
                                               {"newly_placed", Count()},
                                               {"improved", Count()},
                                               {"worse", Count()},
                                               {"moves", MovesSchema()}});
  schema["description"] =
      "The run solved again with the extra places, compared with its own allocation: who had no "
      "place and gets one (newly_placed), who gets a place ranked higher (improved) or lower "
      "(worse, 0 in theory: reported, not assumed); moves: every applicant whose place changes "
      "(offer ids, null for none).";
  return {"WhatIfResult", std::move(schema)};
}

NamedSchema OneMorePlaceSchema() {
  using json_schema::Count;
  nlohmann::json schema = json_schema::Closed(
      {{"run_id", json_schema::Id()},
       {"items",
        json_schema::ArrayOf(json_schema::Closed({{"offer_id", json_schema::Id()},
                                                  {"partner_name", json_schema::Text()},
                                                  {"term", {{"enum", kOfferTermTable.Json()}}},
                                                  {"newly_placed", Count()},
                                                  {"improved", Count()},
                                                  {"moves", MovesSchema()}}))}});
  schema["description"] =
      "The offers where one more place would place the most applicants without a place, then "
      "improve the most; only offers where it changes something, at most `limit`; moves as in "
      "WhatIfResult.";
  return {"OneMorePlace", std::move(schema)};
}

}  // namespace

void RegisterWhatIfRoutes(http::Router& router, store::Database& database) {
  router
      .Add("POST", "/api/v1/allocation-runs/{id}/what-if", kAllocate,
           "What if an offer or a partner of a stored run had k more places: who would move",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             const auto body = request.JsonBody();
             const JsonInput input(body);
             WhatIfRequest what;
             what.offer_id = input.OptionalInt("offer_id", 1, INT64_MAX);
             what.partnership_id = input.OptionalInt("partnership_id", 1, INT64_MAX);
             what.places = input.RequiredInt("places", 1, kMaxWhatIfPlaces);
             const auto result = WhatIfOnRun(database, id, what);
             return http::Response::Json(200, {{"run_id", result.run_id},
                                               {"newly_placed", result.newly_placed},
                                               {"improved", result.improved},
                                               {"worse", result.worse},
                                               {"moves", MovesJson(result.moves)}});
           })
      .Accepts(WhatIfInputSchema())
      .Returns(200, WhatIfSchema())
      .Fails({404});

  router
      .Add("GET", "/api/v1/allocation-runs/{id}/one-more-place", kAllocate,
           "Where one more place would help most in a stored run, with who would move; "
           "?format=csv or xlsx exports a row per offer",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             const auto limit =
                 QueryInt(request.query, "limit", 1, kMaxOneMorePlaceItems).value_or(20);
             const auto items = OneMorePlaceOnRun(database, id, static_cast<size_t>(limit));
             nlohmann::json out = nlohmann::json::array();
             for (const auto& item : items) {
               out.push_back({{"offer_id", item.offer_id},
                              {"partner_name", item.partner_name},
                              {"term", kOfferTermTable.Name(item.term)},
                              {"newly_placed", item.newly_placed},
                              {"improved", item.improved},
                              {"moves", MovesJson(item.moves)}});
             }
             if (const auto format = http::ExportFormatOf(request)) {
               for (auto& row : out) {
                 row["moves"] = row["moves"].size();
               }
               return http::RowsExport(request, *format, "one-more-place", kOneMorePlaceExport,
                                       std::move(out));
             }
             return http::Response::Json(200, {{"run_id", id}, {"items", std::move(out)}});
           })
      .Query("limit", {{"type", "integer"},
                       {"minimum", 1},
                       {"maximum", kMaxOneMorePlaceItems},
                       {"description", "at most this many offers; default 20"}})
      .Returns(200, OneMorePlaceSchema())
      .Exportable()
      .Fails({404});
}

}  // namespace weltcampus::exchange
