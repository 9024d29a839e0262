// Agreement status transitions: only the documented ones are allowed.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::vector<std::string> kStatuses = {"draft",  "in_negotiation", "signed",
                                            "active", "expired",        "terminated"};

// From docs/api.md.
const std::map<std::string, std::set<std::string>> kAllowed = {
    {"draft", {"in_negotiation", "terminated"}},
    {"in_negotiation", {"draft", "signed", "terminated"}},
    {"signed", {"active", "terminated"}},
    {"active", {"expired", "terminated"}},
    {"expired", {}},
    {"terminated", {}},
};

// A way from a starting status to every status.
const std::map<std::string, std::vector<std::string>> kPathTo = {
    {"draft", {}},
    {"in_negotiation", {"in_negotiation"}},
    {"signed", {"in_negotiation", "signed"}},
    {"active", {"in_negotiation", "signed", "active"}},
    {"expired", {"in_negotiation", "signed", "active", "expired"}},
    {"terminated", {"terminated"}},
};

class AgreementStatusTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_)); }

  void CreateInStatus(const std::string& status, Json* agreement) {
    Json created;
    ASSERT_NO_FATAL_FAILURE(
        CreateOk(kAgreements,
                 NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), "draft",
                                  2027, 2028),
                 &created));
    for (const std::string& next : kPathTo.at(status)) {
      Json changed = created;
      changed["status"] = next;
      ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(created), changed, &created)) << "to " << next;
      ASSERT_EQ(created["status"], next);
    }
    *agreement = created;
  }

  PartnerFixture partner_;
};

TEST_F(AgreementStatusTest, EveryTransitionIsAllowedOrRejectedAsDocumented) {
  for (const std::string& from : kStatuses) {
    for (const std::string& to : kStatuses) {
      if (from == to) {
        continue;
      }
      SCOPED_TRACE(from + " -> " + to);
      Json agreement;
      ASSERT_NO_FATAL_FAILURE(CreateInStatus(from, &agreement));
      Json changed = agreement;
      changed["status"] = to;
      const Response response = Api().Put(AgreementPath(agreement), changed, VersionOf(agreement));
      if (kAllowed.at(from).count(to) > 0) {
        ASSERT_TRUE(IsJson(response, 200));
        EXPECT_EQ(response.json["status"], to);
      } else {
        EXPECT_TRUE(IsError(response, 422, "validation_failed", "status"));
        Json read;
        ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement), &read));
        EXPECT_EQ(read, agreement) << "a rejected transition changed the record";
      }
    }
  }
}

TEST_F(AgreementStatusTest, SameStatusIsNoTransition) {
  // Editing other fields of an active agreement keeps its status: not a forbidden transition.
  Json active;
  ASSERT_NO_FATAL_FAILURE(CreateInStatus("active", &active));
  Json changed = active;
  changed["title"] = "Edited while active";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(active), changed, &updated));
  EXPECT_EQ(updated["status"], "active");
  EXPECT_EQ(updated["title"], "Edited while active");
}

TEST_F(AgreementStatusTest, NewAgreementsStartAsDraftInNegotiationOrSigned) {
  for (const std::string& status : kStatuses) {
    SCOPED_TRACE(status);
    Json body = NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), status,
                                 2027, 2028);
    long long before = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(kAgreements, &before));
    const Response response = Api().Post(kAgreements, body);
    long long after = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(kAgreements, &after));
    if (status == "draft" || status == "in_negotiation" || status == "signed") {
      ASSERT_TRUE(IsJson(response, 201));
      EXPECT_EQ(response.json["status"], status);
      EXPECT_EQ(after, before + 1);
    } else {
      EXPECT_TRUE(IsError(response, 422, "validation_failed", "status"));
      EXPECT_EQ(after, before);
    }
  }
}

TEST_F(AgreementStatusTest, ActiveAgreementsCountForThePartnership) {
  Json before;
  ASSERT_NO_FATAL_FAILURE(
      GetOk("/api/v1/partnerships/" + std::to_string(IdOf(partner_.partnership)), &before));
  EXPECT_EQ(before["active_agreements"], 0);
  Json active;
  ASSERT_NO_FATAL_FAILURE(CreateInStatus("active", &active));
  Json signed_only;
  ASSERT_NO_FATAL_FAILURE(CreateInStatus("signed", &signed_only));
  Json after;
  ASSERT_NO_FATAL_FAILURE(
      GetOk("/api/v1/partnerships/" + std::to_string(IdOf(partner_.partnership)), &after));
  EXPECT_EQ(after["active_agreements"], 1) << after.dump();
  std::vector<Json> with_active;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query("/api/v1/partnerships", {{"agreement_status", "active"}, {"country", "FR"}}),
              200, &with_active));
  bool found = false;
  for (const Json& item : with_active) {
    found = found || IdOf(item) == IdOf(partner_.partnership);
  }
  EXPECT_TRUE(found) << "agreement_status=active does not list a partnership with an active one";
}

}  // namespace
}  // namespace weltcampus::api_test
