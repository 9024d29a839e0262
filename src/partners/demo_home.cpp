#include "partners/demo_parts.h"
#include "partners/repository.h"

namespace weltcampus::partners::demo {

void BuildHome(Context& context, const DemoReferenceData& data) {
  // The home university is in the register too: the map shows where exchanges start.
  Institution home;
  home.name = "Technische Universität Dresden";
  home.name_local = "TU Dresden";
  home.country = "DE";
  home.city = "Dresden";
  home.website = "https://tu-dresden.de";
  home.erasmus_code = "D  DRESDEN02";
  home.hei_id = "tu-dresden.de";
  home.latitude = 51.0285;
  home.longitude = 13.7270;
  if (data.eche) {
    for (const auto& row : data.eche->rows) {
      if (row.institution.erasmus_code == home.erasmus_code) {
        home.pic = row.institution.pic;
        home.oid = row.institution.oid;
      }
    }
  }
  AddInstitution(context, std::move(home));
}

}  // namespace weltcampus::partners::demo
