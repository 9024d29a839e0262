#include "exchange/applications_routes.h"

#include <array>
#include <memory>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/json_input.h"
#include "exchange/applications_service.h"
#include "exchange/permissions.h"
#include "http/list_export.h"
#include "http/pdf_upload.h"
#include "http/responses.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

constexpr std::size_t kMaxFileNameInput = 1000;
const std::string kMine = "/api/v1/calls/{id}/my-application";

constexpr std::array<http::ExportField, 12> kApplicationExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/matriculation_number", "Matriculation number", "Matrikelnummer"},
    {"/family_name", "Family name", "Nachname"},
    {"/given_name", "Given name", "Vorname"},
    {"/programme_id", "Programme ID", "Studiengangs-ID", interop::CellKind::kInteger},
    {"/status", "Status", "Status"},
    {"/submitted_at", "Submitted", "Eingereicht"},
    {"/score", "Score", "Punktzahl", interop::CellKind::kNumber},
    {"/committee_points", "Committee points", "Kommissionspunkte", interop::CellKind::kInteger},
    {"/preferences/*/partner_name", "Preferences", "Präferenzen"},
    {"/completeness_note", "Missing", "Fehlt"},
    {"/office_note", "Office note", "Vermerk"},
}};

ApplicationDocumentKind KindOf(const http::Request& request) {
  const auto it = request.path_params.find("kind");
  const auto kind = it == request.path_params.end()
                        ? std::nullopt
                        : kApplicationDocumentKindTable.Parse(it->second);
  if (!kind) {
    throw NotFoundError("Document");
  }
  return *kind;
}

std::optional<int64_t> OptionalIfMatch(const http::Request& request) {
  if (request.Header("if-match").empty()) {
    return std::nullopt;
  }
  return request.RequiredIfMatch();
}

http::Response MineResponse(const MyApplication& mine) {
  auto response = http::Response::Json(200, ToJson(mine));
  if (mine.application) {
    response.WithVersion(mine.application->version);
  }
  return response;
}

http::Response PdfResponse(std::pair<std::string, std::string> document) {
  http::Response response;
  response.status = 200;
  response.content_type = "application/pdf";
  response.body = std::move(document.second);
  return std::move(response.WithAttachment(document.first)
                       .WithHeader("Cache-Control", "private, no-store")
                       .WithHeader("Content-Security-Policy", "sandbox"));
}

// A call for places takes preferences, a funding call a planned stay (exchange/funding.h).
NamedSchema PreferencesInput() {
  return {"ApplicationPreferencesInput",
          {{"type", "object"},
           {"properties",
            {{"preferences",
              {{"type", "array"},
               {"maxItems", 10},
               {"items", {{"type", "integer"}, {"minimum", 1}}},
               {"description", "Offer ids, most wanted first (a call for places)"}}},
             {"stay", PlannedStayInputSchema()}}}}};
}

std::vector<int64_t> OfferIds(const JsonInput& input) {
  const auto& list = input.OptionalArray("preferences", 10);
  std::vector<int64_t> offer_ids;
  for (size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_number_integer() || list[i].get<int64_t>() < 1) {
      throw ValidationError(input.FieldName("preferences", i), "Must be an offer id");
    }
    offer_ids.push_back(list[i].get<int64_t>());
  }
  return offer_ids;
}

// The points for the call's optional criteria: an object {code: points or null}; missing or null
// reads as none given. The service checks the codes and ranges against the call.
CriteriaPoints CriteriaPointsOf(const nlohmann::json& body) {
  const auto found = body.find("criteria_points");
  if (found == body.end() || found->is_null()) {
    return {};
  }
  if (!found->is_object() || found->size() > kMaxCallCriteria) {
    throw ValidationError("criteria_points", "Must be an object of at most " +
                                                 std::to_string(kMaxCallCriteria) +
                                                 " criteria's points by their codes");
  }
  CriteriaPoints points;
  const JsonInput input(*found, "criteria_points");
  for (const auto& [code, value] : found->items()) {
    if (value.is_null()) {
      continue;
    }
    if (code.size() > 40) {
      throw ValidationError("criteria_points", "A criterion's code has at most 40 characters");
    }
    points[code] = *input.OptionalInt(code, INT32_MIN, INT32_MAX);
  }
  return points;
}

NamedSchema ScoreInput() {
  return {"ApplicationScoreInput",
          {{"type", "object"},
           {"properties",
            {{"committee_points", {{"type", {"integer", "null"}}, {"minimum", 0}}},
             {"criteria_points",
              {{"type", {"object", "null"}},
               {"maxProperties", kMaxCallCriteria},
               {"additionalProperties", {{"type", {"integer", "null"}}, {"minimum", 0}}}}},
             {"office_note", {{"type", {"string", "null"}}, {"maxLength", kMaxOfficeNote}}}}}}};
}

NamedSchema CompletenessInput() {
  return {"ApplicationCompletenessInput",
          {{"type", "object"},
           {"required", {"complete"}},
           {"properties",
            {{"complete", {{"type", "boolean"}}},
             {"reason", {{"type", {"string", "null"}}, {"maxLength", kMaxOfficeNote}}}}}}};
}

void RegisterStudentRoutes(http::Router& router,
                           const std::shared_ptr<ApplicationsService>& service) {
  router
      .Add("GET", kMine, kApply,
           "My application in a call, with every offer of the call and whether it is open to me "
           "(and if not, why)",
           [service](const http::Request& request) {
             return MineResponse(service->Mine(auth::SignedIn(request).user_id,
                                               request.PathId("id"), Date::TodayUtc()));
           })
      .Returns(200, MyApplicationSchema());
  router
      .Add("PUT", kMine, kApply,
           "Rank offers (most wanted first; a call for places) or describe the stay I plan (a "
           "funding call); makes the application when there is none (then without If-Match)",
           [service](const http::Request& request) {
             const auto body = request.JsonBody();
             const JsonInput input(body);
             const auto actor = auth::ActorOf(request);
             if (input.Has("stay")) {
               if (input.Has("preferences")) {
                 throw ValidationError("stay", "Send either preferences or a stay, not both");
               }
               return MineResponse(service->SaveStay(actor, request.PathId("id"), Date::TodayUtc(),
                                                     ReadPlannedStay(body.at("stay")),
                                                     OptionalIfMatch(request)));
             }
             return MineResponse(service->SavePreferences(actor, request.PathId("id"),
                                                          Date::TodayUtc(), OfferIds(input),
                                                          OptionalIfMatch(request)));
           })
      .Accepts(PreferencesInput())
      .Returns(200, MyApplicationSchema())
      .IfMatch(false)
      .Fails({409, 412, 428});
  for (const bool submit : {true, false}) {
    router
        .Add("POST", kMine + (submit ? "/submit" : "/withdraw"), kApply,
             submit ? "Submit my application" : "Withdraw my application",
             [service, submit](const http::Request& request) {
               const auto actor = auth::ActorOf(request);
               const int64_t version = request.RequiredIfMatch();
               const auto today = Date::TodayUtc();
               return MineResponse(
                   submit ? service->Submit(actor, request.PathId("id"), today, version)
                          : service->Withdraw(actor, request.PathId("id"), today, version));
             })
        .Returns(200, MyApplicationSchema())
        .IfMatch(true)
        .Fails({409, 422});
  }
  router
      .Add("POST", kMine + "/documents/{kind}", kApply,
           "Upload my motivation letter or language certificate: a PDF as the body (told by its "
           "bytes), replacing the one before",
           [service](const http::Request& request) {
             const auto kind = KindOf(request);
             http::CheckPdfUpload(request, kMaxApplicationDocumentBytes);
             auto name = http::PdfFileName(
                 QueryText(request.query, "file_name", kMaxFileNameInput).value_or(""));
             return MineResponse(service->PutDocument(auth::ActorOf(request), request.PathId("id"),
                                                      Date::TodayUtc(), kind, std::move(name),
                                                      request.body));
           })
      .Body({"application/pdf"})
      .Query("file_name", {{"type", "string"}, {"maxLength", kMaxFileNameInput}})
      .Returns(200, MyApplicationSchema())
      .IfMatch(false)
      .Fails({409, 413});
  router
      .Add("GET", kMine + "/documents/{kind}", kApply, "Download my document (the PDF)",
           [service](const http::Request& request) {
             return PdfResponse(service->MyDocument(auth::SignedIn(request).user_id,
                                                    request.PathId("id"), KindOf(request)));
           })
      .ReturnsContent(200, "application/pdf", "The file's bytes");
  router
      .Add("DELETE", kMine + "/documents/{kind}", kApply, "Remove my document",
           [service](const http::Request& request) {
             return MineResponse(service->RemoveDocument(
                 auth::ActorOf(request), request.PathId("id"), Date::TodayUtc(), KindOf(request)));
           })
      .Returns(200, MyApplicationSchema())
      .IfMatch(false)
      .Fails({409, 422});
}

void RegisterOfficeRoutes(http::Router& router, store::Database& database,
                          const std::shared_ptr<ApplicationsService>& service) {
  router
      .Add("GET", "/api/v1/calls/{id}/applications", kReadApplications,
           "The applications in a call (a coordinator's: of their unit or field); ?format=csv or "
           "xlsx exports them",
           [service, &database](const http::Request& request) {
             applications::ListFilter filter;
             filter.call_id = request.PathId("id");
             filter.status = QueryEnum(request.query, "status", kApplicationStatusTable);
             filter.offer_id = QueryInt(request.query, "offer_id", 1, INT64_MAX);
             const auto page =
                 applications::Sorts().PageFrom(request.query, http::RequestLanguage(request));
             if (http::ExportFormatOf(request)) {  // students' names and scores leave the system
               audit::RecordExport(database, auth::ActorOf(request), "application", request.query);
             }
             return http::ListOrExport(
                 request, page, "applications", kApplicationExport,
                 [service, filter, person = auth::SignedIn(request)](const PageRequest& p) {
                   return service->List(person, filter, p);
                 });
           })
      .ReturnsPage(ApplicationSchema())
      .Paged(applications::Sorts().ApiValues())
      .EnumQuery("status", kApplicationStatusTable.names())
      .Query("offer_id", {{"type", "integer"}, {"minimum", 1}});
  router
      .Add("GET", "/api/v1/applications/{id}", kReadApplications,
           "One application with its preferences and documents",
           [service](const http::Request& request) {
             return http::RecordResponse(service->Get(
                 auth::ActorOf(request), auth::SignedIn(request), request.PathId("id")));
           })
      .Returns(200, ApplicationSchema());
  router
      .Add("GET", "/api/v1/applications/{id}/documents/{kind}", kReadApplications,
           "Download a document of an application (the PDF)",
           [service](const http::Request& request) {
             return PdfResponse(service->Document(auth::ActorOf(request), auth::SignedIn(request),
                                                  request.PathId("id"), KindOf(request)));
           })
      .ReturnsContent(200, "application/pdf", "The file's bytes");
  router
      .Add("PUT", "/api/v1/applications/{id}/score", kScoreApplications,
           "Give committee points (0 to the call's maximum; null: none yet), points for the "
           "call's optional criteria (by code, 0 to each one's maximum) and a note",
           [service](const http::Request& request) {
             const auto body = request.JsonBody();
             const JsonInput input(body);
             return http::RecordResponse(service->Score(
                 auth::ActorOf(request), auth::SignedIn(request), request.PathId("id"),
                 request.RequiredIfMatch(),
                 input.OptionalInt("committee_points", INT32_MIN, INT32_MAX),
                 CriteriaPointsOf(body), input.OptionalString("office_note", kMaxOfficeNote)));
           })
      .Accepts(ScoreInput())
      .Returns(200, ApplicationSchema());
  router
      .Add("PUT", "/api/v1/applications/{id}/completeness", kScoreApplications,
           "Record the formal check: complete (checked) or incomplete with what is missing",
           [service](const http::Request& request) {
             const auto body = request.JsonBody();
             const JsonInput input(body);
             const auto complete = input.OptionalBool("complete");
             if (!complete) {
               throw ValidationError("complete", "Say whether the application is complete");
             }
             return http::RecordResponse(service->CheckCompleteness(
                 auth::ActorOf(request), auth::SignedIn(request), request.PathId("id"),
                 request.RequiredIfMatch(), *complete,
                 input.OptionalString("reason", kMaxOfficeNote)));
           })
      .Accepts(CompletenessInput())
      .Returns(200, ApplicationSchema());
}

}  // namespace

nlohmann::json ToJson(const MyApplication& mine) {
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& entry : mine.offers) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& reason : entry.reasons) {
      reasons.push_back(ToJson(reason));
    }
    offers.push_back(
        {{"offer", ToJson(entry.offer)},
         {"stay", {{"starts_on", entry.stay.starts_on}, {"ends_on", entry.stay.ends_on}}},
         {"eligible", entry.reasons.empty()},
         {"reasons", reasons}});
  }
  nlohmann::json stay;
  if (mine.stay) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& reason : mine.stay->reasons) {
      reasons.push_back(ToJson(reason));
    }
    stay = {{"days", mine.stay->days},
            {"months", MonthsOfDays(mine.stay->days)},
            {"eligible", mine.stay->reasons.empty()},
            {"reasons", reasons}};
  }
  return {{"call", ToJson(mine.call)},
          {"open", mine.open},
          {"application", mine.application ? ToJson(*mine.application) : nlohmann::json()},
          {"offers", offers},
          {"stay_eligibility", stay},
          {"result", mine.result ? ToJson(*mine.result) : nlohmann::json()},
          {"objections", mine.objections ? ToJson(*mine.objections) : nlohmann::json()}};
}

NamedSchema MyApplicationSchema() {
  const nlohmann::json date = {{"type", "string"}, {"format", "date"}};
  const nlohmann::json offer = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"offer", "stay", "eligible", "reasons"}},
      {"properties",
       {{"offer", OfferSchema().OutputSchema()},
        {"stay",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"starts_on", "ends_on"}},
          {"properties", {{"starts_on", date}, {"ends_on", date}}}}},
        {"eligible", {{"type", "boolean"}}},
        {"reasons", {{"type", "array"}, {"items", IneligibilityReasonSchema()}}}}}};
  const nlohmann::json stay = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"days", "months", "eligible", "reasons"}},
      {"properties",
       {{"days", {{"type", "integer"}}},
        {"months", {{"type", "number"}}},
        {"eligible", {{"type", "boolean"}}},
        {"reasons", {{"type", "array"}, {"items", IneligibilityReasonSchema()}}}}}};
  return {"MyApplication",
          {{"type", "object"},
           {"additionalProperties", false},
           {"required",
            {"call", "open", "application", "offers", "stay_eligibility", "result", "objections"}},
           {"properties",
            {{"call", CallSchema().OutputSchema()},
             {"open", {{"type", "boolean"}}},
             {"application", {{"anyOf", {ApplicationSchema().schema, {{"type", "null"}}}}}},
             {"offers", {{"type", "array"}, {"items", offer}}},
             {"stay_eligibility", {{"anyOf", {stay, {{"type", "null"}}}}}},
             {"result", MyResultSchema()},
             {"objections", MyObjectionsSchema()}}}}};
}

void RegisterApplicationRoutes(http::Router& router, store::Database& database) {
  store::DeclareReference(
      {"call_offers", "application_preferences", "offer_id", "student's preference"});
  store::DeclareReference({"students", "applications", "student_id", "application"});
  store::DeclareReference({"calls", "applications", "call_id", "application"});
  auto service = std::make_shared<ApplicationsService>(database);
  RegisterStudentRoutes(router, service);
  RegisterOfficeRoutes(router, database, service);
}

}  // namespace weltcampus::exchange
