// Valid requests of the authorization grants (authorization_grants_test.cpp): mobilities, their
// stay track and one's own mobilities.
#include <string>

#include "grants_fixture.h"
#include "grants_requests.h"

namespace weltcampus::api_test::grants {

namespace {

// A staff mobility under the test's partnership, made by the administrator.
void MadeMobility(GrantsApi& t, std::string* path, Json* record) {
  ASSERT_NO_FATAL_FAILURE(GrantsApi::Made("/api/v1/mobilities", MobilityBody(t), record));
  *path = I("mobilities", *record);
}

}  // namespace

Json MobilityBody(GrantsApi& t) {
  return {{"direction", "outgoing"},
          {"category", "staff_training"},
          {"family_name", "Berger"},
          {"given_name", "Paul"},
          {"partnership_id", t.partner()["id"]},
          {"academic_year", "2027/2028"},
          {"planned_start", "2027-11-08"},
          {"planned_end", "2027-11-12"}};
}

Requests MobilityRequests() {
  const std::string v = "/api/v1";
  return {
      {{"GET", v + "/mobilities"}, ReadPath(v + "/mobilities")},
      {{"GET", v + "/mobilities/{id}"}, Read(Shared("MadeMobility", MadeMobility))},
      {{"GET", v + "/mobilities/{id}/events"},
       Read(Shared("MadeMobility", MadeMobility, "/events"))},
      {{"POST", v + "/mobilities"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = "/api/v1/mobilities";
         *body = MobilityBody(t);
       })},
      {{"PUT", v + "/mobilities/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeMobility(t, p, &record));
       })},
      {{"DELETE", v + "/mobilities/{id}"}, Remove(MadeMobility)},
      {{"POST", v + "/mobilities/{id}/stay"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string path;
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeMobility(t, &path, &record));
         *out = As(cell).Post(path + "/stay", {{"step", "accept"}},
                              {{"If-Match", Quoted(VersionOf(record))}});
       }},
      {{"GET", v + "/me/mobilities"}, ReadPath(v + "/me/mobilities")},
  };
}

}  // namespace weltcampus::api_test::grants
