#include "organisation/routes.h"

#include <array>
#include <memory>

#include "auth/context.h"
#include "http/list_export.h"
#include "http/responses.h"
#include "organisation/permissions.h"
#include "organisation/repository.h"
#include "organisation/schemas.h"
#include "organisation/service.h"

namespace weltcampus::organisation {

using http::Request;
using http::Response;

namespace {

// The columns of the lists' CSV and XLSX exports, named in English and German.
constexpr std::array<http::ExportField, 6> kOrgUnitExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/parent_id", "Parent ID", "Übergeordnete ID", interop::CellKind::kInteger},
    {"/code", "Code", "Kürzel"},
    {"/name", "Name", "Name"},
    {"/name_de", "German name", "Deutscher Name"},
    {"/kind", "Kind", "Art"},
}};

constexpr std::array<http::ExportField, 4> kIscedExport = {{
    {"/code", "Code", "Code"},
    {"/level", "Level", "Ebene"},
    {"/label_en", "English", "Englisch"},
    {"/label_de", "German", "Deutsch"},
}};

void RegisterOrgUnitRoutes(http::Router& router, std::shared_ptr<OrganisationService> service) {
  const std::string base = "/api/v1/org-units";
  router
      .Add("GET", base, kReadOrganisation, "The school's organisational units (flat tree)",
           [service](const Request& request) {
             return http::AllOrExport(request, "org-units", kOrgUnitExport,
                                      service->ListOrgUnits(QueryText(request.query, "q", 200)));
           })
      .Query("q", {{"type", "string"}, {"maxLength", 200}})
      .ReturnsPage(OrgUnitSchema().Output())
      .Exportable();
  router
      .Add("POST", base, kWriteOrganisation, "Add an organisational unit",
           [service, base](const Request& request) {
             return http::CreatedResponse(
                 service->CreateOrgUnit(auth::ActorOf(request),
                                        OrgUnitSchema().Read(request.JsonBody())),
                 base);
           })
      .Accepts(OrgUnitSchema().Input())
      .Returns(201, OrgUnitSchema().Output());
  router
      .Add("GET", base + "/{id}", kReadOrganisation, "One organisational unit",
           [service](const Request& request) {
             return http::RecordResponse(service->GetOrgUnit(request.PathId("id")));
           })
      .Returns(200, OrgUnitSchema().Output());
  router
      .Add("PUT", base + "/{id}", kWriteOrganisation, "Change an organisational unit",
           [service](const Request& request) {
             const auto version = request.RequiredIfMatch();
             return http::RecordResponse(
                 service->UpdateOrgUnit(auth::ActorOf(request), request.PathId("id"),
                                        OrgUnitSchema().Read(request.JsonBody()), version));
           })
      .Accepts(OrgUnitSchema().Input())
      .Returns(200, OrgUnitSchema().Output());
  router
      .Add("DELETE", base + "/{id}", kWriteOrganisation, "Remove an organisational unit",
           [service](const Request& request) {
             service->DeleteOrgUnit(auth::ActorOf(request), request.PathId("id"),
                                    request.RequiredIfMatch());
             return Response::NoContent();
           })
      .ReturnsNothing(204);
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  RegisterOrgUnitRoutes(router, std::make_shared<OrganisationService>(database));
  router
      .Add("GET", "/api/v1/isced", kReadReference, "ISCED-F 2013 fields of education",
           [&database](const Request& request) {
             const auto q = QueryText(request.query, "q", 100);
             const auto level = QueryEnum(request.query, "level", kIscedLevels);
             return http::AllOrExport(request, "isced", kIscedExport,
                                      database.Read([&](store::Connection& c) {
                                        return repository::ListIscedFields(c, q, level);
                                      }));
           })
      .Query("q", {{"type", "string"}, {"maxLength", 100}})
      .Query("level", {{"type", "string"}, {"enum", kIscedLevels}})
      .ReturnsPage(IscedFieldSchema().Output())
      .Exportable();
}

}  // namespace weltcampus::organisation
