// Bulk actions on the lists (issue 9, offices ask 7): the tier of several partnerships, the status
// or last academic year of several agreements, all or nothing in one transaction, one audit entry
// per changed record, the records that have the value already left alone.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kPartnershipsBulk = "/api/v1/partnerships/bulk";
const std::string kAgreementsBulk = "/api/v1/agreements/bulk";

std::string PartnershipPath(const Json& partnership) {
  return "/api/v1/partnerships/" + std::to_string(IdOf(partnership));
}

Json ItemOf(const Json& record) { return {{"id", IdOf(record)}, {"version", VersionOf(record)}}; }

Json Body(const std::vector<Json>& records, const Json& set) {
  Json items = Json::array();
  for (const auto& record : records) {
    items.push_back(ItemOf(record));
  }
  return {{"items", items}, {"set", set}};
}

// How many audit entries a record's own history holds.
long long HistoryCount(const std::string& path) {
  const Response history = Api().Get(Query(path + "/history", {{"limit", "100"}}));
  EXPECT_TRUE(IsJson(history, 200)) << history;
  return static_cast<long long>(history.json["items"].size());
}

std::vector<long long> Ids(const Json& list) {
  std::vector<long long> ids;
  for (const auto& id : list) {
    ids.push_back(id.get<long long>());
  }
  return ids;
}

void CreateAgreement(const PartnerFixture& partner, const char* status, int first, int last,
                     Json* out) {
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      kAgreements,
      NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), status, first, last),
      out));
}

TEST(BulkPartnerships, SetsTheTierOfSeveralWithOneAuditEntryEachAndLeavesTheOthers) {
  PartnerFixture a, b, c;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &a));
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &b));
  ASSERT_NO_FATAL_FAILURE(CreatePartner("strategic", &c));
  const std::string map_etag = Api().Get("/api/v1/partnerships/map").Header("ETag");

  const Response answer =
      Api().Post(kPartnershipsBulk,
                 Body({a.partnership, b.partnership, c.partnership}, {{"tier", "strategic"}}));
  ASSERT_TRUE(IsJson(answer, 200)) << answer;
  EXPECT_EQ(Ids(answer.json["changed"]),
            (std::vector<long long>{IdOf(a.partnership), IdOf(b.partnership)}));
  EXPECT_EQ(Ids(answer.json["unchanged"]), std::vector<long long>{IdOf(c.partnership)});
  ASSERT_EQ(answer.json["items"].size(), 3u);
  for (const auto& item : answer.json["items"]) {
    EXPECT_EQ(item["tier"], "strategic");
  }
  EXPECT_EQ(VersionOf(answer.json["items"][0]), VersionOf(a.partnership) + 1);
  EXPECT_EQ(VersionOf(answer.json["items"][2]), VersionOf(c.partnership));
  // Created and changed: two entries; the unchanged one only its creation.
  EXPECT_EQ(HistoryCount(PartnershipPath(a.partnership)), 2);
  EXPECT_EQ(HistoryCount(PartnershipPath(b.partnership)), 2);
  EXPECT_EQ(HistoryCount(PartnershipPath(c.partnership)), 1);
  const Response history = Api().Get(PartnershipPath(a.partnership) + "/history");
  ASSERT_TRUE(IsJson(history, 200));
  EXPECT_EQ(history.json["items"][0]["before"]["tier"], "standard");
  EXPECT_EQ(history.json["items"][0]["after"]["tier"], "strategic");
  EXPECT_EQ(history.json["items"][0]["after"]["notes"], a.partnership["notes"]);  // kept
  // The map is told (its version counter), as by a single change.
  EXPECT_NE(Api().Get("/api/v1/partnerships/map").Header("ETag"), map_etag);
}

TEST(BulkPartnerships, AStaleVersionOrAMissingRecordChangesNothing) {
  PartnerFixture a, b;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &a));
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &b));
  Json changed = b.partnership;
  changed["responsible_person"] = "Someone else";
  Json b_now;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(PartnershipPath(b.partnership), changed, &b_now));

  const Response stale = Api().Post(
      kPartnershipsBulk, Body({a.partnership, b.partnership}, {{"tier", "transcampus"}}));
  ASSERT_TRUE(IsError(stale, 412, "precondition_failed")) << stale;
  EXPECT_EQ(stale.json["error"]["record_ids"], Json::array({IdOf(b.partnership)})) << stale;
  EXPECT_NE(
      stale.json["error"]["message"].get<std::string>().find(std::to_string(IdOf(b.partnership))),
      std::string::npos);
  Json a_now;
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(a.partnership), &a_now));
  EXPECT_EQ(a_now["tier"], "standard");
  EXPECT_EQ(VersionOf(a_now), VersionOf(a.partnership));
  EXPECT_EQ(HistoryCount(PartnershipPath(a.partnership)), 1);

  Json missing = {{"id", 99999999}, {"version", 1}};
  const Response gone =
      Api().Post(kPartnershipsBulk, Body({a.partnership, missing}, {{"tier", "transcampus"}}));
  ASSERT_TRUE(IsError(gone, 404, "not_found")) << gone;
  EXPECT_EQ(gone.json["error"]["record_ids"], Json::array({99999999}));
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(a.partnership), &a_now));
  EXPECT_EQ(a_now["tier"], "standard");
}

TEST(BulkPartnerships, InputIsCheckedAndLimited) {
  PartnerFixture a;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &a));
  const Json item = ItemOf(a.partnership);
  EXPECT_TRUE(IsError(
      Api().Post(kPartnershipsBulk, {{"items", Json::array()}, {"set", {{"tier", "strategic"}}}}),
      422, "validation_failed", "items"));
  EXPECT_TRUE(IsError(Api().Post(kPartnershipsBulk, {{"items", {item}}, {"set", Json::object()}}),
                      422, "validation_failed", "set"));
  EXPECT_TRUE(
      IsError(Api().Post(kPartnershipsBulk, {{"items", {item}}}), 422, "validation_failed", "set"));
  EXPECT_TRUE(
      IsError(Api().Post(kPartnershipsBulk, {{"items", {item}}, {"set", {{"tier", "platinum"}}}}),
              422, "validation_failed", "set.tier"));
  EXPECT_TRUE(IsError(
      Api().Post(kPartnershipsBulk, {{"items", {item}}, {"set", {{"notes", "all the same"}}}}), 422,
      "validation_failed", "set.notes"));
  EXPECT_TRUE(IsError(
      Api().Post(kPartnershipsBulk, {{"items", {item, item}}, {"set", {{"tier", "strategic"}}}}),
      422, "validation_failed", "items[1].id"));
  EXPECT_TRUE(IsError(Api().Post(kPartnershipsBulk, {{"items", {{{"id", IdOf(a.partnership)}}}},
                                                     {"set", {{"tier", "strategic"}}}}),
                      422, "validation_failed", "items[0].version"));
  EXPECT_TRUE(IsError(Api().Post(kPartnershipsBulk, {{"items", {{{"id", "1"}, {"version", 1}}}},
                                                     {"set", {{"tier", "strategic"}}}}),
                      422, "validation_failed", "items[0].id"));
  Json too_many = Json::array();
  for (int i = 1; i <= 201; ++i) {
    too_many.push_back({{"id", 900000000 + i}, {"version", 1}});  // ids no record has
  }
  EXPECT_TRUE(IsError(
      Api().Post(kPartnershipsBulk, {{"items", too_many}, {"set", {{"tier", "strategic"}}}}), 422,
      "validation_failed", "items"));
  // 200 are allowed (here: all but one missing, so 404 and nothing changed).
  too_many.erase(too_many.begin());
  too_many.back() = item;
  const Response many =
      Api().Post(kPartnershipsBulk, {{"items", too_many}, {"set", {{"tier", "strategic"}}}});
  EXPECT_EQ(many.status, 404) << many;
  Json a_now;
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(a.partnership), &a_now));
  EXPECT_EQ(a_now["tier"], "standard");
}

TEST(BulkPartnerships, OnlyThoseWhoMayChangeTheRegister) {
  PartnerFixture a;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &a));
  const Json body = Body({a.partnership}, {{"tier", "strategic"}});
  for (const char* role : {"coordinator", "student", "management"}) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(role, &session));
    EXPECT_EQ(ApiClient(session).Post(kPartnershipsBulk, body).status, 403) << role;
    EXPECT_EQ(ApiClient(session).Post(kAgreementsBulk, body).status, 403) << role;
  }
  EXPECT_EQ(ApiClient().Post(kPartnershipsBulk, body).status, 401);
  Json a_now;
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(a.partnership), &a_now));
  EXPECT_EQ(a_now["tier"], "standard");
  Session office;
  ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office));
  EXPECT_EQ(ApiClient(office).Post(kPartnershipsBulk, body).status, 200);
}

TEST(BulkAgreements, ExtendsAndSetsStatusWithOneAuditEntryEachAndRecountsActiveAgreements) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  Json first, second, third;
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "signed", year - 1, year, &first));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "signed", year - 1, year, &second));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "signed", year - 1, year + 2, &third));

  // Extend all three to year + 2: the third has it already.
  const Response extended =
      Api().Post(kAgreementsBulk,
                 Body({first, second, third}, {{"last_academic_year", AcademicYear(year + 2)}}));
  ASSERT_TRUE(IsJson(extended, 200)) << extended;
  EXPECT_EQ(Ids(extended.json["changed"]), (std::vector<long long>{IdOf(first), IdOf(second)}));
  EXPECT_EQ(Ids(extended.json["unchanged"]), std::vector<long long>{IdOf(third)});
  const Json& now = extended.json["items"][0];
  EXPECT_EQ(now["last_academic_year"], AcademicYear(year + 2));
  EXPECT_EQ(now["ends_on"], std::to_string(year + 3) + "-09-30");
  EXPECT_EQ(now["quotas"].size(), first["quotas"].size());
  EXPECT_EQ(now["quotas"][0]["id"], first["quotas"][0]["id"]);  // children kept
  EXPECT_EQ(HistoryCount(AgreementPath(first)), 2);
  EXPECT_EQ(HistoryCount(AgreementPath(second)), 2);
  EXPECT_EQ(HistoryCount(AgreementPath(third)), 1);

  // Activate two: the partnership's active agreements are recounted in the same transaction.
  const Response activated =
      Api().Post(kAgreementsBulk,
                 {{"items", {ItemOf(extended.json["items"][0]), ItemOf(extended.json["items"][1])}},
                  {"set", {{"status", "active"}}}});
  ASSERT_TRUE(IsJson(activated, 200)) << activated;
  EXPECT_EQ(activated.json["changed"].size(), 2u);
  Json partnership;
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(partner.partnership), &partnership));
  EXPECT_EQ(partnership["active_agreements"], 2);
  EXPECT_EQ(HistoryCount(AgreementPath(first)), 3);
}

TEST(BulkAgreements, ARuleBrokenByOneChangesNothingAndNamesEachRecordAtFault) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  Json draft, signed_one, other_draft;
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "draft", year, year + 1, &draft));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "signed", year, year + 1, &signed_one));
  ASSERT_NO_FATAL_FAILURE(CreateAgreement(partner, "draft", year, year + 1, &other_draft));

  // signed -> active is allowed, draft -> active is not (the single PUT's transition rule).
  const Response refused =
      Api().Post(kAgreementsBulk, Body({signed_one, draft, other_draft}, {{"status", "active"}}));
  ASSERT_TRUE(IsError(refused, 422, "validation_failed", "items[1].status")) << refused;
  EXPECT_EQ(refused.json["error"]["record_ids"], Json::array({IdOf(draft), IdOf(other_draft)}));
  ASSERT_EQ(refused.json["error"]["failures"].size(), 2u);
  EXPECT_EQ(refused.json["error"]["failures"][1]["field"], "items[2].status");
  EXPECT_NE(refused.json["error"]["message"].get<std::string>().find("draft to active"),
            std::string::npos)
      << refused;
  Json signed_now;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(signed_one), &signed_now));
  EXPECT_EQ(signed_now["status"], "signed");
  EXPECT_EQ(VersionOf(signed_now), VersionOf(signed_one));
  EXPECT_EQ(HistoryCount(AgreementPath(signed_one)), 1);

  // The years' rules of a single change: not before the first year, at most 16 years.
  const Response backwards = Api().Post(
      kAgreementsBulk, Body({signed_one}, {{"last_academic_year", AcademicYear(year - 1)}}));
  EXPECT_TRUE(IsError(backwards, 422, "validation_failed", "items[0].last_academic_year"))
      << backwards;
  const Response too_long = Api().Post(
      kAgreementsBulk, Body({signed_one}, {{"last_academic_year", AcademicYear(year + 16)}}));
  EXPECT_TRUE(IsError(too_long, 422, "validation_failed", "items[0].last_academic_year"))
      << too_long;
  EXPECT_TRUE(IsError(
      Api().Post(kAgreementsBulk, Body({signed_one}, {{"last_academic_year", "next year"}})), 422,
      "validation_failed", "set.last_academic_year"));
  EXPECT_TRUE(IsError(Api().Post(kAgreementsBulk, Body({signed_one}, {{"status", "done"}})), 422,
                      "validation_failed", "set.status"));
  EXPECT_TRUE(IsError(Api().Post(kAgreementsBulk, Body({signed_one}, {{"title", "Same"}})), 422,
                      "validation_failed", "set.title"));
  // The browser's way of writing a year is taken.
  const Response short_year = Api().Post(
      kAgreementsBulk,
      Body({signed_one}, {{"last_academic_year",
                           std::to_string(year + 3) + "/" + std::to_string((year + 4) % 100)}}));
  ASSERT_TRUE(IsJson(short_year, 200)) << short_year;
  EXPECT_EQ(short_year.json["items"][0]["last_academic_year"], AcademicYear(year + 3));

  // Stale: 412 naming it, nothing written.
  const Response stale =
      Api().Post(kAgreementsBulk, Body({signed_one, other_draft}, {{"status", "terminated"}}));
  ASSERT_TRUE(IsError(stale, 412, "precondition_failed")) << stale;
  EXPECT_EQ(stale.json["error"]["record_ids"], Json::array({IdOf(signed_one)}));
  Json other_now;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(other_draft), &other_now));
  EXPECT_EQ(other_now["status"], "draft");
}

}  // namespace
}  // namespace weltcampus::api_test
