#include <array>

#include "core/academic_year.h"
#include "exchange/calls.h"
#include "exchange/permissions.h"
#include "http/list_export.h"
#include "kit/records.h"
#include "partners/hooks.h"
#include "store/references.h"

// The routes of calls, their offers and the overview of a call's usable quotas (issue 10, item 2).
namespace weltcampus::exchange {

namespace {

constexpr std::array<http::ExportField, 17> kCallExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/academic_year", "Academic year", "Studienjahr"},
    {"/org_unit_id", "Organisational unit ID", "Einrichtungs-ID", interop::CellKind::kInteger},
    {"/kind", "Kind", "Art"},
    {"/title", "Title", "Titel"},
    {"/title_de", "German title", "Deutscher Titel"},
    {"/applications_open", "Applications open", "Bewerbung ab", interop::CellKind::kDate},
    {"/applications_close", "Applications close", "Bewerbungsschluss", interop::CellKind::kDate},
    {"/selection_by", "Selection by", "Auswahl bis", interop::CellKind::kDate},
    {"/publication_on", "Publication", "Veröffentlichung", interop::CellKind::kDate},
    {"/accept_by", "Accept by", "Annahme bis", interop::CellKind::kDate},
    {"/nomination_by", "Nomination by", "Nominierung bis", interop::CellKind::kDate},
    {"/max_preferences", "Preferences", "Präferenzen", interop::CellKind::kInteger},
    {"/weight_grade", "Weight of grade", "Gewicht der Note", interop::CellKind::kInteger},
    {"/weight_language", "Weight of language", "Gewicht der Sprache", interop::CellKind::kInteger},
    {"/weight_committee", "Weight of committee points", "Gewicht der Kommissionspunkte",
     interop::CellKind::kInteger},
    {"/funded_months", "Funded months", "Geförderte Monate", interop::CellKind::kInteger},
}};

constexpr std::array<http::ExportField, 16> kOfferExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/call_id", "Call ID", "Ausschreibungs-ID", interop::CellKind::kInteger},
    {"/partner_name", "Partner", "Partner"},
    {"/agreement_id", "Agreement ID", "Vereinbarungs-ID", interop::CellKind::kInteger},
    {"/quota_id", "Quota ID", "Kontingent-ID", interop::CellKind::kInteger},
    {"/term", "Term", "Zeitraum"},
    {"/places", "Places", "Plätze", interop::CellKind::kInteger},
    {"/extra_places", "Extra places", "Zusätzliche Plätze", interop::CellKind::kInteger},
    {"/months_per_place", "Months per place", "Monate je Platz", interop::CellKind::kNumber},
    {"/isced_code", "ISCED-F field", "ISCED-F-Feld"},
    {"/language", "Language", "Sprache"},
    {"/cefr_level", "CEFR level", "GER-Niveau"},
    {"/requires_first_state_exam", "First state examination required",
     "Erster Abschnitt der Prüfung verlangt", interop::CellKind::kBoolean},
    {"/weight_grade", "Own weight of grade", "Eigenes Gewicht der Note",
     interop::CellKind::kInteger},
    {"/weight_language", "Own weight of language", "Eigenes Gewicht der Sprache",
     interop::CellKind::kInteger},
    {"/weight_committee", "Own weight of committee points", "Eigenes Gewicht der Kommissionspunkte",
     interop::CellKind::kInteger},
}};

const RecordSchema<UsableQuota>& UsableQuotaRecord() {
  static const auto schema =
      RecordSchema<UsableQuota>("UsableQuota")
          .Int("quota_id", &UsableQuota::quota_id, 1, INT64_MAX)
          .Int("agreement_id", &UsableQuota::agreement_id, 1, INT64_MAX)
          .Int("partnership_id", &UsableQuota::partnership_id, 1, INT64_MAX)
          .Text("partner_name", &UsableQuota::partner_name, 500)
          .Text("category", &UsableQuota::category, 40)
          .Text("isced_code", &UsableQuota::isced_code, 4)
          .IntList("eqf_levels", &UsableQuota::eqf_levels, 5, 8, 4)
          .Text("language", &UsableQuota::language, 2)
          .Text("cefr_level", &UsableQuota::cefr_level, 2)
          .Int("places_per_year", &UsableQuota::places_per_year, 0, INT64_MAX)
          .Number("months_per_place", &UsableQuota::months_per_place, 0, 1000)
          .Int("carved", &UsableQuota::carved, 0, INT64_MAX)
          .Int("carved_in_call", &UsableQuota::carved_in_call, 0, INT64_MAX)
          .Int("withheld", &UsableQuota::withheld, 0, INT64_MAX)
          .Number("months_used", &UsableQuota::months_used, 0, 1e9)
          .Number("months_available", &UsableQuota::months_available, 0, 1e9)
          .Text("nomination_deadline_winter", &UsableQuota::nomination_deadline_winter, 5)
          .Text("nomination_deadline_summer", &UsableQuota::nomination_deadline_summer, 5);
  return schema;
}

NamedSchema UsableQuotaListSchema() {
  return {
      "UsableQuotaList",
      {{"type", "object"},
       {"required", {"items"}},
       {"additionalProperties", false},
       {"properties", {{"items", {{"type", "array"}, {"items", UsableQuotaSchema().schema}}}}}}};
}

kit::ParentOf<Offer> OfCall() {
  return {.member = &Offer::call_id,
          .collection = "/api/v1/calls/{id}/offers",
          .exists = [](store::Connection& c, int64_t id) {
            if (!FindCall(c, id)) {
              throw NotFoundError("Call");
            }
          }};
}

}  // namespace

NamedSchema UsableQuotaSchema() { return UsableQuotaRecord().Output(); }
void WriteJson(const UsableQuota& quota, JsonWriter& out) { UsableQuotaRecord().Write(quota, out); }

void RegisterCallRoutes(http::Router& router, store::Database& database) {
  // A unit with calls, a call with offers and a quota offered stay while they are used (the kit
  // and the partners' agreement repository refuse with 409 naming the users).
  store::DeclareReference({"org_units", "calls", "org_unit_id", "call"});
  store::DeclareReference({"calls", "call_offers", "call_id", "offer"});
  store::DeclareReference({"quotas", "call_offers", "quota_id", "exchange offer"});
  partners::DeclareQuotaCheck("exchange offers", CheckOffersFitQuota);
  partners::DeclarePartnerNameCopy("exchange offers", CopyPartnerNameToOffers);
  kit::RegisterRecordRoutes<Call>(
      router, database,
      {.table = CallTable(),
       .entity = "call",
       .path = "/api/v1/calls",
       .export_name = "calls",
       .read = kReadCalls,
       .write = kWriteExchange,
       .one = "a call for exchange places",
       .many = "calls for exchange places",
       .sorts = store::SortTable(
           "id", {{"academic_year", "academic_year $"}, {"title", "title_key_{lang} $"}}),
       .filters = {kit::Search("q", {"title", "title_de"}, 200),
                   kit::AcademicYearFilter("academic_year", "academic_year"),
                   kit::EnumFilter("kind", "kind", kCallKindTable),
                   kit::IntFilter("org_unit_id", "org_unit_id", 1, INT64_MAX)},
       .export_columns = kCallExport,
       .check = CheckCall});
  kit::RegisterRecordRoutes<Offer>(
      router, database,
      {.table = OfferTable(),
       .entity = "call_offer",
       .path = "/api/v1/offers",
       .export_name = "offers",
       .read = kReadCalls,
       .write = kWriteExchange,
       .one = "an offer of a call",
       .many = "offers of a call",
       .sorts = store::SortTable("id", {{"partner", "partner_name_key $"}, {"term", "term $"}}),
       .filters = {kit::Search("q", {"partner_name"}, 200),
                   kit::EnumFilter("term", "term", kOfferTermTable),
                   kit::IntFilter("quota_id", "quota_id", 1, INT64_MAX),
                   kit::IntFilter("partnership_id", "partnership_id", 1, INT64_MAX)},
       .export_columns = kOfferExport,
       .check = CheckOffer,
       .derive = DeriveOffer,
       .parent = OfCall()});

  router
      .Add("GET", "/api/v1/calls/{id}/quotas", kReadCalls,
           "The quotas a call's offers may be carved from: places, carved, withheld, months",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             const auto quotas = database.Read([&](store::Connection& c) {
               return UsableQuotas(c, store::Found(FindCall(c, id), "Call"));
             });
             nlohmann::json items = nlohmann::json::array();
             for (const auto& quota : quotas) {
               items.push_back(UsableQuotaRecord().Write(quota));
             }
             return http::Response::Json(200, nlohmann::json{{"items", items}});
           })
      .Returns(200, UsableQuotaListSchema())
      .Fails({404});
}

}  // namespace weltcampus::exchange
