// Renewal as a step, not an edit (issue 9, offices ask 3): renewing a signed, active or expired
// agreement creates its successor as a draft with the same conditions for the next period of the
// same length, linked both ways; an agreement is renewed once; the list finds those not renewed
// yet.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

std::string RenewalPath(const Json& agreement) { return AgreementPath(agreement) + "/renewal"; }

// Quotas without their ids, to compare conditions.
std::multiset<std::string> Conditions(const Json& agreement) {
  std::multiset<std::string> out;
  for (Json quota : agreement["quotas"]) {
    quota.erase("id");
    out.insert(quota.dump());
  }
  return out;
}

TEST(Renewal, TheSuccessorIsADraftWithTheSameConditionsForTheNextPeriod) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  Json signed_agreement;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "signed",
                                year - 2, year),
               &signed_agreement));
  const Response renewed = Api().Post(RenewalPath(signed_agreement), Json::object());
  ASSERT_TRUE(IsJson(renewed, 201));
  const Json& successor = renewed.json;
  EXPECT_EQ(renewed.Header("Location"), "/api/v1/agreements/" + std::to_string(IdOf(successor)));
  EXPECT_NE(IdOf(successor), IdOf(signed_agreement));
  EXPECT_EQ(successor["status"], "draft");
  EXPECT_EQ(successor["first_academic_year"], AcademicYear(year + 1));
  EXPECT_EQ(successor["last_academic_year"], AcademicYear(year + 3));  // three years, as before
  EXPECT_EQ(successor["predecessor_id"], IdOf(signed_agreement));
  EXPECT_TRUE(successor["successor_id"].is_null());
  for (const char* field : {"title", "type", "partnership_id", "partner_institution_ids"}) {
    EXPECT_EQ(successor[field], signed_agreement[field]) << field;
  }
  EXPECT_EQ(Conditions(successor), Conditions(signed_agreement));
  EXPECT_NE(successor["quotas"][0]["id"], signed_agreement["quotas"][0]["id"]);
  ASSERT_EQ(successor["contacts"].size(), 1u);
  EXPECT_EQ(successor["contacts"][0]["email"], "jane.roe@example.org");

  Json predecessor;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(signed_agreement), &predecessor));
  EXPECT_EQ(predecessor["successor_id"], IdOf(successor));
  EXPECT_EQ(predecessor["status"], "signed");  // the predecessor is not changed

  // Renewed once: a second renewal is refused, naming the successor.
  const Response again = Api().Post(RenewalPath(signed_agreement), Json::object());
  ASSERT_TRUE(IsError(again, 409, "conflict")) << again;
  EXPECT_NE(again.body.find(std::to_string(IdOf(successor))), std::string::npos) << again;
}

TEST(Renewal, DraftsAndNegotiationsAreNotRenewedAndTheListFindsThoseNotRenewedYet) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  const auto create = [&](const char* status, Json* out) {
    ASSERT_NO_FATAL_FAILURE(CreateOk(
        "/api/v1/agreements",
        NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), status, year, year),
        out));
  };
  Json draft;
  ASSERT_NO_FATAL_FAILURE(create("draft", &draft));
  EXPECT_TRUE(
      IsError(Api().Post(RenewalPath(draft), Json::object()), 422, "validation_failed", "status"));
  Json first;
  Json second;
  ASSERT_NO_FATAL_FAILURE(create("signed", &first));
  ASSERT_NO_FATAL_FAILURE(create("signed", &second));
  const Response renewed = Api().Post(RenewalPath(first), Json::object());
  ASSERT_TRUE(IsJson(renewed, 201));

  const Response open = Api().Get(
      Query("/api/v1/agreements", {{"partnership_id", std::to_string(IdOf(partner.partnership))},
                                   {"status", "signed"},
                                   {"without_successor", "true"}}));
  ASSERT_TRUE(IsJson(open, 200));
  std::set<long long> ids;
  for (const Json& item : open.json["items"]) {
    ids.insert(IdOf(item));
  }
  EXPECT_EQ(ids, std::set<long long>{IdOf(second)});

  EXPECT_TRUE(
      IsError(Api().Post("/api/v1/agreements/99999999/renewal", Json::object()), 404, "not_found"));
  // A student learns nothing of the renewal in preparation.
  Json change = second;
  change["status"] = "active";
  Json active;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(second), change, &active));
  ASSERT_TRUE(IsJson(Api().Post(RenewalPath(active), Json::object()), 201));
  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  const Response seen = ApiClient(student).Get(AgreementPath(active));
  ASSERT_TRUE(IsJson(seen, 200));
  EXPECT_TRUE(seen.json["successor_id"].is_null()) << seen;
  EXPECT_EQ(ApiClient(student).Post(RenewalPath(active), Json::object()).status, 403);
}

}  // namespace
}  // namespace weltcampus::api_test
