// The mobility routes (docs/api.md "Mobilities"): the kit's five for the record, a step of the stay
// track at the version read, the timeline with the steps allowed now, and the student's own
// mobilities.
#include <array>
#include <memory>

#include "auth/context.h"
#include "core/json_input.h"
#include "core/json_schema.h"
#include "http/responses.h"
#include "kit/records.h"
#include "mobility/mobilities.h"
#include "mobility/permissions.h"
#include "store/references.h"

namespace weltcampus::mobility {

namespace {

constexpr std::array<http::ExportField, 20> kMobilityExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/direction", "Direction", "Richtung"},
    {"/category", "Category", "Kategorie"},
    {"/family_name", "Family name", "Nachname"},
    {"/given_name", "Given name", "Vorname"},
    {"/email", "E-mail", "E-Mail"},
    {"/student_id", "Student ID", "Studierenden-ID", interop::CellKind::kInteger},
    {"/partner_name", "Partner", "Partner"},
    {"/host_name", "Host", "Gastgeber"},
    {"/host_country", "Country", "Land"},
    {"/agreement_id", "Agreement ID", "Vereinbarungs-ID", interop::CellKind::kInteger},
    {"/funding_line", "Funding line", "Förderlinie"},
    {"/academic_year", "Academic year", "Studienjahr"},
    {"/planned_start", "Planned start", "Geplanter Beginn"},
    {"/planned_end", "Planned end", "Geplantes Ende"},
    {"/actual_start", "Start", "Beginn"},
    {"/actual_end", "End", "Ende"},
    {"/stay_state", "Stay", "Aufenthalt"},
    {"/fewer_opportunities", "Fewer opportunities", "Geringere Chancen",
     interop::CellKind::kBoolean},
    {"/equivalence_decided_on", "Equivalence decided", "Gleichwertigkeit entschieden"},
}};

NamedSchema StayStepInput() {
  return {
      "MobilityStayStep",
      json_schema::Input(
          {{"step", {{"type", "string"}, {"enum", kStayStepTable.Json()}}},
           {"on",
            {{"type", "string"},
             {"format", "date"},
             {"description",
              "The day it happened (start, complete, end_early); today if "
              "not given"}}},
           {"until",
            {{"type", "string"}, {"format", "date"}, {"description", "The new last day (extend)"}}},
           {"reason",
            {{"type", "string"},
             {"maxLength", kMaxStepReason},
             {"description", "Why (reject, interrupt, end_early, cancel); never health data"}}}},
          {"step"})};
}

NamedSchema EventsSchema() {
  return {"MobilityEvents",
          json_schema::Closed(
              {{"items", json_schema::ArrayOf(TrackEventSchema())},
               {"allowed_steps",
                json_schema::ArrayOf({{"type", "string"}, {"enum", kStayStepTable.Json()}})}})};
}

NamedSchema MyMobilitiesSchema() {
  return {"MyMobilities",
          json_schema::Closed({{"items", json_schema::ArrayOf(MobilitySchema().OutputSchema())},
                               {"events", json_schema::ArrayOf(TrackEventSchema())}})};
}

nlohmann::json EventsJson(const std::vector<TrackEvent>& events) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& event : events) {
    items.push_back(ToJson(event));
  }
  return items;
}
StayStepRequest ReadStayStep(const nlohmann::json& body) {
  const JsonInput input(body);
  StayStepRequest request;
  request.step = *kStayStepTable.Parse(input.RequiredEnum("step", kStayStepTable.names()));
  request.on = input.OptionalString("on", 10);
  request.until = input.OptionalString("until", 10);
  request.reason = input.OptionalString("reason", kMaxStepReason);
  return request;
}

void CheckRemoval(store::Connection&, const Mobility& mobility) {
  if (mobility.stay_state != StayState::kNominated) {
    throw ApiError(ErrorCode::kConflict,
                   "A mobility whose stay is " +
                       std::string(kStayStateTable.Name(mobility.stay_state)) +
                       " is kept; cancel it instead",
                   "stay_state");
  }
}

}  // namespace

void RegisterMobilityRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference({"students", "mobilities", "student_id", "mobility"});
  store::DeclareReference({"partnerships", "mobilities", "partnership_id", "mobility"});
  store::DeclareReference({"agreements", "mobilities", "agreement_id", "mobility"});
  store::DeclareReference({"quotas", "mobilities", "quota_id", "mobility"});
  store::DeclareReference({"applications", "mobilities", "application_id", "mobility"});
  store::DeclareReference({"call_offers", "mobilities", "offer_id", "mobility"});
  kit::RegisterRecordRoutes<Mobility>(
      router, database,
      {.table = MobilityTable(),
       .entity = "mobility",
       .path = "/api/v1/mobilities",
       .export_name = "mobilities",
       .read = kReadMobility,
       .write = kWriteMobility,
       .one = "a mobility",
       .many = "mobilities",
       .sorts = store::SortTable("id", {{"name", "family_name_key $, given_name_key $"},
                                        {"partner", "partner_name_key $"},
                                        {"start", "planned_start $"}}),
       .filters = {kit::Search("q", {"family_name", "given_name", "partner_name", "email"}, 200),
                   kit::EnumFilter("direction", "direction", partners::kDirectionTable),
                   kit::EnumFilter("category", "category", partners::kQuotaCategoryTable),
                   kit::EnumFilter("funding_line", "funding_line", kFundingLineTable),
                   kit::EnumFilter("stay_state", "stay_state", kStayStateTable),
                   kit::AcademicYearFilter("academic_year", "academic_year"),
                   kit::IntFilter("partnership_id", "partnership_id", 1, INT64_MAX),
                   kit::IntFilter("student_id", "student_id", 1, INT64_MAX)},
       .export_columns = kMobilityExport,
       .check = CheckMobility,
       .derive = DeriveMobility,
       .check_removal = CheckRemoval,
       .person = AccountOfMobility});

  auto service = std::make_shared<MobilityService>(database);
  router
      .Add("POST", "/api/v1/mobilities/{id}/stay", kWriteMobility,
           "Take a step of the mobility's stay track (If-Match: the mobility's version)",
           [service](const http::Request& request) {
             return http::RecordResponse(service->TakeStayStep(
                 auth::ActorOf(request), request.PathId("id"), request.RequiredIfMatch(),
                 ReadStayStep(request.JsonBody()), Date::TodayUtc()));
           })
      .Accepts(StayStepInput())
      .Returns(200, MobilitySchema().Output())
      .IfMatch(true);
  router
      .Add(
          "GET", "/api/v1/mobilities/{id}/events", kReadMobility,
          "The steps the mobility's tracks took, oldest first, and the steps its stay may take now",
          [service](const http::Request& request) {
            const auto timeline = service->Events(auth::ActorOf(request), request.PathId("id"));
            nlohmann::json allowed = nlohmann::json::array();
            for (const auto step : timeline.allowed_steps) {
              allowed.push_back(kStayStepTable.Name(step));
            }
            return http::Response::Json(
                200, {{"items", EventsJson(timeline.events)}, {"allowed_steps", allowed}});
          })
      .Returns(200, EventsSchema());
  router
      .Add("GET", "/api/v1/me/mobilities", kReadOwnMobility,
           "My mobilities (by my student record) and the steps they took",
           [service](const http::Request& request) {
             return http::Response::Json(200, service->Mine(auth::SignedIn(request).user_id));
           })
      .Returns(200, MyMobilitiesSchema());
}

}  // namespace weltcampus::mobility
