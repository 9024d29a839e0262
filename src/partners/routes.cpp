#include "partners/routes.h"

#include <memory>

#include "audit/routes.h"
#include "auth/context.h"
#include "core/academic_year.h"
#include "core/codes.h"
#include "core/error.h"
#include "http/list_export.h"
#include "http/responses.h"
#include "partners/agreement_documents.h"
#include "partners/bulk.h"
#include "partners/export_columns.h"
#include "partners/input.h"
#include "partners/joint_structures.h"
#include "partners/json.h"
#include "partners/partner_map.h"
#include "partners/partner_records.h"
#include "partners/permissions.h"
#include "partners/service.h"
#include "partners/trends.h"
#include "partners/visibility.h"
#include "store/references.h"

namespace weltcampus::partners {

using http::Request;
using http::Response;

namespace {

using http::CreatedResponse;
using http::RecordResponse;

constexpr std::array<std::string_view, 1> kExpiringSorts = {"ends_on"};

std::optional<std::string> CountryFilter(const Request& request) {
  auto country = QueryText(request.query, "country", 2);
  if (country && !IsValidCountryCode(*country)) {
    throw ValidationError("country", "Must be an ISO 3166-1 alpha-2 code such as GB");
  }
  return country;
}

PartnershipFilter PartnershipFilterFrom(const Request& request) {
  PartnershipFilter filter;
  filter.q = QueryText(request.query, "q", 200);
  filter.country = CountryFilter(request);
  filter.tier = QueryEnum(request.query, "tier", kTierTable);
  filter.agreement_type = QueryEnum(request.query, "agreement_type", kAgreementTypeTable);
  filter.agreement_status = QueryEnum(request.query, "agreement_status", kAgreementStatusTable);
  return filter;
}

AgreementFilter AgreementFilterFrom(const Request& request) {
  AgreementFilter filter;
  filter.q = QueryText(request.query, "q", 200);
  filter.partnership_id = QueryInt(request.query, "partnership_id", 1, INT64_MAX);
  filter.institution_id = QueryInt(request.query, "institution_id", 1, INT64_MAX);
  filter.type = QueryEnum(request.query, "type", kAgreementTypeTable);
  filter.status = QueryEnum(request.query, "status", kAgreementStatusTable);
  filter.without_successor = QueryBool(request.query, "without_successor").value_or(false);
  if (auto year = QueryText(request.query, "academic_year", AcademicYear::kMaxInput)) {
    auto parsed = AcademicYear::Parse(*year);
    if (!parsed) {
      throw ValidationError("academic_year", "Must be an academic year such as 2027/2028");
    }
    filter.academic_year = parsed->first_calendar_year();
  }
  return filter;
}

// The map from memory while the map version stays (one small read a request), 304 when the client
// holds it already. The browser keeps it ("private, no-cache": kept, but asked about each time).
Response MapResponse(const Request& request, PartnersService& service, PartnerMapCache& maps,
                     const PartnershipFilter& filter) {
  const auto version = service.GetMapVersion();
  const std::string etag = MapEntityTag(version, MapFilterKey(filter));
  Response response;
  if (request.IfNoneMatchHas(etag)) {
    response = Response::NotModified(etag);
  } else {
    const auto answer = maps.Get(filter, version.version);
    response.status = 200;
    if (request.Header("accept-encoding").find("gzip") != std::string_view::npos) {
      response.body = answer->gzip;
      response.WithHeader("Content-Encoding", "gzip");
    } else {
      response.body = answer->json;
    }
    response.WithHeader("ETag", answer->etag);
  }
  response.WithHeader("Cache-Control", "private, no-cache").WithHeader("Vary", "Accept-Encoding");
  return response;
}

// A page of agreements (or all of them as a file) as the reader may see them: staff get the
// children as the text kept with each agreement, the public the records without the contacts.
Response AgreementsOrExport(const Request& request, PartnersService& service,
                            AgreementFilter filter, const PageRequest& page) {
  const auto audience = AudienceOf(request);
  Restrict(filter, audience);
  return http::ListOrExport(request, page, "agreements", kAgreementExport,
                            [&service, filter, audience](const PageRequest& p) {
                              if (audience == Audience::kStaff) {
                                return service.ListAgreements(filter, p);
                              }
                              auto result = service.ListAgreements(
                                  filter, p, repository::AgreementChildren::kRecords);
                              for (auto& agreement : result.items) {
                                Redact(agreement, audience);
                              }
                              return result;
                            });
}

void RegisterInstitutionRoutes(http::Router& router, std::shared_ptr<PartnersService> service) {
  const std::string base = "/api/v1/institutions";
  router
      .Add("GET", base, kReadPartners, "Search the institution register",
           [service](const Request& request) {
             InstitutionFilter filter;
             filter.q = QueryText(request.query, "q", 200);
             filter.country = CountryFilter(request);
             filter.type = QueryEnum(request.query, "type", kInstitutionTypeTable);
             filter.has_erasmus_code = QueryBool(request.query, "has_erasmus_code");
             filter.partner = QueryBool(request.query, "partner");
             const auto page = repository::InstitutionSorts().PageFrom(
                 request.query, http::RequestLanguage(request));
             return http::ListOrExport(request, page, "institutions", kInstitutionExport,
                                       [service, filter](const PageRequest& p) {
                                         return service->ListInstitutions(filter, p);
                                       });
           })
      .ReturnsPage(InstitutionSchema().Output())
      .Paged(repository::InstitutionSorts().ApiValues())
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .Query("country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}})
      .EnumQuery("type", kInstitutionTypes)
      .Query("has_erasmus_code", {{"type", "boolean"}})
      .Query("partner", {{"type", "boolean"}});
  router
      .Add("POST", base, kWritePartners, "Add an institution",
           [service, base](const Request& request) {
             return CreatedResponse(
                 service->CreateInstitution(auth::ActorOf(request),
                                            InstitutionFromJson(request.JsonBody())),
                 base);
           })
      .Accepts(InstitutionSchema().Input())
      .Returns(201, InstitutionSchema().Output());
  router
      .Add("GET", base + "/{id}", kReadPartners, "One institution",
           [service](const Request& request) {
             return RecordResponse(service->GetInstitution(request.PathId("id")));
           })
      .Returns(200, InstitutionSchema().Output());
  router
      .Add("PUT", base + "/{id}", kWritePartners, "Change an institution",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return RecordResponse(
                 service->UpdateInstitution(auth::ActorOf(request), request.PathId("id"),
                                            InstitutionFromJson(request.JsonBody()), version));
           })
      .Accepts(InstitutionSchema().Input())
      .Returns(200, InstitutionSchema().Output());
  router
      .Add("DELETE", base + "/{id}", kWritePartners, "Remove an institution",
           [service](const Request& request) {
             service->DeleteInstitution(auth::ActorOf(request), request.PathId("id"),
                                        request.RequiredIfMatch());
             return Response::NoContent();
           })
      .ReturnsNothing(204);
}

void RegisterPartnershipRoutes(http::Router& router, std::shared_ptr<PartnersService> service) {
  const std::string base = "/api/v1/partnerships";
  router
      .Add("GET", base + "/countries", kReadPartners,
           "The countries the school has partners in, with their number of partners",
           [service](const Request&) {
             nlohmann::json items = nlohmann::json::array();
             for (const auto& [country, partners] : service->ListPartnerCountries()) {
               items.push_back({{"country", country}, {"partners", partners}});
             }
             return Response::Json(200, {{"items", std::move(items)}});
           })
      .Returns(200, PartnerCountriesSchema());
  router
      .Add("GET", base, kReadPartners, "The school's partners, with filters",
           [service](const Request& request) {
             const auto audience = AudienceOf(request);
             auto filter = PartnershipFilterFrom(request);
             Restrict(filter, audience);
             const auto page = repository::PartnershipSorts().PageFrom(
                 request.query, http::RequestLanguage(request));
             return http::ListOrExport(
                 request, page, "partners", kPartnershipExport,
                 [service, filter, audience, today = Date::TodayUtc()](const PageRequest& p) {
                   auto result = service->ListPartnerships(filter, p, today);
                   for (auto& partnership : result.items) {
                     Redact(partnership, audience);
                   }
                   return result;
                 });
           })
      .ReturnsPage(PartnershipSchema().Output())
      .Paged(repository::PartnershipSorts().ApiValues())
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .Query("country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}})
      .EnumQuery("tier", kTiers)
      .EnumQuery("agreement_type", kAgreementTypes)
      .EnumQuery("agreement_status", kAgreementStatuses);
  auto maps = std::make_shared<PartnerMapCache>(
      [service](const PartnershipFilter& filter) { return service->LoadMap(filter); });
  router
      .Add("GET", base + "/map", kReadPartners,
           "Every partner matching the filters, with coordinates, for the world map (no paging; "
           "one array a field; ETag, 304 to If-None-Match while no partner has changed)",
           [service, maps](const Request& request) {
             auto filter = PartnershipFilterFrom(request);
             Restrict(filter, AudienceOf(request));
             if (http::ExportFormatOf(request)) {
               return http::AllOrExport(request, "partner-map", kMapExport,
                                        service->ListMapPoints(filter));
             }
             return MapResponse(request, *service, *maps, filter);
           })
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .Query("country", {{"type", "string"}, {"pattern", "^[A-Z]{2}$"}})
      .EnumQuery("tier", kTiers)
      .EnumQuery("agreement_type", kAgreementTypes)
      .EnumQuery("agreement_status", kAgreementStatuses)
      .Returns(200, PartnerMapSchema())
      .IfNoneMatch()
      .Exportable();
  router
      .Add("POST", base, kWritePartners, "Make an institution a partner",
           [service, base](const Request& request) {
             return CreatedResponse(
                 service->CreatePartnership(auth::ActorOf(request), Date::TodayUtc(),
                                            PartnershipFromJson(request.JsonBody())),
                 base);
           })
      .Accepts(PartnershipSchema().Input())
      .Returns(201, PartnershipSchema().Output());
  router
      .Add("GET", base + "/{id}", kReadPartners, "One partnership",
           [service](const Request& request) {
             auto partnership = service->GetPartnership(request.PathId("id"), Date::TodayUtc());
             Redact(partnership, AudienceOf(request));
             return RecordResponse(partnership);
           })
      .Returns(200, PartnershipSchema().Output());
  router
      .Add("PUT", base + "/{id}", kWritePartners, "Change a partnership",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return RecordResponse(service->UpdatePartnership(
                 auth::ActorOf(request), Date::TodayUtc(), request.PathId("id"),
                 PartnershipFromJson(request.JsonBody()), version));
           })
      .Accepts(PartnershipSchema().Input())
      .Returns(200, PartnershipSchema().Output());
  router
      .Add("DELETE", base + "/{id}", kWritePartners, "End a partnership record",
           [service](const Request& request) {
             service->DeletePartnership(auth::ActorOf(request), Date::TodayUtc(),
                                        request.PathId("id"), request.RequiredIfMatch());
             return Response::NoContent();
           })
      .ReturnsNothing(204);
  router
      .Add("GET", base + "/{id}/overview", kReadPartners,
           "A partner's partnership, agreements, places per year and joint structures",
           [service](const Request& request) {
             auto overview = service->GetOverview(request.PathId("id"), Date::TodayUtc());
             Redact(overview, AudienceOf(request));
             return Response::Json(200, ToJson(overview));
           })
      .Returns(200, PartnerOverviewSchema());
}

void RegisterAgreementRoutes(http::Router& router, std::shared_ptr<PartnersService> service) {
  const std::string base = "/api/v1/agreements";
  router
      .Add("GET", base, kReadPartners, "Agreements, with filters",
           [service](const Request& request) {
             auto filter = AgreementFilterFrom(request);
             if (auto months = QueryInt(request.query, "expiring_within_months", 0, 120)) {
               filter.ends_before =
                   Date::TodayUtc().AddMonths(static_cast<int>(*months)).ToString();
               filter.only_in_force = true;
             }
             const auto page = repository::AgreementSorts().PageFrom(
                 request.query, http::RequestLanguage(request));
             return AgreementsOrExport(request, *service, filter, page);
           })
      .ReturnsPage(AgreementSchema().Output())
      .Paged(repository::AgreementSorts().ApiValues())
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .Query("partnership_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("institution_id", {{"type", "integer"}, {"minimum", 1}})
      .EnumQuery("type", kAgreementTypes)
      .EnumQuery("status", kAgreementStatuses)
      .Query("academic_year",
             {{"type", "string"}, {"pattern", std::string(AcademicYear::kPattern)}})
      .Query("without_successor",
             {{"type", "boolean"}, {"description", "only those not renewed yet"}})
      .Query("expiring_within_months", {{"type", "integer"}, {"minimum", 0}, {"maximum", 120}});
  router
      .Add("GET", base + "/expiring", kReadPartnerInternals,
           "Signed or active agreements ending within ?months= (default 12), soonest first",
           [service](const Request& request) {
             auto filter = AgreementFilterFrom(request);
             const auto months = QueryInt(request.query, "months", 0, 120).value_or(12);
             filter.ends_before = Date::TodayUtc().AddMonths(static_cast<int>(months)).ToString();
             filter.only_in_force = true;
             auto page = PageRequest::FromQuery(request.query, kExpiringSorts);
             return AgreementsOrExport(request, *service, filter, page);
           })
      .Paged({"ends_on", "-ends_on"})
      .Query("months", {{"type", "integer"}, {"minimum", 0}, {"maximum", 120}, {"default", 12}})
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .Query("partnership_id", {{"type", "integer"}, {"minimum", 1}})
      .Query("institution_id", {{"type", "integer"}, {"minimum", 1}})
      .EnumQuery("type", kAgreementTypes)
      .EnumQuery("status", kAgreementStatuses)
      .Query("academic_year",
             {{"type", "string"}, {"pattern", std::string(AcademicYear::kPattern)}})
      .Query("without_successor",
             {{"type", "boolean"}, {"description", "only those not renewed yet"}})
      .ReturnsPage(AgreementSchema().Output());
  router
      .Add("POST", base, kWritePartners, "Add an agreement with its quotas",
           [service, base](const Request& request) {
             return CreatedResponse(service->CreateAgreement(auth::ActorOf(request),
                                                             AgreementFromJson(request.JsonBody())),
                                    base);
           })
      .Accepts(AgreementSchema().Input())
      .Returns(201, AgreementSchema().Output());
  router
      .Add("GET", base + "/{id}", kReadPartners, "One agreement with its quotas",
           [service](const Request& request) {
             const auto audience = AudienceOf(request);
             auto agreement = service->GetAgreement(request.PathId("id"));
             if (!Visible(agreement, audience)) {
               throw NotFoundError("Agreement");  // as one that does not exist
             }
             Redact(agreement, audience);
             return RecordResponse(agreement);
           })
      .Returns(200, AgreementSchema().Output());
  router
      .Add("PUT", base + "/{id}", kWritePartners,
           "Change an agreement (status transitions are checked)",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return RecordResponse(
                 service->UpdateAgreement(auth::ActorOf(request), request.PathId("id"),
                                          AgreementFromJson(request.JsonBody()), version));
           })
      .Accepts(AgreementSchema().Input())
      .Returns(200, AgreementSchema().Output());
  router
      .Add("POST", base + "/{id}/renewal", kWritePartners,
           "Renew an agreement: its successor as a draft with the same conditions for the next "
           "period",
           [service, base](const Request& request) {
             return CreatedResponse(
                 service->RenewAgreement(auth::ActorOf(request), request.PathId("id")), base);
           })
      .Returns(201, AgreementSchema().Output())
      .Fails({409, 422});
  router
      .Add("DELETE", base + "/{id}", kWritePartners, "Remove an agreement",
           [service](const Request& request) {
             service->DeleteAgreement(auth::ActorOf(request), request.PathId("id"),
                                      request.RequiredIfMatch());
             return Response::NoContent();
           })
      .ReturnsNothing(204);
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database, IsHomeInstitution is_home) {
  // Agreements are held by an organisational unit, which then cannot be removed.
  store::DeclareReference({"org_units", "agreements", "org_unit_id", "agreement"});
  auto service = std::make_shared<PartnersService>(database, std::move(is_home));
  RegisterInstitutionRoutes(router, service);
  RegisterPartnershipRoutes(router, service);
  RegisterJointStructureRoutes(router, database);
  RegisterPartnerRecordRoutes(router, database);
  RegisterAgreementDocumentRoutes(router, database);
  RegisterTrendsRoutes(router, database);
  // Each record's own history, for the school's staff.
  audit::RegisterHistoryRoute(router, database, "/api/v1/partnerships/{id}/history",
                              kReadPartnerInternals, "partnership",
                              [](store::Connection& c, int64_t id) {
                                if (!repository::FindPartnershipInstitution(c, id)) {
                                  throw NotFoundError("Partnership");
                                }
                              });
  audit::RegisterHistoryRoute(router, database, "/api/v1/agreements/{id}/history",
                              kReadPartnerInternals, "agreement",
                              [](store::Connection& c, int64_t id) {
                                if (!repository::FindAgreement(c, id)) {
                                  throw NotFoundError("Agreement");
                                }
                              });
  RegisterAgreementRoutes(router, service);
  RegisterBulkRoutes(router, database, service);
  router
      .Add("GET", "/api/v1/summary", kReadIndicators,
           "Where the school stands: partners by tier, agreements, places this year",
           [service](const Request&) {
             const Date today = Date::TodayUtc();
             return Response::Json(200, ToJson(service->GetSummary(today), AcademicYearOf(today)));
           })
      .Returns(200, SummarySchema());
}

}  // namespace weltcampus::partners
