#include "exchange/allocation_runs_routes.h"

#include <memory>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/json_input.h"
#include "exchange/allocation_results_export.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/applications_service.h"
#include "exchange/permissions.h"
#include "http/list_export.h"
#include "http/responses.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

const std::string kRun = "/api/v1/allocation-runs/{id}";

NamedSchema RunsList() {
  return {"AllocationRunList",
          {{"type", "object"},
           {"additionalProperties", false},
           {"required", {"items", "next_cursor", "total"}},
           {"properties",
            {{"items", {{"type", "array"}, {"items", AllocationRunSchema().schema}}},
             {"next_cursor", {{"type", "null"}}},
             {"total", {{"type", "integer"}}}}}}};
}

// The instance file of `weltcampus allocation solve` (docs/allocation.md).
NamedSchema InstanceSchema() {
  const nlohmann::json list = {{"type", "array"}, {"items", {{"type", "object"}}}};
  return {
      "AllocationInstance",
      {{"type", "object"},
       {"additionalProperties", false},
       {"required", {"offers", "applicants", "partners", "seed"}},
       {"properties",
        {{"offers", list},
         {"applicants", list},
         {"partners", list},
         {"seed", {{"type", "integer"}, {"minimum", 0}}},
         {"budget_days",
          {{"type", "integer"}, {"description", "A funding call's run: its round's budget"}}}}}}};
}

NamedSchema RepeatAnswer() {
  return {"AllocationRunRepeat",
          {{"type", "object"},
           {"additionalProperties", false},
           {"required", {"identical"}},
           {"properties", {{"identical", {{"type", "boolean"}}}}}}};
}

http::Response RunResponse(const AllocationRun& run, int status = 200) {
  auto response = http::Response::Json(status, ToJson(run));
  response.WithVersion(run.version);
  if (status == 201) {
    response.WithHeader("Location", "/api/v1/allocation-runs/" + std::to_string(run.id));
  }
  return response;
}

void RegisterRunRoutes(http::Router& router, store::Database& database,
                       const std::shared_ptr<AllocationRunsService>& service) {
  router
      .Add("POST", "/api/v1/calls/{id}/allocation-runs", kAllocate,
           "Allocate the call's places: a new run of the current round from the checked "
           "applications, superseding the round's runs that are not published",
           [service](const http::Request& request) {
             return RunResponse(
                 service->Start(auth::ActorOf(request), request.PathId("id"), Date::TodayUtc()),
                 201);
           })
      .Returns(201, AllocationRunSchema())
      .Fails({409, 422});
  router
      .Add("GET", "/api/v1/calls/{id}/allocation-runs", kReadRuns,
           "The call's runs, newest first; ?format=csv or xlsx exports them",
           [service](const http::Request& request) {
             return http::AllOrExport(request, "allocation-runs", kRunExport,
                                      service->OfCall(request.PathId("id")));
           })
      .Returns(200, RunsList())
      .Exportable();
  router
      .Add("GET", kRun, kReadRuns, "One allocation run",
           [service](const http::Request& request) {
             return RunResponse(service->Get(request.PathId("id")));
           })
      .Returns(200, AllocationRunSchema());
  router
      .Add("GET", kRun + "/results", kReadRuns,
           "The run's results (a coordinator's: of students within their scope), by score or name; "
           "?placed=true|false, ?offer_id=; ?format=csv or xlsx exports them",
           [service, &database](const http::Request& request) {
             runs::ResultFilter filter;
             filter.run_id = request.PathId("id");
             filter.placed = QueryBool(request.query, "placed");
             filter.offer_id = QueryInt(request.query, "offer_id", 1, INT64_MAX);
             const auto page =
                 runs::ResultSorts().PageFrom(request.query, http::RequestLanguage(request));
             if (http::ExportFormatOf(request)) {  // students' names and places leave the system
               audit::RecordExport(database, auth::ActorOf(request), "allocation_result",
                                   request.query);
             }
             return http::ListOrExport(
                 request, page, "allocation-results", kRunResultExport,
                 [service, filter, person = auth::SignedIn(request)](const PageRequest& p) {
                   return service->Results(person, filter, p, Date::TodayUtc());
                 });
           })
      .ReturnsPage(AllocationResultSchema())
      .Paged(runs::ResultSorts().ApiValues())
      .Query("placed", {{"type", "boolean"}})
      .Query("offer_id", {{"type", "integer"}, {"minimum", 1}});
  router
      .Add("GET", kRun + "/input", kAllocate,
           "The run's instance as it ran, in the JSON format of `weltcampus allocation solve` "
           "(offers \"o<offer id>\", applicants \"a<application id>\")",
           [service](const http::Request& request) {
             return http::Response::JsonText(200, service->Input(request.PathId("id")));
           })
      .Returns(200, InstanceSchema());
  router
      .Add("POST", kRun + "/repeat", kReadRuns,
           "Recompute the run from its stored input and compare with its stored results",
           [service](const http::Request& request) {
             return http::Response::Json(200,
                                         {{"identical", service->Repeat(request.PathId("id"))}});
           })
      .Returns(200, RepeatAnswer());
  router
      .Add("POST", kRun + "/sign-off", kSignOff,
           "The committee signs a computed run off (If-Match: the run's version)",
           [service](const http::Request& request) {
             return RunResponse(service->SignOff(auth::ActorOf(request), request.PathId("id"),
                                                 request.RequiredIfMatch()));
           })
      .Returns(200, AllocationRunSchema())
      .IfMatch(true)
      .Fails({422});
  router
      .Add("POST", kRun + "/publish", kAllocate,
           "Publish a signed-off run: its students see their results and answer by accept_by",
           [service](const http::Request& request) {
             return RunResponse(service->Publish(auth::ActorOf(request), request.PathId("id"),
                                                 request.RequiredIfMatch(), Date::TodayUtc()));
           })
      .Returns(200, AllocationRunSchema())
      .IfMatch(true)
      .Fails({422});
}

void RegisterAnswerRoutes(http::Router& router, store::Database& database,
                          const std::shared_ptr<AllocationRunsService>& service) {
  auto applications = std::make_shared<ApplicationsService>(database);
  for (const bool accept : {true, false}) {
    router
        .Add("POST",
             std::string("/api/v1/calls/{id}/my-application/") + (accept ? "accept" : "decline"),
             kApply,
             accept ? "Accept the place I was offered (until accept_by)"
                    : "Decline the place I was offered (until accept_by)",
             [service, applications, accept](const http::Request& request) {
               const auto actor = auth::ActorOf(request);
               const auto today = Date::TodayUtc();
               const int64_t call_id = request.PathId("id");
               service->Respond(actor, call_id, today,
                                accept ? PlaceResponse::kAccepted : PlaceResponse::kDeclined);
               const auto mine =
                   applications->Mine(auth::SignedIn(request).user_id, call_id, today);
               auto response = http::Response::Json(200, ToJson(mine));
               if (mine.application) {
                 response.WithVersion(mine.application->version);
               }
               return response;
             })
        .Returns(200, MyApplicationSchema())
        .Fails({422});
  }
}

}  // namespace

void RegisterAllocationRunRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference({"calls", "allocation_runs", "call_id", "allocation run"});
  store::DeclareReference({"call_offers", "allocation_results", "offer_id", "allocation result"});
  store::DeclareReference(
      {"applications", "allocation_results", "application_id", "allocation result"});
  auto service = std::make_shared<AllocationRunsService>(database);
  RegisterRunRoutes(router, database, service);
  RegisterAnswerRoutes(router, database, service);
}

}  // namespace weltcampus::exchange
