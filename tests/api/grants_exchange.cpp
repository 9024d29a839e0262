// Valid requests of the authorization grants (authorization_grants_test.cpp): the exchange —
// programmes, students, calls and offers, applications, allocation runs.
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"
#include "grants_requests.h"

namespace weltcampus::api_test::grants {

Requests ExchangeRequests() {
  const std::string v = "/api/v1";
  return {
      // the exchange: programmes, students
      {{"GET", v + "/programmes"}, ReadPath(v + "/programmes")},
      {{"GET", v + "/programmes/{id}"}, Read(Shared("MadeProgramme", MadeProgramme))},
      {{"POST", v + "/programmes"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = "/api/v1/programmes";
         *body = ProgrammeBody(t.unit());
       })},
      {{"PUT", v + "/programmes/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeProgramme(t, p, &record));
       })},
      {{"DELETE", v + "/programmes/{id}"}, Remove(MadeProgramme)},
      {{"GET", v + "/students"}, ReadPath(v + "/students")},
      {{"GET", v + "/students/{id}"}, Read(Shared("MadeStudent", MadeStudent))},
      {{"GET", v + "/students/{id}/language-certificates"},
       Read(Shared("MadeStudent", MadeStudent, "/language-certificates"))},
      {{"GET", v + "/student-language-certificates/{id}"},
       Read(Shared("MadeCertificate", MadeCertificate))},
      {{"GET", v + "/students/{id}/stays-abroad"},
       Read(Shared("MadeStudent", MadeStudent, "/stays-abroad"))},
      {{"GET", v + "/student-stays-abroad/{id}"}, Read(Shared("MadeStay", MadeStay))},
      {{"POST", v + "/students"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = "/api/v1/students";
         *body = t.StudentBody(-1);
       })},
      {{"PUT", v + "/students/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeStudent(t, p, &record));
       })},
      {{"DELETE", v + "/students/{id}"}, Remove(MadeStudent)},
      {{"POST", v + "/students/{id}/language-certificates"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeStudent(t, p, &record));
         *p += "/language-certificates";
         *body = CertificateBody();
       })},
      {{"PUT", v + "/student-language-certificates/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeCertificate(t, p, &record));
       })},
      {{"DELETE", v + "/student-language-certificates/{id}"}, Remove(MadeCertificate)},
      {{"POST", v + "/students/{id}/stays-abroad"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeStudent(t, p, &record));
         *p += "/stays-abroad";
         *body = StayBody();
       })},
      {{"PUT", v + "/student-stays-abroad/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeStay(t, p, &record));
       })},
      {{"DELETE", v + "/student-stays-abroad/{id}"}, Remove(MadeStay)},
      {{"GET", v + "/me/student"}, ReadPath(v + "/me/student")},
      // calls and offers
      {{"GET", v + "/calls"}, ReadPath(v + "/calls")},
      {{"GET", v + "/calls/{id}"}, Read(Shared("MadeCall", MadeCall))},
      {{"POST", v + "/calls"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = kCalls;
         *body = CallBody(std::stoll(t.unit()));
       })},
      {{"PUT", v + "/calls/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeCall(t, p, &record));
       })},
      {{"DELETE", v + "/calls/{id}"}, Remove(MadeCall)},
      {{"GET", v + "/calls/{id}/offers"}, Read(Shared("MadeCall", MadeCall, "/offers"))},
      {{"POST", v + "/calls/{id}/offers"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeCall(t, p, &record));
         *p += "/offers";
         ASSERT_NO_FATAL_FAILURE(OfferBodyOfFreshQuota(body));
       })},
      {{"GET", v + "/calls/{id}/quotas"}, Read(Shared("MadeCall", MadeCall, "/quotas"))},
      {{"GET", v + "/offers/{id}"}, Read(Shared("MadeOffer", MadeOffer))},
      {{"PUT", v + "/offers/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeOffer(t, p, &record));
       })},
      {{"DELETE", v + "/offers/{id}"}, Remove(MadeOffer)},
      // applying
      {{"GET", v + "/calls/{id}/my-application"}, Mine("GET", "")},
      {{"PUT", v + "/calls/{id}/my-application"}, Mine("PUT", "")},
      {{"POST", v + "/calls/{id}/my-application/submit"}, Mine("POST", "/submit")},
      {{"POST", v + "/calls/{id}/my-application/withdraw"}, Mine("POST", "/withdraw", true)},
      {{"POST", v + "/calls/{id}/my-application/documents/{kind}"},
       Mine("POST", "/documents/motivation_letter")},
      {{"GET", v + "/calls/{id}/my-application/documents/{kind}"},
       Mine("GET", "/documents/motivation_letter")},
      {{"DELETE", v + "/calls/{id}/my-application/documents/{kind}"},
       Mine("DELETE", "/documents/motivation_letter")},
      {{"POST", v + "/calls/{id}/my-application/accept"}, Answer("/accept")},
      {{"POST", v + "/calls/{id}/my-application/decline"}, Answer("/decline")},
      {{"POST", v + "/calls/{id}/my-application/objection"}, Answer("/objection")},
      // a call's applications
      {{"GET", v + "/calls/{id}/applications"}, Read([](GrantsApi& t, std::string* p) {
         std::string call;
         Json run;
         ASSERT_NO_FATAL_FAILURE(t.SharedRun(&call, &run));
         *p = "/api/v1/calls/" + call + "/applications";
       })},
      {{"GET", v + "/applications/{id}"}, Application("GET", "")},
      {{"GET", v + "/applications/{id}/documents/{kind}"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string call;
         Json application;
         ASSERT_NO_FATAL_FAILURE(t.OwnApplication(&call, &application));
         const Response uploaded =
             ApiClient(t.student_session())
                 .PostRaw(GrantsApi::Mine(call) + "/documents/motivation_letter", kMinimalPdf,
                          "application/pdf");
         ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
         *out = As(cell).Get(I("applications", application) + "/documents/motivation_letter");
       }},
      {{"PUT", v + "/applications/{id}/score"},
       Application("PUT", "/score", {{"committee_points", 4}, {"office_note", "Granted"}})},
      {{"PUT", v + "/applications/{id}/completeness"},
       Application("PUT", "/completeness", {{"complete", true}})},
      // allocation runs
      {{"POST", v + "/calls/{id}/allocation-runs"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string call, offer;
         ASSERT_NO_FATAL_FAILURE(t.ClosedCall(&call, &offer));
         *out = As(cell).Post(GrantsApi::Runs(call), Json::object());
       }},
      {{"GET", v + "/calls/{id}/allocation-runs"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string call;
         Json run;
         ASSERT_NO_FATAL_FAILURE(t.SharedRun(&call, &run));
         *out = As(cell).Get(GrantsApi::Runs(call));
       }},
      {{"GET", v + "/allocation-runs/{id}"}, OnRun("GET", "")},
      {{"GET", v + "/allocation-runs/{id}/results"}, OnRun("GET", "/results")},
      {{"GET", v + "/allocation-runs/{id}/input"}, OnRun("GET", "/input")},
      {{"POST", v + "/allocation-runs/{id}/repeat"}, OnRun("POST", "/repeat")},
      {{"GET", v + "/allocation-runs/{id}/objections"}, OnRun("GET", "/objections")},
      {{"POST", v + "/allocation-runs/{id}/what-if"}, OnRun("POST", "/what-if")},
      {{"GET", v + "/allocation-runs/{id}/one-more-place"}, OnRun("GET", "/one-more-place")},
      {{"POST", v + "/allocation-runs/{id}/sign-off"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string call;
         Json run;
         ASSERT_NO_FATAL_FAILURE(t.StartedRun(&call, &run));
         *out = As(cell).Post(GrantsApi::Run(IdOf(run)) + "/sign-off", Json::object(),
                              GrantsApi::IfMatch(VersionOf(run)));
       }},
      {{"POST", v + "/allocation-runs/{id}/publish"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         std::string call;
         Json run;
         ASSERT_NO_FATAL_FAILURE(t.SignedOffRun(&call, &run));
         *out = As(cell).Post(GrantsApi::Run(IdOf(run)) + "/publish", Json::object(),
                              GrantsApi::IfMatch(VersionOf(run)));
       }},
      {{"PUT", v + "/objections/{id}/answer"},
       [](GrantsApi& t, const Cell& cell, Response* out) {
         Json objection;
         ASSERT_NO_FATAL_FAILURE(t.Objection(&objection));
         *out = As(cell).Put("/api/v1/objections/" + Id(objection) + "/answer",
                             {{"decision", "rejected"}, {"answer", "The ranking stands."}},
                             VersionOf(objection));
       }},
      {{"GET", v + "/calls/{id}/demand"}, Read([](GrantsApi& t, std::string* p) {
         std::string call;
         Json run;
         ASSERT_NO_FATAL_FAILURE(t.SharedRun(&call, &run));
         *p = "/api/v1/calls/" + call + "/demand";
       })},
      {{"GET", v + "/exchange/demand"}, Read([](GrantsApi& t, std::string* p) {
         *p = "/api/v1/exchange/demand?org_unit_id=" + t.unit();
       })},
      {{"GET", v + "/exchange/application-retention"},
       ReadPath(v + "/exchange/application-retention")},
      {{"PUT", v + "/exchange/application-retention"},
       Update([](GrantsApi&, std::string* p) { *p = "/api/v1/exchange/application-retention"; })},
      {{"POST", v + "/exchange/application-retention/run"},
       [](GrantsApi&, const Cell& cell, Response* out) {
         *out = As(cell).Post("/api/v1/exchange/application-retention/run", Json::object());
       }},
  };
}

}  // namespace weltcampus::api_test::grants
