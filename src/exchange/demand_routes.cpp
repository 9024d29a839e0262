#include "core/academic_year.h"
#include "core/date.h"
#include "core/paging.h"
#include "exchange/demand.h"
#include "exchange/permissions.h"
#include "http/list_export.h"

// The routes of the demand for exchange places (issue 10, item 7): counts only, exchange:read.
namespace weltcampus::exchange {

namespace {

using interop::CellKind;

// The reports as CSV or Excel (?format=csv|xlsx): a call's offers, and one row per partner and
// year.
constexpr std::array<http::ExportField, 9> kCallDemandExport = {{
    {"/offer_id", "Offer ID", "Angebots-ID", CellKind::kInteger},
    {"/partner_name", "Partner", "Partner"},
    {"/term", "Term", "Zeitraum"},
    {"/places", "Places", "Plätze", CellKind::kInteger},
    {"/first_preference", "First preferences", "Erstwünsche", CellKind::kInteger},
    {"/any_preference", "Any preference", "Wünsche insgesamt", CellKind::kInteger},
    {"/oversubscription", "First preferences per place", "Erstwünsche je Platz", CellKind::kNumber},
    {"/placed", "Placed", "Vergeben", CellKind::kInteger},
    {"/left_empty", "Left empty", "Frei geblieben", CellKind::kInteger},
}};

constexpr std::array<http::ExportField, 9> kYearsDemandExport = {{
    {"/partnership_id", "Partnership ID", "Partnerschafts-ID", CellKind::kInteger},
    {"/partner_name", "Partner", "Partner"},
    {"/academic_year", "Academic year", "Studienjahr"},
    {"/places", "Places", "Plätze", CellKind::kInteger},
    {"/first_preference", "First preferences", "Erstwünsche", CellKind::kInteger},
    {"/any_preference", "Any preference", "Wünsche insgesamt", CellKind::kInteger},
    {"/oversubscription", "First preferences per place", "Erstwünsche je Platz", CellKind::kNumber},
    {"/placed", "Placed", "Vergeben", CellKind::kInteger},
    {"/left_empty", "Left empty", "Frei geblieben", CellKind::kInteger},
}};

// One row per partner and year, the partner's name beside the year's figures.
nlohmann::json YearRows(const nlohmann::json& demand) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& partner : demand["partners"]) {
    for (nlohmann::json row : partner["years"]) {
      row["partnership_id"] = partner["partnership_id"];
      row["partner_name"] = partner["partner_name"];
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

int DemandYearQuery(const http::Request& request, const std::string& name, int otherwise) {
  const auto text = QueryText(request.query, name, 9);
  if (!text) {
    return otherwise;
  }
  const auto year = AcademicYear::Parse(*text);
  if (!year) {
    throw ValidationError(name, "Must be an academic year such as 2027/2028");
  }
  return year->first_calendar_year();
}

}  // namespace

void RegisterDemandRoutes(http::Router& router, store::Database& database) {
  router
      .Add("GET", "/api/v1/calls/{id}/demand", kReadExchange,
           "The demand for a call's offers: first and any preferences against places, and what "
           "the latest run placed (counts only); ?format=csv or xlsx exports the offers",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             const auto format = http::ExportFormatOf(request);
             auto demand =
                 ToJson(database.Read([&](store::Connection& c) { return LoadCallDemand(c, id); }));
             if (format) {
               return http::RowsExport(request, *format, "call-demand", kCallDemandExport,
                                       std::move(demand["offers"]));
             }
             return http::Response::Json(200, std::move(demand));
           })
      .Returns(200, CallDemandSchema())
      .Exportable()
      .Fails({404});

  router
      .Add("GET", "/api/v1/exchange/demand", kReadExchange,
           "The demand per partnership and academic year over a unit's places calls (counts only); "
           "?format=csv or xlsx exports a row per partner and year",
           [&database](const http::Request& request) {
             const auto unit = QueryInt(request.query, "org_unit_id", 1, INT64_MAX);
             if (!unit) {
               throw ValidationError("org_unit_id", "Required: the unit whose calls to count");
             }
             // Calls are made for the coming year: up to the next one, five years by default.
             const int next = AcademicYear::Containing(Date::TodayUtc()).first_calendar_year() + 1;
             const int to = DemandYearQuery(request, "to_year", next);
             const int from = DemandYearQuery(request, "from_year", to - 4);
             const auto format = http::ExportFormatOf(request);
             auto demand = ToJson(database.Read(
                 [&](store::Connection& c) { return LoadDemandOverYears(c, *unit, from, to); }));
             if (format) {
               return http::RowsExport(request, *format, "demand-over-years", kYearsDemandExport,
                                       YearRows(demand));
             }
             return http::Response::Json(200, std::move(demand));
           })
      .Query("org_unit_id", {{"type", "integer"},
                             {"minimum", 1},
                             {"description", "the unit whose own places calls count (required)"}})
      .Query("from_year", {{"type", "string"},
                           {"pattern", "^[0-9]{4}/[0-9]{4}$"},
                           {"description", "first academic year; default: 4 years before to_year"}})
      .Query("to_year", {{"type", "string"},
                         {"pattern", "^[0-9]{4}/[0-9]{4}$"},
                         {"description",
                          "last academic year; default: the next one; at most 10 years after "
                          "from_year"}})
      .Returns(200, DemandOverYearsSchema())
      .Exportable();
}

}  // namespace weltcampus::exchange
