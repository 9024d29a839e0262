#include "core/academic_year.h"
#include "core/date.h"
#include "core/paging.h"
#include "exchange/demand.h"
#include "exchange/permissions.h"

// The routes of the demand for exchange places (issue 10, item 7): counts only, exchange:read.
namespace weltcampus::exchange {

namespace {

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
           "the latest run placed (counts only)",
           [&database](const http::Request& request) {
             const int64_t id = request.PathId("id");
             return http::Response::Json(200, ToJson(database.Read([&](store::Connection& c) {
                                           return LoadCallDemand(c, id);
                                         })));
           })
      .Returns(200, CallDemandSchema())
      .Fails({404});

  router
      .Add("GET", "/api/v1/exchange/demand", kReadExchange,
           "The demand per partnership and academic year over a unit's places calls (counts only)",
           [&database](const http::Request& request) {
             const auto unit = QueryInt(request.query, "org_unit_id", 1, INT64_MAX);
             if (!unit) {
               throw ValidationError("org_unit_id", "Required: the unit whose calls to count");
             }
             // Calls are made for the coming year: up to the next one, five years by default.
             const int next = AcademicYear::Containing(Date::TodayUtc()).first_calendar_year() + 1;
             const int to = DemandYearQuery(request, "to_year", next);
             const int from = DemandYearQuery(request, "from_year", to - 4);
             return http::Response::Json(200, ToJson(database.Read([&](store::Connection& c) {
                                           return LoadDemandOverYears(c, *unit, from, to);
                                         })));
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
      .Returns(200, DemandOverYearsSchema());
}

}  // namespace weltcampus::exchange
