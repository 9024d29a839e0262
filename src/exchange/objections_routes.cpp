#include "exchange/objections_routes.h"

#include <array>
#include <memory>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/json_input.h"
#include "exchange/applications_service.h"
#include "exchange/objections.h"
#include "exchange/permissions.h"
#include "http/list_export.h"
#include "http/responses.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

constexpr std::array<http::ExportField, 14> kObjectionExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/application_id", "Application ID", "Bewerbungs-ID", interop::CellKind::kInteger},
    {"/student/matriculation_number", "Matriculation number", "Matrikelnummer"},
    {"/student/family_name", "Family name", "Nachname"},
    {"/student/given_name", "Given name", "Vorname"},
    {"/score", "Score", "Punktzahl", interop::CellKind::kNumber},
    {"/partner_name", "Place", "Platz"},
    {"/created_at", "Objected", "Widerspruch vom"},
    {"/text", "Objection", "Widerspruch"},
    {"/status", "Status", "Status"},
    {"/decision", "Decision", "Entscheidung"},
    {"/answer", "Answer", "Antwort"},
    {"/answered_by", "Answered by", "Beantwortet von"},
    {"/answered_at", "Answered", "Beantwortet am"},
}};

NamedSchema ObjectionInput() {
  return {"AllocationObjectionInput",
          {{"type", "object"},
           {"required", {"text"}},
           {"properties",
            {{"text",
              {{"type", "string"},
               {"minLength", 1},
               {"maxLength", kMaxObjectionText},
               {"description", "What the student objects to, in their own words"}}}}}}};
}

NamedSchema AnswerInput() {
  return {
      "AllocationObjectionAnswer",
      {{"type", "object"},
       {"required", {"decision", "answer"}},
       {"properties",
        {{"decision", {{"type", "string"}, {"enum", kObjectionDecisionTable.Json()}}},
         {"answer", {{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxObjectionAnswer}}}}}}};
}

}  // namespace

void RegisterObjectionRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference({"allocation_runs", "allocation_objections", "run_id", "objection"});
  store::DeclareReference({"applications", "allocation_objections", "application_id", "objection"});
  auto service = std::make_shared<ObjectionsService>(database);
  auto applications = std::make_shared<ApplicationsService>(database);
  router
      .Add("POST", "/api/v1/calls/{id}/my-application/objection", kObject,
           "Object to my published result in the call, within the call's objection_days after "
           "its publication (one open objection at a time)",
           [service, applications](const http::Request& request) {
             const auto body = request.JsonBody();
             const JsonInput input(body);
             const auto text = input.RequiredString("text", kMaxObjectionText);
             const auto today = Date::TodayUtc();
             const int64_t call_id = request.PathId("id");
             service->Object(auth::ActorOf(request), call_id, today, text);
             const auto mine = applications->Mine(auth::SignedIn(request).user_id, call_id, today);
             auto response = http::Response::Json(200, ToJson(mine));
             if (mine.application) {
               response.WithVersion(mine.application->version);
             }
             return response;
           })
      .Accepts(ObjectionInput())
      .Returns(200, MyApplicationSchema())
      .Fails({409, 422});
  router
      .Add("GET", "/api/v1/allocation-runs/{id}/objections", kReadObjections,
           "The run's objections (a coordinator's: of students within their scope), oldest first "
           "or by name; ?status=open|answered; ?format=csv or xlsx exports them",
           [service, &database](const http::Request& request) {
             objections::ListFilter filter;
             filter.run_id = request.PathId("id");
             filter.status = QueryEnum(request.query, "status", kObjectionStatusTable);
             const auto page =
                 objections::Sorts().PageFrom(request.query, http::RequestLanguage(request));
             if (http::ExportFormatOf(request)) {  // students' words leave the system
               audit::RecordExport(database, auth::ActorOf(request), "objection", request.query);
             }
             return http::ListOrExport(
                 request, page, "objections", kObjectionExport,
                 [service, filter, person = auth::SignedIn(request)](const PageRequest& p) {
                   return service->List(person, filter, p);
                 });
           })
      .ReturnsPage(ObjectionSchema())
      .Paged(objections::Sorts().ApiValues())
      .EnumQuery("status", kObjectionStatusTable.names());
  router
      .Add("PUT", "/api/v1/objections/{id}/answer", kAnswerObjections,
           "The committee answers an objection once: upheld or rejected, with its reasons "
           "(If-Match: the objection's version)",
           [service](const http::Request& request) {
             const auto body = request.JsonBody();
             const JsonInput input(body);
             const auto decision = kObjectionDecisionTable.Parse(
                 input.RequiredEnum("decision", kObjectionDecisionTable.names()));
             const auto answer = input.RequiredString("answer", kMaxObjectionAnswer);
             return http::RecordResponse(service->Answer(
                 auth::ActorOf(request), auth::SignedIn(request), request.PathId("id"),
                 request.RequiredIfMatch(), *decision, answer));
           })
      .Accepts(AnswerInput())
      .Returns(200, ObjectionSchema())
      .Fails({409});
}

}  // namespace weltcampus::exchange
