// The authorization matrix's grants (issue 13): every cell docs/api.md's table allows — a role (or
// anonymous) on a route — gets a 2xx on a valid request: a real record, a valid body, the current
// version. The refusals are authorization_matrix_test.cpp's. Every route of the table needs a valid
// request here, so a new route forces one.
#include <functional>
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"
#include "grants_requests.h"

// Named (not anonymous): the API tests are compiled in unity batches, where these short names would
// meet other files' own.
namespace weltcampus::api_test::grants {

const std::map<std::pair<std::string, std::string>, Valid>& ValidRequests() {
  const std::string v = "/api/v1";
  static const std::
      map<std::pair<std::string, std::string>, Valid>
          requests =
              {
                  // public
                  {{"GET", v + "/health"}, ReadPath(v + "/health")},
                  {{"GET", v + "/openapi.json"}, ReadPath(v + "/openapi.json")},
                  {{"GET", v + "/enumerations"}, ReadPath(v + "/enumerations")},
                  {{"GET", v + "/settings/home"}, ReadPath(v + "/settings/home")},
                  {{"POST", v + "/auth/login"}, Login()},
                  {{"GET", v + "/auth/session"}, ReadPath(v + "/auth/session")},
                  // signed-in
                  {{"POST", v + "/auth/logout"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     *out = As(cell).Post("/api/v1/auth/logout", Json::object());
                   }},
                  {{"GET", v + "/me"}, ReadPath(v + "/me")},
                  {{"PUT", v + "/me"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     ApiClient me(cell.session());
                     const Response read = me.Get("/api/v1/me");
                     ASSERT_TRUE(IsJson(read, 200)) << read;
                     Json changed = read.json;
                     changed["display_name"] = "Renamed " + cell.role;
                     *out = me.Put("/api/v1/me", changed, VersionOf(read.json));
                   }},
                  {{"PUT", v + "/me/password"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     const std::string next = UniquePassword("Granted Again");
                     *out = As(cell).Put("/api/v1/me/password",
                                         {{"current_password", cell.person->account.password},
                                          {"new_password", next}},
                                         std::nullopt);
                     if (out->status == 204) {
                       cell.person->account.password = next;
                       RememberSecret(next);
                     }
                   }},
                  {{"GET", v + "/me/data"}, ReadPath(v + "/me/data")},
                  {{"GET", v + "/isced"}, ReadPath(v + "/isced")},
                  {{"GET", v + "/jobs"}, ReadPath(v + "/jobs")},
                  {{"GET", v + "/jobs/{id}"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     std::string job;
                     ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "succeeded", &job));
                     *out = As(cell).Get(job);
                   }},
                  {{"POST", v + "/jobs/{id}/cancel"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     std::string job;
                     ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "running", &job));
                     *out = As(cell).Post(job + "/cancel", Json::object());
                   }},
                  {{"GET", v + "/jobs/{id}/report"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     std::string job;
                     ASSERT_NO_FATAL_FAILURE(OwnJob(cell, "succeeded", &job));
                     *out = As(cell).Get(job + "/report");
                   }},
                  // the school's units
                  {{"GET", v + "/org-units"}, ReadPath(v + "/org-units")},
                  {{"GET", v + "/org-units/{id}"}, Read([](GrantsApi&, std::string* p) {
                     long long school = 0;
                     ASSERT_NO_FATAL_FAILURE(SchoolUnit(&school));
                     *p = "/api/v1/org-units/" + std::to_string(school);
                   })},
                  {{"POST", v + "/org-units"}, Create([](GrantsApi&, std::string* p, Json* body) {
                     long long school = 0;
                     ASSERT_NO_FATAL_FAILURE(SchoolUnit(&school));
                     *p = "/api/v1/org-units";
                     *body = OrgUnitBody(school);
                   })},
                  {{"PUT", v + "/org-units/{id}"}, Update([](GrantsApi& t, std::string* p) {
                     Json unit;
                     ASSERT_NO_FATAL_FAILURE(MadeOrgUnit(t, p, &unit));
                   })},
                  {{"DELETE", v + "/org-units/{id}"}, Remove(MadeOrgUnit)},
                  // the register, read
                  {{"GET", v + "/institutions"}, ReadPath(v + "/institutions")},
                  {{"GET", v + "/institutions/{id}"}, Read([](GrantsApi& t, std::string* p) {
                     *p = I("institutions", t.institution());
                   })},
                  {{"GET", v + "/partnerships"}, ReadPath(v + "/partnerships")},
                  {{"GET", v + "/partnerships/map"}, ReadPath(v + "/partnerships/map")},
                  {{"GET", v + "/partnerships/countries"}, ReadPath(v + "/partnerships/countries")},
                  {{"GET", v + "/partnerships/{id}"},
                   Read([](GrantsApi& t, std::string* p) { *p = I("partnerships", t.partner()); })},
                  {{"GET", v + "/partnerships/{id}/overview"},
                   Read([](GrantsApi& t, std::string* p) {
                     *p = I("partnerships", t.partner()) + "/overview";
                   })},
                  {{"GET", v + "/partnerships/{id}/joint-structures"},
                   Read([](GrantsApi& t, std::string* p) {
                     *p = I("partnerships", t.partner()) + "/joint-structures";
                   })},
                  {{"GET", v + "/joint-structures/{id}"}, Read(Shared("MadeJoint", MadeJoint))},
                  {{"GET", v + "/agreements"}, ReadPath(v + "/agreements")},
                  {{"GET", v + "/agreements/expiring"}, ReadPath(v + "/agreements/expiring")},
                  {{"GET", v + "/agreements/{id}"},
                   Read([](GrantsApi& t, std::string* p) { *p = AgreementPath(t.agreement()); })},
                  // the register's internals
                  {{"GET", v + "/partnerships/{id}/contacts"},
                   Read([](GrantsApi& t, std::string* p) {
                     *p = I("partnerships", t.partner()) + "/contacts";
                   })},
                  {{"GET", v + "/partner-contacts/{id}"}, Read(Shared("MadeContact", MadeContact))},
                  {{"GET", v + "/partnerships/{id}/notes"}, Read([](GrantsApi& t, std::string* p) {
                     *p = I("partnerships", t.partner()) + "/notes";
                   })},
                  {{"GET", v + "/partner-notes/{id}"}, Read(Shared("MadeNote", MadeNote))},
                  {{"GET", v + "/agreements/{id}/documents"},
                   Read([](GrantsApi& t, std::string* p) {
                     *p = AgreementPath(t.agreement()) + "/documents";
                   })},
                  {{"GET", v + "/agreement-documents/{id}"},
                   Read(Shared("MadeDocument", MadeDocument))},
                  {{"GET", v + "/agreement-documents/{id}/files"},
                   Read(Shared("UploadedFile's document",
                               [](GrantsApi& t, std::string* p, Json* file) {
                                 ASSERT_NO_FATAL_FAILURE(UploadedFile(t, p, file));
                                 *p = "/api/v1/agreement-documents/" +
                                      (*file)["document_id"].dump() + "/files";
                               }))},
                  {{"GET", v + "/agreement-document-files/{id}"},
                   Read(Shared("UploadedFile", UploadedFile))},
                  {{"GET", v + "/partnerships/{id}/history"},
                   Read([](GrantsApi& t, std::string* p) {
                     *p = I("partnerships", t.partner()) + "/history";
                   })},
                  {{"GET", v + "/agreements/{id}/history"}, Read([](GrantsApi& t, std::string* p) {
                     *p = AgreementPath(t.agreement()) + "/history";
                   })},
                  // keeping the register
                  {{"POST", v + "/institutions"},
                   Create(
                       [](GrantsApi&, std::string* p, Json* body) {
                         *p = kInstitutions;
                         *body = InstitutionBody();
                       })},
                  {{"PUT", v + "/institutions/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         *p = I("institutions", t.institution());
                       })},
                  {{"DELETE", v + "/institutions/{id}"},
                   Remove(
                       [](GrantsApi&, std::string* p, Json* record) {
                         ASSERT_NO_FATAL_FAILURE(
                             GrantsApi::Made(kInstitutions, InstitutionBody(), record));
                         *p = I("institutions", *record);
                       })},
                  {{"POST", v + "/partnerships"},
                   Create(
                       [](GrantsApi&, std::string* p, Json* body) {
                         Json institution;
                         ASSERT_NO_FATAL_FAILURE(
                             GrantsApi::Made(kInstitutions, InstitutionBody(), &institution));
                         *p = "/api/v1/partnerships";
                         *body = {{"institution_id", IdOf(institution)}, {"tier", "standard"}};
                       })},
                  {{"PUT", v + "/partnerships/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) { *p = I("partnerships", t.partner()); })},
                  {{"DELETE", v + "/partnerships/{id}"},
                   Remove(
                       [](GrantsApi& t, std::string* p, Json* record) {
                         PartnerFixture partner;
                         ASSERT_NO_FATAL_FAILURE(FreshPartner(t, &partner));
                         *record = partner.partnership;
                         *p = I("partnerships", *record);
                       })},
                  {{"POST", v + "/partnerships/{id}/joint-structures"},
                   Create(
                       [](GrantsApi& t, std::string* p, Json* body) {
                         *p = I("partnerships", t.partner()) + "/joint-structures";
                         *body = JointBody();
                       })},
                  {{"PUT", v + "/joint-structures/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         Json record;
                         ASSERT_NO_FATAL_FAILURE(MadeJoint(t, p, &record));
                       })},
                  {{"DELETE", v + "/joint-structures/{id}"}, Remove(MadeJoint)},
                  {{"POST", v + "/partnerships/{id}/contacts"},
                   Create(
                       [](GrantsApi& t, std::string* p, Json* body) {
                         *p = I("partnerships", t.partner()) + "/contacts";
                         *body = ContactBody();
                       })},
                  {{"PUT", v + "/partner-contacts/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         Json record;
                         ASSERT_NO_FATAL_FAILURE(MadeContact(t, p, &record));
                       })},
                  {{"DELETE", v + "/partner-contacts/{id}"}, Remove(MadeContact)},
                  {{"POST", v + "/partnerships/{id}/notes"},
                   Create(
                       [](GrantsApi& t, std::string* p, Json* body) {
                         *p = I("partnerships", t.partner()) + "/notes";
                         *body = NoteBody();
                       })},
                  {{"PUT", v + "/partner-notes/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         Json record;
                         ASSERT_NO_FATAL_FAILURE(MadeNote(t, p, &record));
                       })},
                  {{"DELETE", v + "/partner-notes/{id}"}, Remove(MadeNote)},
                  {{"POST", v + "/agreements/{id}/documents"},
                   Create(
                       [](GrantsApi& t, std::string* p, Json* body) {
                         *p = AgreementPath(t.agreement()) + "/documents";
                         *body = DocumentBody();
                       })},
                  {{"PUT", v + "/agreement-documents/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         Json record;
                         ASSERT_NO_FATAL_FAILURE(MadeDocument(t, p, &record));
                       })},
                  {{"DELETE", v + "/agreement-documents/{id}"}, Remove(MadeDocument)},
                  {{"POST", v + "/agreement-documents/{id}/files"},
                   [](GrantsApi& t, const Cell& cell, Response* out) {
                     std::string document;
                     Json record;
                     ASSERT_NO_FATAL_FAILURE(MadeDocument(t, &document, &record));
                     *out = As(cell).PostRaw(document + "/files?file_name=signed.pdf", kMinimalPdf,
                                             "application/pdf");
                   }},
                  {{"POST", v + "/agreements"},
                   Create(
                       [](GrantsApi& t, std::string* p, Json* body) {
                         const int year = CurrentAcademicYearStart();
                         *p = kAgreements;
                         *body = NewAgreementBody(IdOf(t.partner()), IdOf(t.institution()), "draft",
                                                  year + 1, year + 2);
                       })},
                  {{"PUT", v + "/agreements/{id}"},
                   Update(
                       [](GrantsApi& t, std::string* p) {
                         Json record;
                         ASSERT_NO_FATAL_FAILURE(MadeAgreement(t, "draft", p, &record));
                       })},
                  {{"DELETE", v + "/agreements/{id}"},
                   Remove(
                       [](GrantsApi& t, std::string* p, Json* record) {
                         ASSERT_NO_FATAL_FAILURE(MadeAgreement(t, "draft", p, record));
                       })},
                  {{"POST", v + "/agreements/{id}/renewal"},
                   [](GrantsApi& t, const Cell& cell, Response* out) {
                     std::string path;
                     Json record;
                     ASSERT_NO_FATAL_FAILURE(MadeAgreement(t, "signed", &path, &record));
                     *out = As(cell).Post(path + "/renewal", Json::object());
                   }},
                  {{"POST", v + "/partnerships/bulk"},
                   [](GrantsApi& t, const Cell& cell, Response* out) {
                     PartnerFixture partner;
                     ASSERT_NO_FATAL_FAILURE(FreshPartner(t, &partner));
                     const Json item{{"id", IdOf(partner.partnership)},
                                     {"version", VersionOf(partner.partnership)}};
                     *out = As(cell).Post("/api/v1/partnerships/bulk",
                                          {{"items", {item}}, {"set", {{"tier", "strategic"}}}});
                   }},
                  {{"POST", v + "/agreements/bulk"},
                   [](GrantsApi& t, const Cell& cell, Response* out) {
                     std::string path;
                     Json record;
                     ASSERT_NO_FATAL_FAILURE(MadeAgreement(t, "draft", &path, &record));
                     const Json item{{"id", IdOf(record)}, {"version", VersionOf(record)}};
                     *out = As(cell).Post("/api/v1/agreements/bulk",
                                          {{"items", {item}},
                                           {"set",
                                            {{"last_academic_year",
                                              AcademicYear(CurrentAcademicYearStart() + 3)}}}});
                   }},
                  // the exchange: programmes, students
                  {{"GET", v + "/programmes"}, ReadPath(v + "/programmes")},
                  {{"GET", v + "/programmes/{id}"}, Read(Shared("MadeProgramme", MadeProgramme))},
                  {{"POST", v + "/programmes"},
                   Create([](GrantsApi& t, std::string* p, Json* body) {
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
                  {{"PUT", v + "/student-language-certificates/{id}"},
                   Update([](GrantsApi& t, std::string* p) {
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
                  {{"PUT", v + "/student-stays-abroad/{id}"},
                   Update([](GrantsApi& t, std::string* p) {
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
                  {{"GET", v + "/calls/{id}/offers"},
                   Read(Shared("MadeCall", MadeCall, "/offers"))},
                  {{"POST", v + "/calls/{id}/offers"},
                   Create([](GrantsApi& t, std::string* p, Json* body) {
                     Json record;
                     ASSERT_NO_FATAL_FAILURE(MadeCall(t, p, &record));
                     *p += "/offers";
                     ASSERT_NO_FATAL_FAILURE(OfferBodyOfFreshQuota(body));
                   })},
                  {{"GET", v + "/calls/{id}/quotas"},
                   Read(Shared("MadeCall", MadeCall, "/quotas"))},
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
                  {{"POST", v + "/calls/{id}/my-application/withdraw"},
                   Mine("POST", "/withdraw", true)},
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
                             .PostRaw(GrantsApi::Mine(call) + "/documents/motivation_letter",
                                      kMinimalPdf, "application/pdf");
                     ASSERT_TRUE(IsJson(uploaded, 200)) << uploaded;
                     *out = As(cell).Get(I("applications", application) +
                                         "/documents/motivation_letter");
                   }},
                  {{"PUT", v + "/applications/{id}/score"},
                   Application("PUT", "/score",
                               {{"committee_points", 4}, {"office_note", "Granted"}})},
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
                  {{"GET", v + "/allocation-runs/{id}/one-more-place"},
                   OnRun("GET", "/one-more-place")},
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
                     *out =
                         As(cell).Put("/api/v1/objections/" + Id(objection) + "/answer",
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
                   Update([](GrantsApi&, std::string* p) {
                     *p = "/api/v1/exchange/application-retention";
                   })},
                  {{"POST", v + "/exchange/application-retention/run"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     *out = As(cell).Post("/api/v1/exchange/application-retention/run",
                                          Json::object());
                   }},
                  // imports
                  {{"POST", v + "/imports/{kind}"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     *out = As(cell).PostRaw("/api/v1/imports/isced?dry_run=true",
                                             "code,level\n0912,detailed\n", "text/csv");
                   }},
                  {{"GET", v + "/imports/{kind}/columns"}, ReadPath(v + "/imports/isced/columns")},
                  {{"POST", v + "/imports/{kind}/header"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     *out = As(cell).PostRaw("/api/v1/imports/isced/header",
                                             "code,level\n0912,detailed\n", "text/csv");
                   }},
                  // indicators
                  {{"GET", v + "/summary"}, ReadPath(v + "/summary")},
                  {{"GET", v + "/partnerships/trends"}, ReadPath(v + "/partnerships/trends")},
                  // administration
                  {{"PUT", v + "/settings/home"},
                   Update([](GrantsApi&, std::string* p) { *p = "/api/v1/settings/home"; })},
                  {{"GET", v + "/users"}, ReadPath(v + "/users")},
                  {{"POST", v + "/users"}, Create([](GrantsApi&, std::string* p, Json* body) {
                     *p = "/api/v1/users";
                     *body = {{"email", "granted." + GrantsApi::UniqueDigits() + "@example.org"},
                              {"display_name", "Granted Person"},
                              {"preferred_language", "de"},
                              {"roles", {"researcher"}}};
                   })},
                  {{"GET", v + "/users/{id}"}, Read([](GrantsApi&, std::string* p) {
                     Json user;
                     ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
                     *p = I("users", user);
                   })},
                  {{"PUT", v + "/users/{id}"}, Update([](GrantsApi&, std::string* p) {
                     Json user;
                     ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
                     *p = I("users", user);
                   })},
                  {{"POST", v + "/users/{id}/password-reset"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     Json user;
                     ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
                     *out = As(cell).Post(I("users", user) + "/password-reset", Json::object());
                     if (out->status == 200) {
                       RememberSecret(Str(out->json, "one_time_password"));
                     }
                   }},
                  {{"POST", v + "/users/{id}/erasure"},
                   [](GrantsApi&, const Cell& cell, Response* out) {
                     Json user;
                     ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
                     Json current;
                     ASSERT_NO_FATAL_FAILURE(GetOk(I("users", user), &current));
                     *out = As(cell).Post(I("users", user) + "/erasure", Json::object(),
                                          GrantsApi::IfMatch(VersionOf(current)));
                   }},
                  {{"GET", v + "/users/{id}/data"}, Read([](GrantsApi&, std::string* p) {
                     Json user;
                     ASSERT_NO_FATAL_FAILURE(CreateAccountOnly({"researcher"}, &user));
                     *p = I("users", user) + "/data";
                   })},
                  {{"GET", v + "/audit"}, ReadPath(v + "/audit")},
                  {{"GET", v + "/audit/verify"}, ReadPath(v + "/audit/verify")},
                  {{"GET", "/metrics"}, ReadPath("/metrics")},
              };
  return requests;
}

}  // namespace weltcampus::api_test::grants

namespace weltcampus::api_test {
namespace {

using grants::ValidRequests;

class AuthorizationGrants : public GrantsApi {};

TEST_F(AuthorizationGrants, EveryAllowedCellAnswers2xxToAValidRequest) {
  const auto& valid = ValidRequests();
  int granted = 0;
  // Signing out ends the person's session: last.
  std::vector<RouteRow> routes = RouteTable();
  std::stable_partition(routes.begin(), routes.end(),
                        [](const RouteRow& row) { return row.path != "/api/v1/auth/logout"; });
  for (const RouteRow& row : routes) {
    const auto request = valid.find({row.method, row.path});
    if (request == valid.end()) {
      ADD_FAILURE() << row.method << " " << row.path
                    << " has no valid request in authorization_grants_table.inc: add one";
      continue;
    }
    const Access& access = AccessOf(row);
    std::vector<Cell> cells;
    for (const std::string& role : AllRoles()) {
      if (Allows(access, role)) {
        cells.push_back({role, &people_[role]});
      }
    }
    if (access.anonymous || access.anonymous_loopback) {
      cells.push_back({"anonymous", nullptr});
    }
    EXPECT_FALSE(cells.empty()) << row.method << " " << row.path << ": nobody may use it";
    for (const Cell& cell : cells) {
      Response answer;
      request->second(*this, cell, &answer);
      EXPECT_TRUE(answer.status >= 200 && answer.status < 300)
          << cell.role << " on " << row.method << " " << row.path
          << ": a valid request must be granted, got " << answer;
      ++granted;
    }
  }
  for (const auto& [route, request] : valid) {
    bool known = false;
    for (const RouteRow& row : routes) {
      known = known || (row.method == route.first && row.path == route.second);
    }
    EXPECT_TRUE(known) << route.first << " " << route.second << " is not in the route table";
  }
  EXPECT_GT(granted, 300);
}

}  // namespace
}  // namespace weltcampus::api_test
