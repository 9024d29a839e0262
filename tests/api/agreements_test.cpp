// Agreements: round trip with quotas and contacts, validation, references, filters.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

class AgreementsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner_)); }

  long long PartnershipId() const { return IdOf(partner_.partnership); }
  long long InstitutionId() const { return IdOf(partner_.institution); }
  Json ValidBody(std::string_view status = "draft") const {
    return NewAgreementBody(PartnershipId(), InstitutionId(), status, 2027, 2029);
  }

  void ExpectRejectedCreate(const Json& body, int status, const std::string& code,
                            const std::string& field, bool field_is_part = false) {
    long long before = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(kAgreements, &before));
    const Response response = Api().Post(kAgreements, body);
    if (field_is_part) {
      EXPECT_TRUE(IsErrorWithFieldContaining(response, status, code, field)) << body.dump();
    } else {
      EXPECT_TRUE(IsError(response, status, code, field)) << body.dump();
    }
    long long after = 0;
    ASSERT_NO_FATAL_FAILURE(TotalOf(kAgreements, &after));
    EXPECT_EQ(before, after) << "a rejected POST changed the agreements: " << body.dump();
    // No orphaned quotas either: the partnership still has no agreements.
    long long of_partnership = -1;
    ASSERT_NO_FATAL_FAILURE(
        TotalOf(Query(kAgreements, {{"partnership_id", std::to_string(PartnershipId())}}),
                &of_partnership));
    EXPECT_EQ(of_partnership, 0);
  }

  PartnerFixture partner_;
};

// Quotas come back with ids and possibly in another order; match by direction+category.
void ExpectSameQuotas(const Json& sent, const Json& got) {
  ASSERT_TRUE(got.is_array()) << got.dump();
  ASSERT_EQ(got.size(), sent.size()) << got.dump();
  for (const Json& want : sent) {
    const Json* match = nullptr;
    for (const Json& have : got) {
      if (have["direction"] == want["direction"] && have["category"] == want["category"]) {
        match = &have;
      }
    }
    ASSERT_NE(match, nullptr) << "quota missing: " << want.dump() << " in " << got.dump();
    EXPECT_GT(IdOf(*match), 0) << "quota without id: " << match->dump();
    for (const auto& [key, value] : want.items()) {
      EXPECT_EQ((*match)[key], value) << "quota field " << key << ": " << match->dump();
    }
  }
}

TEST_F(AgreementsTest, CreateReadUpdateDeleteWithQuotasAndContacts) {
  Json body = ValidBody();
  body["quotas"].push_back(NewQuota("incoming", "staff_teaching", 1));
  body["quotas"][0]["eqf_levels"] = Json::array({6, 7});
  body["quotas"][0]["languages"].push_back(Json{{"language", "de"}, {"cefr", "B1"}});
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  for (const char* field : {"partnership_id", "title", "type", "status", "first_academic_year",
                            "last_academic_year"}) {
    EXPECT_EQ(created[field], body[field]) << field << " in " << created.dump();
  }
  // Contacts come back as sent, each with the id it keeps across edits.
  Json contacts = created["contacts"];
  for (Json& contact : contacts) {
    EXPECT_GT(IdOf(contact), 0) << contact.dump();
    contact.erase("id");
  }
  EXPECT_EQ(contacts, body["contacts"]) << created.dump();
  EXPECT_EQ(std::set<long long>(created["partner_institution_ids"].begin(),
                                created["partner_institution_ids"].end()),
            std::set<long long>{InstitutionId()});
  EXPECT_EQ(created["ends_on"], "2030-09-30") << "30 Sep of the last academic year 2029/2030";
  ExpectSameQuotas(body["quotas"], created["quotas"]);

  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(created), &read));
  EXPECT_EQ(read, created);

  Json changed = read;
  changed["title"] = "Renamed agreement";
  changed["last_academic_year"] = "2030/2031";
  changed["ends_on"] = "1999-09-30";  // read-only
  changed["quotas"].erase(changed["quotas"].size() - 1);
  changed["quotas"][0]["places_per_year"] = 5;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(created), changed, &updated));
  EXPECT_EQ(updated["title"], "Renamed agreement");
  EXPECT_EQ(updated["ends_on"], "2031-09-30");
  Json expected_quotas = body["quotas"];
  expected_quotas.erase(expected_quotas.size() - 1);
  expected_quotas[0]["places_per_year"] = 5;
  ExpectSameQuotas(expected_quotas, updated["quotas"]);
  Json reread;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(created), &reread));
  EXPECT_EQ(reread, updated);

  EXPECT_TRUE(IsError(Api().Delete(AgreementPath(created), VersionOf(created)), 412,
                      "precondition_failed"));
  EXPECT_TRUE(
      IsError(Api().Delete(AgreementPath(created), std::nullopt), 428, "precondition_required"));
  const Response deleted = Api().Delete(AgreementPath(created), VersionOf(updated));
  EXPECT_EQ(deleted.status, 204) << deleted;
  EXPECT_TRUE(IsError(Api().Get(AgreementPath(created)), 404, "not_found"));
}

// Issue 8: an agreement is found by any part of its title, with or without case and accents, and
// a new title replaces the old one in the search index.
TEST_F(AgreementsTest, SearchByTitleFoldsCaseAndAccentsAndFollowsEdits) {
  const std::string letters = UniqueLetters(10);
  Json body = ValidBody();
  body["title"] = "Kooperationsvertrag Straße Çukurova Zürich " + letters;
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  const auto ids_for = [](const std::string& q) {
    std::vector<Json> items;
    EXPECT_NO_FATAL_FAILURE(ListAll(Query(kAgreements, {{"q", q}}), 50, &items));
    std::vector<long long> ids;
    for (const Json& item : items) {
      ids.push_back(IdOf(item));
    }
    return ids;
  };
  const std::vector<long long> just_it{IdOf(created)};
  for (const std::string& q :
       {"strasse cukurova zurich " + letters, "STRAßE ÇUKUROVA ZÜRICH " + letters,
        "ukurova zürich " + letters, "zurich " + letters.substr(0, 6)}) {
    EXPECT_EQ(ids_for(q), just_it) << "q=" << q;
  }
  Json changed = created;
  changed["title"] = "Abkommen Łódź " + letters;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(created), changed, &updated));
  EXPECT_TRUE(ids_for("zurich " + letters).empty());
  EXPECT_EQ(ids_for("lodz " + letters), just_it);
  EXPECT_EQ(ids_for("ŁÓDŹ " + letters), just_it);
}

// Defect 5: a title may be given in German beside the English one; both are found by a search.
TEST_F(AgreementsTest, AGermanTitleBesideTheEnglishOneIsKeptAndFound) {
  const std::string letters = UniqueLetters(10);
  Json body = ValidBody();
  body["title"] = "Student exchange in medicine " + letters;
  body["title_de"] = "Studierendenaustausch in der Humanmedizin " + letters;
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  EXPECT_EQ(created["title_de"], body["title_de"]);
  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"q", "humanmedizin " + letters}}), 50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(created));
  EXPECT_EQ(items[0]["title_de"], body["title_de"]);
  Json changed = created;
  changed["title_de"] = nullptr;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(AgreementPath(created), changed, &updated));
  EXPECT_TRUE(updated["title_de"].is_null());
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"q", "humanmedizin " + letters}}), 50, &items));
  EXPECT_TRUE(items.empty());
  body["title_de"] = std::string(301, 'x');
  EXPECT_TRUE(IsError(Api().Post(kAgreements, body), 422, "validation_failed", "title_de"));
}

TEST_F(AgreementsTest, SeveralPartnerInstitutions) {
  Json other;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody("BE"), &other));
  Json body = ValidBody();
  body["partner_institution_ids"] = Json::array({InstitutionId(), IdOf(other)});
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  EXPECT_EQ(std::set<long long>(created["partner_institution_ids"].begin(),
                                created["partner_institution_ids"].end()),
            (std::set<long long>{InstitutionId(), IdOf(other)}));
  std::vector<Json> by_other;
  ASSERT_NO_FATAL_FAILURE(ListAll(
      Query(kAgreements, {{"institution_id", std::to_string(IdOf(other))}}), 50, &by_other));
  ASSERT_EQ(by_other.size(), 1u);
  EXPECT_EQ(IdOf(by_other[0]), IdOf(created));
}

TEST_F(AgreementsTest, PartnerInstitutionsMustIncludeThePartnershipsInstitution) {
  // "at least the partnership's institution": either added by the server or rejected.
  Json other;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody("BE"), &other));
  Json body = ValidBody();
  body["partner_institution_ids"] = Json::array({IdOf(other)});
  const Response response = Api().Post(kAgreements, body);
  if (response.status == 201) {
    const std::set<long long> ids(response.json["partner_institution_ids"].begin(),
                                  response.json["partner_institution_ids"].end());
    EXPECT_EQ(ids.count(InstitutionId()), 1u) << response;
  } else {
    EXPECT_TRUE(IsError(response, 422, "validation_failed", "partner_institution_ids"));
  }
}

TEST_F(AgreementsTest, ReferencesToMissingRecordsAre422) {
  Json body = ValidBody();
  body["partnership_id"] = 999999;
  ExpectRejectedCreate(body, 422, "validation_failed", "partnership_id");
  body = ValidBody();
  body.erase("partnership_id");
  ExpectRejectedCreate(body, 422, "validation_failed", "partnership_id");
  body = ValidBody();
  body["org_unit_id"] = 999999;
  ExpectRejectedCreate(body, 422, "validation_failed", "org_unit_id");
  body = ValidBody();
  body["partner_institution_ids"] = Json::array({InstitutionId(), 999999});
  ExpectRejectedCreate(body, 422, "validation_failed", "partner_institution_ids", true);
}

TEST_F(AgreementsTest, AcademicYearsAsTheBrowserShowsThemAreAcceptedAndWrittenOneWay) {
  Json body = ValidBody();
  body["first_academic_year"] = "2027\u201328";
  body["last_academic_year"] = " 2029 - 30 ";
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
  EXPECT_EQ(created["first_academic_year"], "2027/2028");
  EXPECT_EQ(created["last_academic_year"], "2029/2030");
  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(ListAll(
      Query(kAgreements,
            {{"partnership_id", std::to_string(PartnershipId())}, {"academic_year", "2028-29"}}),
      50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(created));
}

TEST_F(AgreementsTest, InvalidAcademicYearsAre422) {
  for (const char* year :
       {"2027/2029", "2027-29", "abc", "2027/280", "27/28", "2027/2027", "", "2027.28", "2027"}) {
    Json body = ValidBody();
    body["first_academic_year"] = year;
    SCOPED_TRACE(std::string("first_academic_year \"") + year + "\"");
    ExpectRejectedCreate(body, 422, "validation_failed", "first_academic_year");
  }
  Json body = ValidBody();
  body["last_academic_year"] = "2029-2031";
  ExpectRejectedCreate(body, 422, "validation_failed", "last_academic_year");
  body = ValidBody();
  body["first_academic_year"] = 2027;
  ExpectRejectedCreate(body, 422, "validation_failed", "first_academic_year");
}

TEST_F(AgreementsTest, LastYearBeforeFirstIs422) {
  Json body = ValidBody();
  body["first_academic_year"] = "2029/2030";
  body["last_academic_year"] = "2027/2028";
  ExpectRejectedCreate(body, 422, "validation_failed", "last_academic_year");
}

TEST_F(AgreementsTest, UnknownEnumValuesAre422) {
  Json body = ValidBody();
  body["type"] = "handshake";
  ExpectRejectedCreate(body, 422, "validation_failed", "type");
  body = ValidBody();
  body["status"] = "approved";
  ExpectRejectedCreate(body, 422, "validation_failed", "status");
  body = ValidBody();
  body["quotas"][0]["direction"] = "sideways";
  ExpectRejectedCreate(body, 422, "validation_failed", "direction", true);
  body = ValidBody();
  body["quotas"][0]["category"] = "holiday";
  ExpectRejectedCreate(body, 422, "validation_failed", "category", true);
  body = ValidBody();
  body["quotas"][0]["languages"][0]["cefr"] = "D1";
  ExpectRejectedCreate(body, 422, "validation_failed", "cefr", true);
  body = ValidBody();
  body["quotas"][0]["languages"][0]["language"] = "english";
  ExpectRejectedCreate(body, 422, "validation_failed", "language", true);
  body = ValidBody();
  body["quotas"][0]["eqf_levels"] = Json::array({9});
  ExpectRejectedCreate(body, 422, "validation_failed", "eqf_levels", true);
  body = ValidBody();
  body["quotas"][0]["isced_code"] = "abcd";
  ExpectRejectedCreate(body, 422, "validation_failed", "isced_code", true);
}

TEST_F(AgreementsTest, QuotaWithNegativePlacesIs422AndNothingIsWritten) {
  Json body = ValidBody();
  body["quotas"][1]["places_per_year"] = -1;
  ExpectRejectedCreate(body, 422, "validation_failed", "places_per_year", true);
  body = ValidBody();
  body["quotas"][0]["places_per_year"] = 2.5;
  ExpectRejectedCreate(body, 422, "validation_failed", "places_per_year", true);
  body = ValidBody();
  body["quotas"][0]["places_per_year"] = 0;  // >= 0 is allowed
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &created));
}

TEST_F(AgreementsTest, WrongTypesAre422) {
  Json body = ValidBody();
  body["partnership_id"] = "abc";
  ExpectRejectedCreate(body, 422, "validation_failed", "partnership_id");
  body = ValidBody();
  body["quotas"] = "many";
  ExpectRejectedCreate(body, 422, "validation_failed", "quotas");
  body = ValidBody();
  body["contacts"] = Json::object();
  ExpectRejectedCreate(body, 422, "validation_failed", "contacts");
  body = ValidBody();
  body["title"] = Json::array();
  ExpectRejectedCreate(body, 422, "validation_failed", "title");
}

TEST_F(AgreementsTest, InvalidUpdateOfQuotasChangesNothing) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, ValidBody(), &created));
  Json changed = created;
  changed["title"] = "must not be stored";
  changed["quotas"][0]["places_per_year"] = -3;
  EXPECT_TRUE(
      IsErrorWithFieldContaining(Api().Put(AgreementPath(created), changed, VersionOf(created)),
                                 422, "validation_failed", "places_per_year"));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(created), &read));
  EXPECT_EQ(read, created);
}

TEST_F(AgreementsTest, Filters) {
  Json first;
  Json second;
  Json body = ValidBody();
  body["type"] = "clinical_electives";
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body, &first));
  Json body2 = NewAgreementBody(PartnershipId(), InstitutionId(), "in_negotiation", 2031, 2032);
  ASSERT_NO_FATAL_FAILURE(CreateOk(kAgreements, body2, &second));
  const std::string partnership = std::to_string(PartnershipId());

  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"partnership_id", partnership}}), 50, &items));
  EXPECT_EQ(items.size(), 2u);
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"partnership_id", partnership}, {"type", "clinical_electives"}}),
              50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(first));
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"partnership_id", partnership}, {"status", "in_negotiation"}}),
              50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(second));
  // academic_year: agreements running in that year (first <= year <= last).
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"partnership_id", partnership}, {"academic_year", "2028/2029"}}),
              50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(first));
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kAgreements, {{"partnership_id", partnership}, {"academic_year", "2030/2031"}}),
              50, &items));
  EXPECT_TRUE(items.empty());
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kAgreements, {{"q", first["title"]}}), 50, &items));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(IdOf(items[0]), IdOf(first));
  ASSERT_NO_FATAL_FAILURE(ListAll(
      Query(kAgreements, {{"partnership_id", partnership}, {"sort", "-last_academic_year"}}), 50,
      &items));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(IdOf(items[0]), IdOf(second));

  EXPECT_TRUE(IsError(Api().Get(Query(kAgreements, {{"status", "approved"}})), 422,
                      "validation_failed", "status"));
  EXPECT_TRUE(IsError(Api().Get(Query(kAgreements, {{"type", "handshake"}})), 422,
                      "validation_failed", "type"));
  EXPECT_TRUE(IsError(Api().Get(Query(kAgreements, {{"academic_year", "2027-2029"}})), 422,
                      "validation_failed", "academic_year"));
  EXPECT_TRUE(IsError(Api().Get(Query(kAgreements, {{"partnership_id", "abc"}})), 422,
                      "validation_failed", "partnership_id"));
}

TEST(Agreements, DemoStatusFilterReturnsOnlyThatStatus) {
  std::vector<Json> active;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kAgreements, {{"status", "active"}}), 200, &active));
  EXPECT_FALSE(active.empty()) << "the demo has active agreements";
  for (const Json& item : active) {
    EXPECT_EQ(item["status"], "active") << item.dump();
  }
}

}  // namespace
}  // namespace weltcampus::api_test
