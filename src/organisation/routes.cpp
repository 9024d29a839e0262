#include "organisation/routes.h"

#include <array>

#include "http/list_export.h"
#include "organisation/org_units.h"
#include "organisation/permissions.h"
#include "organisation/repository.h"
#include "organisation/schemas.h"

namespace weltcampus::organisation {

using http::Request;

namespace {

// The columns of the ISCED list's CSV and XLSX exports, named in English and German.
constexpr std::array<http::ExportField, 4> kIscedExport = {{
    {"/code", "Code", "Code"},
    {"/level", "Level", "Ebene"},
    {"/label_en", "English", "Englisch"},
    {"/label_de", "German", "Deutsch"},
}};

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  RegisterOrgUnitRoutes(router, database);
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
