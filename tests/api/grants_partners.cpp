// Valid requests of the authorization grants (authorization_grants_test.cpp): the partner register.
#include <map>
#include <string>
#include <utility>

#include "grants_fixture.h"
#include "grants_requests.h"

namespace weltcampus::api_test::grants {

Requests PartnerRequests() {
  const std::string v = "/api/v1";
  return {
      // the register, read
      {{"GET", v + "/institutions"}, ReadPath(v + "/institutions")},
      {{"GET", v + "/institutions/{id}"},
       Read([](GrantsApi& t, std::string* p) { *p = I("institutions", t.institution()); })},
      {{"GET", v + "/partnerships"}, ReadPath(v + "/partnerships")},
      {{"GET", v + "/partnerships/map"}, ReadPath(v + "/partnerships/map")},
      {{"GET", v + "/partnerships/countries"}, ReadPath(v + "/partnerships/countries")},
      {{"GET", v + "/partnerships/{id}"},
       Read([](GrantsApi& t, std::string* p) { *p = I("partnerships", t.partner()); })},
      {{"GET", v + "/partnerships/{id}/overview"}, Read([](GrantsApi& t, std::string* p) {
         *p = I("partnerships", t.partner()) + "/overview";
       })},
      {{"GET", v + "/partnerships/{id}/joint-structures"}, Read([](GrantsApi& t, std::string* p) {
         *p = I("partnerships", t.partner()) + "/joint-structures";
       })},
      {{"GET", v + "/joint-structures/{id}"}, Read(Shared("MadeJoint", MadeJoint))},
      {{"GET", v + "/agreements"}, ReadPath(v + "/agreements")},
      {{"GET", v + "/agreements/expiring"}, ReadPath(v + "/agreements/expiring")},
      {{"GET", v + "/agreements/{id}"},
       Read([](GrantsApi& t, std::string* p) { *p = AgreementPath(t.agreement()); })},
      // the register's internals
      {{"GET", v + "/partnerships/{id}/contacts"}, Read([](GrantsApi& t, std::string* p) {
         *p = I("partnerships", t.partner()) + "/contacts";
       })},
      {{"GET", v + "/partner-contacts/{id}"}, Read(Shared("MadeContact", MadeContact))},
      {{"GET", v + "/partnerships/{id}/notes"},
       Read([](GrantsApi& t, std::string* p) { *p = I("partnerships", t.partner()) + "/notes"; })},
      {{"GET", v + "/partner-notes/{id}"}, Read(Shared("MadeNote", MadeNote))},
      {{"GET", v + "/agreements/{id}/documents"}, Read([](GrantsApi& t, std::string* p) {
         *p = AgreementPath(t.agreement()) + "/documents";
       })},
      {{"GET", v + "/agreement-documents/{id}"}, Read(Shared("MadeDocument", MadeDocument))},
      {{"GET", v + "/agreement-documents/{id}/files"},
       Read(Shared("UploadedFile's document",
                   [](GrantsApi& t, std::string* p, Json* file) {
                     ASSERT_NO_FATAL_FAILURE(UploadedFile(t, p, file));
                     *p = "/api/v1/agreement-documents/" + (*file)["document_id"].dump() + "/files";
                   }))},
      {{"GET", v + "/agreement-document-files/{id}"}, Read(Shared("UploadedFile", UploadedFile))},
      {{"GET", v + "/partnerships/{id}/history"}, Read([](GrantsApi& t, std::string* p) {
         *p = I("partnerships", t.partner()) + "/history";
       })},
      {{"GET", v + "/agreements/{id}/history"},
       Read([](GrantsApi& t, std::string* p) { *p = AgreementPath(t.agreement()) + "/history"; })},
      // keeping the register
      {{"POST", v + "/institutions"}, Create([](GrantsApi&, std::string* p, Json* body) {
         *p = kInstitutions;
         *body = InstitutionBody();
       })},
      {{"PUT", v + "/institutions/{id}"},
       Update([](GrantsApi& t, std::string* p) { *p = I("institutions", t.institution()); })},
      {{"DELETE", v + "/institutions/{id}"}, Remove([](GrantsApi&, std::string* p, Json* record) {
         ASSERT_NO_FATAL_FAILURE(GrantsApi::Made(kInstitutions, InstitutionBody(), record));
         *p = I("institutions", *record);
       })},
      {{"POST", v + "/partnerships"}, Create([](GrantsApi&, std::string* p, Json* body) {
         Json institution;
         ASSERT_NO_FATAL_FAILURE(GrantsApi::Made(kInstitutions, InstitutionBody(), &institution));
         *p = "/api/v1/partnerships";
         *body = {{"institution_id", IdOf(institution)}, {"tier", "standard"}};
       })},
      {{"PUT", v + "/partnerships/{id}"},
       Update([](GrantsApi& t, std::string* p) { *p = I("partnerships", t.partner()); })},
      {{"DELETE", v + "/partnerships/{id}"}, Remove([](GrantsApi& t, std::string* p, Json* record) {
         PartnerFixture partner;
         ASSERT_NO_FATAL_FAILURE(FreshPartner(t, &partner));
         *record = partner.partnership;
         *p = I("partnerships", *record);
       })},
      {{"POST", v + "/partnerships/{id}/joint-structures"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = I("partnerships", t.partner()) + "/joint-structures";
         *body = JointBody();
       })},
      {{"PUT", v + "/joint-structures/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeJoint(t, p, &record));
       })},
      {{"DELETE", v + "/joint-structures/{id}"}, Remove(MadeJoint)},
      {{"POST", v + "/partnerships/{id}/contacts"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = I("partnerships", t.partner()) + "/contacts";
         *body = ContactBody();
       })},
      {{"PUT", v + "/partner-contacts/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeContact(t, p, &record));
       })},
      {{"DELETE", v + "/partner-contacts/{id}"}, Remove(MadeContact)},
      {{"POST", v + "/partnerships/{id}/notes"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = I("partnerships", t.partner()) + "/notes";
         *body = NoteBody();
       })},
      {{"PUT", v + "/partner-notes/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeNote(t, p, &record));
       })},
      {{"DELETE", v + "/partner-notes/{id}"}, Remove(MadeNote)},
      {{"POST", v + "/agreements/{id}/documents"},
       Create([](GrantsApi& t, std::string* p, Json* body) {
         *p = AgreementPath(t.agreement()) + "/documents";
         *body = DocumentBody();
       })},
      {{"PUT", v + "/agreement-documents/{id}"}, Update([](GrantsApi& t, std::string* p) {
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
      {{"POST", v + "/agreements"}, Create([](GrantsApi& t, std::string* p, Json* body) {
         const int year = CurrentAcademicYearStart();
         *p = kAgreements;
         *body = NewAgreementBody(IdOf(t.partner()), IdOf(t.institution()), "draft", year + 1,
                                  year + 2);
       })},
      {{"PUT", v + "/agreements/{id}"}, Update([](GrantsApi& t, std::string* p) {
         Json record;
         ASSERT_NO_FATAL_FAILURE(MadeAgreement(t, "draft", p, &record));
       })},
      {{"DELETE", v + "/agreements/{id}"}, Remove([](GrantsApi& t, std::string* p, Json* record) {
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
         *out = As(cell).Post(
             "/api/v1/agreements/bulk",
             {{"items", {item}},
              {"set", {{"last_academic_year", AcademicYear(CurrentAcademicYearStart() + 3)}}}});
       }},
  };
}

}  // namespace weltcampus::api_test::grants
