// Documents on agreements (issue 9, "what offices ask for first" 2): the signed agreement as a PDF,
// told by its bytes, with its versions kept and downloadable byte for byte; for staff only; an
// agreement with documents is not removed until they are.
#include <gtest/gtest.h>

#include <string>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::string DocumentPath(const Json& document) {
  return "/api/v1/agreement-documents/" + std::to_string(IdOf(document));
}

class AgreementDocuments : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_));
    const int year = CurrentAcademicYearStart();
    ASSERT_NO_FATAL_FAILURE(
        CreateOk("/api/v1/agreements",
                 NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), "signed",
                                  year, year + 2),
                 &agreement_));
  }
  std::string Collection() const { return AgreementPath(agreement_) + "/documents"; }
  void AddDocument(const std::string& title, Json* out) {
    ASSERT_NO_FATAL_FAILURE(
        CreateOk(Collection(), {{"title", title}, {"kind", "signed_agreement"}}, out));
  }
  Response Upload(const Json& document, const std::string& bytes,
                  const std::string& name = "agreement.pdf",
                  const std::string& type = "application/pdf") {
    return Api().PostRaw(Query(DocumentPath(document) + "/files", {{"file_name", name}}), bytes,
                         type);
  }

  PartnerFixture partner_;
  Json agreement_;
};

TEST_F(AgreementDocuments, VersionsAreKeptAndDownloadedByteForByte) {
  Json document;
  ASSERT_NO_FATAL_FAILURE(AddDocument("Inter-institutional agreement 2027-2030", &document));
  EXPECT_EQ(document["agreement_id"], IdOf(agreement_));
  EXPECT_EQ(document["file_count"], 0);
  EXPECT_TRUE(document["latest_file_id"].is_null());

  const std::string first = SmallPdf("first signature");
  const Response one = Upload(document, first, "C:\\scans\\IIA signed.pdf");
  ASSERT_TRUE(IsJson(one, 201)) << one;
  EXPECT_EQ(one.json["number"], 1);
  EXPECT_EQ(one.json["file_name"], "IIA signed.pdf");
  EXPECT_EQ(one.json["size_bytes"], static_cast<long long>(first.size()));
  EXPECT_EQ(one.json["media_type"], "application/pdf");
  EXPECT_EQ(one.json["sha256"].get<std::string>().size(), 64u);
  EXPECT_EQ(one.Header("Location"),
            "/api/v1/agreement-document-files/" + std::to_string(IdOf(one.json)));
  EXPECT_FALSE(one.json["uploaded_by"].is_null());

  const std::string second = SmallPdf("countersigned");
  const Response two = Upload(document, second, "IIA countersigned");
  ASSERT_TRUE(IsJson(two, 201)) << two;
  EXPECT_EQ(two.json["number"], 2);
  EXPECT_EQ(two.json["file_name"], "IIA countersigned.pdf");

  Json now;
  ASSERT_NO_FATAL_FAILURE(GetOk(DocumentPath(document), &now));
  EXPECT_EQ(now["file_count"], 2);
  EXPECT_EQ(now["latest_file_id"], IdOf(two.json));
  EXPECT_EQ(now["latest_file_name"], "IIA countersigned.pdf");
  EXPECT_EQ(now["latest_size_bytes"], static_cast<long long>(second.size()));
  EXPECT_GT(VersionOf(now), VersionOf(document));

  const Response files = Api().Get(DocumentPath(document) + "/files");
  ASSERT_TRUE(IsJson(files, 200));
  ASSERT_EQ(files.json["items"].size(), 2u) << files;
  EXPECT_EQ(files.json["items"][0]["number"], 2);
  EXPECT_EQ(files.json["items"][1]["number"], 1);

  for (const auto& [file, bytes] : {std::pair{one.json, first}, std::pair{two.json, second}}) {
    const Response download =
        Api().Get("/api/v1/agreement-document-files/" + std::to_string(IdOf(file)));
    ASSERT_EQ(download.status, 200) << download;
    EXPECT_EQ(download.body, bytes);
    EXPECT_EQ(download.Header("Content-Type"), "application/pdf");
    EXPECT_NE(download.Header("Content-Disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(download.Header("X-Content-Type-Options"), "nosniff");
  }

  const Response listed = Api().Get(Collection());
  ASSERT_TRUE(IsJson(listed, 200));
  ASSERT_EQ(listed.json["items"].size(), 1u);
  EXPECT_EQ(listed.json["items"][0]["file_count"], 2);

  // One audit entry per upload, naming the file and never holding its bytes.
  const Response audit =
      Api().Get(Query("/api/v1/audit", {{"entity_type", "agreement_document"},
                                        {"entity_id", std::to_string(IdOf(document))}}));
  ASSERT_TRUE(IsJson(audit, 200));
  EXPECT_EQ(audit.json["items"].size(), 3u) << audit;
  EXPECT_EQ(audit.body.find("countersigned)"), std::string::npos);
  EXPECT_NE(audit.body.find("IIA countersigned.pdf"), std::string::npos);
}

TEST_F(AgreementDocuments, OnlyPdfFilesWithinTheLimitAreTaken) {
  Json document;
  ASSERT_NO_FATAL_FAILURE(AddDocument("Annex", &document));
  // Told by the bytes, not by the name or the declared type.
  EXPECT_TRUE(IsError(Upload(document, "MZ\x90\x00 not a pdf at all", "contract.pdf"), 422,
                      "validation_failed", "file"));
  EXPECT_TRUE(IsError(Upload(document, "%PDF-1.4 but cut off before its end"), 422,
                      "validation_failed", "file"));
  EXPECT_TRUE(IsError(
      Upload(document, std::string("<html><script>alert(1)</script></html>"), "x.pdf", "text/html"),
      422, "validation_failed", "file"));
  EXPECT_TRUE(IsError(Upload(document, ""), 422, "validation_failed", "file"));
  std::string large = SmallPdf("large");
  large.insert(10, std::string(10 * 1024 * 1024, ' '));
  EXPECT_TRUE(IsError(Upload(document, large), 413, "payload_too_large"));
  Json unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(DocumentPath(document), &unchanged));
  EXPECT_EQ(unchanged["file_count"], 0);
  EXPECT_EQ(VersionOf(unchanged), VersionOf(document));

  EXPECT_TRUE(IsError(
      Api().PostRaw("/api/v1/agreement-documents/99999999/files", SmallPdf("x"), "application/pdf"),
      404, "not_found"));
  EXPECT_TRUE(IsError(Api().Post(Collection(), {{"title", "x"}, {"kind", "contract"}}), 422,
                      "validation_failed", "kind"));
  EXPECT_TRUE(
      IsError(Api().Post(Collection(), {{"kind", "annex"}}), 422, "validation_failed", "title"));
}

TEST_F(AgreementDocuments, AnAgreementWithDocumentsIsNotRemovedUntilTheyAre) {
  Json document;
  ASSERT_NO_FATAL_FAILURE(AddDocument("Signed copy", &document));
  ASSERT_EQ(Upload(document, SmallPdf("signed")).status, 201);
  Json current;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement_), &current));
  const Response refused = Api().Delete(AgreementPath(agreement_), VersionOf(current));
  ASSERT_TRUE(IsError(refused, 409, "conflict")) << refused;
  EXPECT_NE(refused.json["error"]["message"].get<std::string>().find("document"), std::string::npos)
      << refused;
  Json latest;
  ASSERT_NO_FATAL_FAILURE(GetOk(DocumentPath(document), &latest));
  const Response gone = Api().Delete(DocumentPath(document), VersionOf(latest));
  ASSERT_EQ(gone.status, 204) << gone;
  EXPECT_EQ(Api().Get(DocumentPath(document)).status, 404);
  const Response removed = Api().Delete(AgreementPath(agreement_), VersionOf(current));
  EXPECT_EQ(removed.status, 204) << removed;
}

TEST_F(AgreementDocuments, StudentsAndResearchersNeitherSeeNorUpload) {
  Json document;
  ASSERT_NO_FATAL_FAILURE(AddDocument("Confidential annex", &document));
  const Response file = Upload(document, SmallPdf("confidential"));
  ASSERT_TRUE(IsJson(file, 201)) << file;
  for (const char* role : {"student", "researcher"}) {
    SCOPED_TRACE(role);
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(role, &session));
    ApiClient client(session);
    for (const std::string& path :
         {Collection(), DocumentPath(document), DocumentPath(document) + "/files",
          "/api/v1/agreement-document-files/" + std::to_string(IdOf(file.json))}) {
      const Response answer = client.Get(path);
      EXPECT_EQ(answer.status, 403) << path;
      EXPECT_EQ(answer.body.find("confidential"), std::string::npos) << path;
    }
    EXPECT_EQ(client.PostRaw(DocumentPath(document) + "/files", SmallPdf("mine"), "application/pdf")
                  .status,
              403);
  }
}

}  // namespace
}  // namespace weltcampus::api_test
