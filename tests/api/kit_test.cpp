// The module kit as a client sees it: child records keep their ids, the version is checked before
// any rule, references are never broken, sort names are checked, enumerations come from the server.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

class KitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_));
    Json body = NewAgreementBody(IdOf(partner_.partnership), IdOf(partner_.institution), "draft",
                                 2027, 2029);
    body["quotas"] = Json::array({NewQuota("outgoing", "student_studies", 2),
                                  NewQuota("incoming", "student_studies", 3),
                                  NewQuota("outgoing", "staff_teaching", 1)});
    body["quotas"][0]["eqf_levels"] = Json::array({6, 7});
    body["quotas"][0]["languages"] =
        Json::array({Json{{"language", "en"}, {"cefr", "B2"}}, Json{{"language", "de"}, {"cefr", "B1"}}});
    ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &agreement_));
    ASSERT_EQ(agreement_["quotas"].size(), 3u) << agreement_.dump();
  }

  PartnerFixture partner_;
  Json agreement_;
};

TEST_F(KitTest, QuotasAndContactsKeepTheirIdsAcrossAnEdit) {
  const long long first = IdOf(agreement_["quotas"][0]);
  const long long second = IdOf(agreement_["quotas"][1]);
  const long long third = IdOf(agreement_["quotas"][2]);
  const long long contact = IdOf(agreement_["contacts"][0]);
  Json changed = agreement_;
  changed["title"] = "Renewed";
  changed["quotas"][0]["places_per_year"] = 4;
  changed["quotas"][0]["languages"] = Json::array({Json{{"language", "fr"}, {"cefr", "C1"}}});
  changed["quotas"].erase(1);                                             // removed
  changed["quotas"].push_back(NewQuota("incoming", "staff_training", 2));  // added
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement_), changed, &updated));
  ASSERT_EQ(updated["quotas"].size(), 3u) << updated.dump();
  EXPECT_EQ(IdOf(updated["quotas"][0]), first);
  EXPECT_EQ(updated["quotas"][0]["places_per_year"], 4);
  EXPECT_EQ(updated["quotas"][0]["eqf_levels"], Json::array({6, 7}));
  EXPECT_EQ(updated["quotas"][0]["languages"], Json::array({Json{{"language", "fr"}, {"cefr", "C1"}}}));
  EXPECT_EQ(IdOf(updated["quotas"][1]), third);
  const long long added = IdOf(updated["quotas"][2]);
  EXPECT_NE(added, first);
  EXPECT_NE(added, second);
  EXPECT_NE(added, third);
  EXPECT_EQ(IdOf(updated["contacts"][0]), contact);
  // The removed quota is gone from the database, not hidden.
  std::string count;
  ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT COUNT(*) FROM quotas WHERE id = " + std::to_string(second), &count));
  EXPECT_EQ(count.substr(0, 1), "0") << count;
  // Levels and languages are rows a query can filter on.
  ASSERT_NO_FATAL_FAILURE(ExecSql(
      "SELECT COUNT(*) FROM quota_eqf_levels WHERE quota_id = " + std::to_string(first) + " AND eqf_level = 7",
      &count));
  EXPECT_EQ(count.substr(0, 1), "1") << count;
  ASSERT_NO_FATAL_FAILURE(ExecSql("SELECT language || ':' || cefr FROM quota_languages WHERE quota_id = " +
                                      std::to_string(first),
                                  &count));
  EXPECT_EQ(count.substr(0, 5), "fr:C1") << count;
}

TEST_F(KitTest, AQuotaOfAnotherAgreementIsRefusedAndNothingChanges) {
  PartnerFixture other_partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &other_partner));
  Json other_body = NewAgreementBody(IdOf(other_partner.partnership), IdOf(other_partner.institution),
                                     "draft", 2027, 2028);
  Json other;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, other_body, &other));
  ASSERT_FALSE(other["quotas"].empty()) << other.dump();
  Json changed = agreement_;
  changed["title"] = "Must not be saved";
  changed["quotas"][0]["id"] = IdOf(other["quotas"][0]);
  EXPECT_TRUE(IsError(Api().Put(AgreementPath(agreement_), changed, VersionOf(agreement_)), 422,
                      "validation_failed", "quotas[0].id"));
  Json unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement_), &unchanged));
  EXPECT_EQ(unchanged, agreement_);
  Json other_unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(other), &other_unchanged));
  EXPECT_EQ(other_unchanged, other);
}

TEST_F(KitTest, RemovingAReferencedQuotaIsAConflictAndNothingChanges) {
  // Stands in for the exchange module's offers, which will point at quotas.
  const std::string table = "kit_test_quota_users";
  ASSERT_NO_FATAL_FAILURE(ExecSql("CREATE TABLE IF NOT EXISTS " + table +
                                  " (id INTEGER PRIMARY KEY, quota_id BIGINT NOT NULL REFERENCES quotas (id))"));
  const long long used = IdOf(agreement_["quotas"][1]);
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("INSERT INTO " + table + " (id, quota_id) VALUES (" + std::to_string(used) + ", " +
              std::to_string(used) + ")"));
  Json changed = agreement_;
  changed["title"] = "Must not be saved";
  changed["quotas"].erase(1);
  const Response refused = Api().Put(AgreementPath(agreement_), changed, VersionOf(agreement_));
  EXPECT_TRUE(IsError(refused, 409, "conflict")) << refused;
  const Response deleted = Api().Delete(AgreementPath(agreement_), VersionOf(agreement_));
  EXPECT_TRUE(IsError(deleted, 409, "conflict")) << deleted;
  Json unchanged;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement_), &unchanged));
  EXPECT_EQ(unchanged, agreement_);
  ASSERT_NO_FATAL_FAILURE(ExecSql("DELETE FROM " + table + " WHERE id = " + std::to_string(used)));
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement_), changed, &updated));
  EXPECT_EQ(updated["quotas"].size(), 2u);
}

TEST_F(KitTest, AStaleVersionIsAnsweredBeforeAnyRule) {
  Json renamed = agreement_;
  renamed["title"] = "Someone else's change";
  Json current;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(agreement_), renamed, &current));
  // draft -> active is not an allowed transition, but the client's version is stale: 412 first.
  Json invalid = agreement_;
  invalid["status"] = "active";
  const Response stale = Api().Put(AgreementPath(agreement_), invalid, VersionOf(agreement_));
  EXPECT_TRUE(IsError(stale, 412, "precondition_failed")) << stale;
  // The same for a removal that a rule would refuse: a partnership with agreements.
  const std::string partnership = "/api/v1/partnerships/" + std::to_string(IdOf(partner_.partnership));
  const Response stale_delete = Api().Delete(partnership, VersionOf(partner_.partnership) + 5);
  EXPECT_TRUE(IsError(stale_delete, 412, "precondition_failed")) << stale_delete;
  const Response blocked = Api().Delete(partnership, VersionOf(partner_.partnership));
  EXPECT_TRUE(IsError(blocked, 409, "conflict")) << blocked;
}

TEST_F(KitTest, UnknownSortNamesAnswer422NamingTheParameter) {
  for (const std::string path : {"/api/v1/agreements", "/api/v1/partnerships", "/api/v1/institutions",
                                 "/api/v1/users", "/api/v1/audit"}) {
    EXPECT_TRUE(IsError(Api().Get(Query(path, {{"sort", "password_hash"}})), 422, "validation_failed", "sort"))
        << path;
  }
}

TEST_F(KitTest, UsersAreSortedAsAsked) {
  std::vector<Json> ascending;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query("/api/v1/users", {{"sort", "email"}}), 200, &ascending));
  std::vector<Json> descending;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query("/api/v1/users", {{"sort", "-email"}}), 200, &descending));
  ASSERT_GE(ascending.size(), 2u);
  ASSERT_EQ(ascending.size(), descending.size());
  EXPECT_EQ(ascending.front()["email"], descending.back()["email"]);
  for (size_t i = 1; i < ascending.size(); ++i) {
    std::string previous = ascending[i - 1]["email"];
    std::string next = ascending[i]["email"];
    std::transform(previous.begin(), previous.end(), previous.begin(), ::tolower);
    std::transform(next.begin(), next.end(), next.begin(), ::tolower);
    EXPECT_LE(previous, next);
  }
}

TEST_F(KitTest, EnumerationsComeFromTheServer) {
  ApiClient anonymous;
  const Response response = anonymous.Get("/api/v1/enumerations");
  ASSERT_EQ(response.status, 200) << response;
  const Json body = Json::parse(response.body);
  const Json& values = body["enumerations"];
  EXPECT_EQ(values["tier"], Json::array({"transcampus", "strategic", "standard"}));
  EXPECT_EQ(values["agreement_status"].size(), 6u);
  EXPECT_EQ(values["role"].size(), 9u);
  EXPECT_EQ(body["agreement_status_transitions"]["draft"], Json::array({"in_negotiation", "terminated"}));
  EXPECT_EQ(body["agreement_status_transitions"]["expired"], Json::array());
  EXPECT_EQ(body["initial_agreement_statuses"], Json::array({"draft", "in_negotiation", "signed"}));
  EXPECT_EQ(body["scoped_roles"], Json::array({"coordinator"}));
  // Every value the server lists is one it accepts.
  for (const auto& tier : values["tier"]) {
    const Response listed = Api().Get(Query("/api/v1/partnerships", {{"tier", tier.get<std::string>()}}));
    EXPECT_EQ(listed.status, 200) << tier;
  }
}

TEST_F(KitTest, OpenApiListsTheSortValues) {
  const Response response = Api().Get("/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  const Json document = Json::parse(response.body);
  const Json& parameters = document["paths"]["/api/v1/agreements"]["get"]["parameters"];
  const Json* sort = nullptr;
  for (const Json& parameter : parameters) {
    if (parameter["name"] == "sort") {
      sort = &parameter;
    }
  }
  ASSERT_NE(sort, nullptr) << parameters.dump();
  const Json& values = (*sort)["schema"]["enum"];
  EXPECT_NE(std::find(values.begin(), values.end(), Json("-ends_on")), values.end()) << values.dump();
  EXPECT_NE(std::find(values.begin(), values.end(), Json("institution")), values.end()) << values.dump();
}

}  // namespace
}  // namespace weltcampus::api_test
