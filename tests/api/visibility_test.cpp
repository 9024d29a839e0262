// What each role sees of the partner register (issue 9, defect 1). The expectations are written
// from the requirement, not from the server's access table: the school's staff see everything;
// students and researchers see active agreements and the public facts, never a partnership's
// notes, an agreement that is not active, the renewals worklist or the contacts' names, e-mail
// addresses and telephone numbers.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::set<std::string> kStaff = {"admin",           "international_office", "coordinator",
                                      "research_office", "welcome_officer",      "management"};
const std::set<std::string> kPublic = {"student", "researcher"};

constexpr const char* kNote = "signed copy expected Jan 2027";
constexpr const char* kContactEmail = "jane.roe@example.org";
constexpr const char* kContactPhone = "+33 4 00 00 00 00";

class VisibilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_));
    Json partnership = partner_.partnership;
    partnership["notes"] = kNote;
    ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/partnerships/" + std::to_string(IdOf(partnership)),
                                     partnership, &partner_.partnership));
    const int year = CurrentAcademicYearStart();
    const auto create = [&](const std::string& status, Json* agreement) {
      ASSERT_NO_FATAL_FAILURE(
          CreateOk("/api/v1/agreements",
                   NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), status,
                                    year, year + 1),
                   agreement));
    };
    ASSERT_NO_FATAL_FAILURE(create("draft", &draft_));
    ASSERT_NO_FATAL_FAILURE(create("in_negotiation", &negotiation_));
    ASSERT_NO_FATAL_FAILURE(create("signed", &active_));
    Json changed = active_;
    changed["status"] = "active";
    ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(active_), changed, &active_));
  }

  std::string PartnershipPath() const {
    return "/api/v1/partnerships/" + std::to_string(IdOf(partner_.partnership));
  }

  // The ids of the partnership's agreements the role finds in the agreement list.
  std::set<long long> ListedAgreements(ApiClient& client) const {
    const Response answer = client.Get(
        Query("/api/v1/agreements",
              {{"partnership_id", std::to_string(IdOf(partner_.partnership))}, {"limit", "100"}}));
    EXPECT_TRUE(IsJson(answer, 200)) << answer.body;
    std::set<long long> ids;
    for (const auto& item : answer.json["items"]) {
      ids.insert(item["id"].get<long long>());
    }
    return ids;
  }

  PartnerFixture partner_;
  Json draft_;
  Json negotiation_;
  Json active_;
};

// Everything a response shows, as text: a hidden value must appear nowhere in it.
bool Shows(const Response& answer, std::string_view text) {
  return answer.body.find(text) != std::string::npos;
}

TEST_F(VisibilityTest, StaffSeeNotesDraftsNegotiationsRenewalsAndContacts) {
  for (const std::string& role : kStaff) {
    SCOPED_TRACE(role);
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(role, &session));
    ApiClient client(session);
    const Response partnership = client.Get(PartnershipPath());
    ASSERT_TRUE(IsJson(partnership, 200));
    EXPECT_EQ(partnership.json["notes"], kNote);
    EXPECT_EQ(ListedAgreements(client),
              (std::set<long long>{IdOf(draft_), IdOf(negotiation_), IdOf(active_)}));
    const Response draft = client.Get(AgreementPath(draft_));
    ASSERT_TRUE(IsJson(draft, 200));
    EXPECT_TRUE(Shows(draft, kContactEmail));
    EXPECT_TRUE(Shows(draft, kContactPhone));
    const Response overview = client.Get(PartnershipPath() + "/overview");
    ASSERT_TRUE(IsJson(overview, 200));
    EXPECT_TRUE(Shows(overview, kNote));
    EXPECT_TRUE(Shows(overview, kContactEmail));
    EXPECT_EQ(overview.json["agreements"].size(), 3u);
    EXPECT_TRUE(IsJson(client.Get("/api/v1/agreements/expiring"), 200));
    EXPECT_TRUE(IsJson(client.Get("/api/v1/agreements?status=draft&limit=1"), 200));
  }
}

TEST_F(VisibilityTest, StudentsAndResearchersSeeActiveAgreementsAndPublicFactsOnly) {
  for (const std::string& role : kPublic) {
    SCOPED_TRACE(role);
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(role, &session));
    ApiClient client(session);

    const Response partnership = client.Get(PartnershipPath());
    ASSERT_TRUE(IsJson(partnership, 200));
    EXPECT_FALSE(Shows(partnership, kNote));
    EXPECT_EQ(partnership.json["objectives"], partner_.partnership["objectives"]);
    EXPECT_EQ(partnership.json["active_agreements"], 1);

    const Response partners =
        client.Get(Query("/api/v1/partnerships", {{"country", partner_.institution["country"]},
                                                  {"q", partner_.institution["name"]}}));
    ASSERT_TRUE(IsJson(partners, 200));
    ASSERT_EQ(partners.json["items"].size(), 1u) << partners.body;
    EXPECT_FALSE(Shows(partners, kNote));

    EXPECT_EQ(ListedAgreements(client), std::set<long long>{IdOf(active_)});
    const Response active = client.Get(AgreementPath(active_));
    ASSERT_TRUE(IsJson(active, 200));
    EXPECT_EQ(active.json["quotas"].size(), 2u);
    EXPECT_EQ(active.json["contacts"], Json::array());
    EXPECT_FALSE(Shows(active, kContactEmail));
    EXPECT_FALSE(Shows(active, kContactPhone));
    EXPECT_FALSE(Shows(active, "Jane Roe"));
    for (const Json* hidden : {&draft_, &negotiation_}) {
      EXPECT_TRUE(IsError(client.Get(AgreementPath(*hidden)), 404, "not_found"));
    }

    const Response overview = client.Get(PartnershipPath() + "/overview");
    ASSERT_TRUE(IsJson(overview, 200));
    EXPECT_FALSE(Shows(overview, kNote));
    EXPECT_FALSE(Shows(overview, kContactEmail));
    ASSERT_EQ(overview.json["agreements"].size(), 1u);
    EXPECT_EQ(IdOf(overview.json["agreements"][0]), IdOf(active_));

    // The list as a file says no more than the list.
    const Response file = client.Get(
        Query("/api/v1/agreements",
              {{"partnership_id", std::to_string(IdOf(partner_.partnership))}, {"format", "csv"}}));
    ASSERT_EQ(file.status, 200) << file.body;
    EXPECT_FALSE(Shows(file, kContactEmail));
    EXPECT_FALSE(Shows(file, draft_["title"].get<std::string>()));
    EXPECT_TRUE(Shows(file, active_["title"].get<std::string>()));
    const Response partner_file = client.Get(
        Query("/api/v1/partnerships", {{"q", partner_.institution["name"]}, {"format", "csv"}}));
    ASSERT_EQ(partner_file.status, 200) << partner_file.body;
    EXPECT_FALSE(Shows(partner_file, kNote));

    // Asking for what is hidden is refused, not answered with part of it.
    EXPECT_TRUE(IsError(client.Get("/api/v1/agreements/expiring"), 403, "forbidden"));
    EXPECT_TRUE(
        IsError(client.Get("/api/v1/agreements?expiring_within_months=12"), 403, "forbidden"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/agreements?status=draft"), 403, "forbidden"));
    EXPECT_TRUE(IsError(client.Get("/api/v1/partnerships?agreement_status=in_negotiation"), 403,
                        "forbidden"));
    EXPECT_TRUE(IsJson(client.Get("/api/v1/agreements?status=active&limit=1"), 200));
  }
}

}  // namespace
}  // namespace weltcampus::api_test
