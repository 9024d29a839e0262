// Partnerships: the demo's strategic partners, tiers, CRUD and validation.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kPartnerships = "/api/v1/partnerships";

std::string PartnershipPath(const Json& record) {
  return kPartnerships + "/" + std::to_string(IdOf(record));
}

void ExpectPartnershipNotCreated(const Json& body, int status, const std::string& code,
                                 const std::string& field) {
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kPartnerships, &before));
  EXPECT_TRUE(IsError(Api().Post(kPartnerships, body), status, code, field)) << body.dump();
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kPartnerships, &after));
  EXPECT_EQ(before, after) << "a rejected POST changed the partnerships: " << body.dump();
}

TEST(Partnerships, DemoHasTheStrategicPartners) {
  Json kings;
  Json wroclaw;
  Json flinders;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership(kKings, &kings));
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership("Wroc", &wroclaw));
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership("Flinders", &flinders));
  EXPECT_EQ(kings["tier"], "transcampus");
  EXPECT_EQ(kings["institution"]["country"], "GB");
  EXPECT_TRUE(!kings["institution"].contains("erasmus_code") ||
              kings["institution"]["erasmus_code"].is_null());
  EXPECT_EQ(wroclaw["tier"], "strategic");
  EXPECT_EQ(wroclaw["institution"]["country"], "PL");
  EXPECT_EQ(wroclaw["institution"]["erasmus_code"], "PL WROCLAW05");
  EXPECT_EQ(flinders["tier"], "strategic");
  EXPECT_EQ(flinders["institution"]["country"], "AU");
  for (const Json* partnership : {&kings, &wroclaw, &flinders}) {
    EXPECT_EQ((*partnership)["institution"]["id"], (*partnership)["institution_id"]);
    EXPECT_TRUE((*partnership)["active_agreements"].is_number_integer()) << partnership->dump();
    EXPECT_GE((*partnership)["active_agreements"].get<long long>(), 1)
        << "a strategic partner of the demo without an active agreement: " << partnership->dump();
  }
}

// The school's own university (the Erasmus code of the home settings) cannot be made its partner
// (issue 9, defect 4), neither by a new partnership nor by moving one to it.
TEST(Partnerships, TheSchoolsOwnUniversityCannotBeAPartner) {
  const Response home = Api().Get("/api/v1/settings/home");
  ASSERT_TRUE(IsJson(home, 200));
  const std::string code = home.json.value("erasmus_code", "");
  ASSERT_FALSE(code.empty()) << "the demo names the home university's Erasmus code";
  std::string output;
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("SELECT id FROM institutions WHERE replace(upper(erasmus_code), "
              "' ', '') = replace(upper(" +
                  SqlText(code) + "), ' ', '')",
              &output));
  long long home_id = output.empty() ? 0 : std::stoll(output);
  if (home_id == 0) {  // a register without the ECHE list: the home university added by hand
    Json body = NewInstitutionBody("DE");
    body["erasmus_code"] = code;
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", body, &created));
    home_id = IdOf(created);
  }
  ExpectPartnershipNotCreated(Json{{"institution_id", home_id}, {"tier", "standard"}}, 422,
                              "validation_failed", "institution_id");
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  Json moved = partner.partnership;
  moved["institution_id"] = home_id;
  EXPECT_TRUE(IsError(
      Api().Put(PartnershipPath(partner.partnership), moved, VersionOf(partner.partnership)), 422,
      "validation_failed", "institution_id"));
}

TEST(Partnerships, TierFilter) {
  std::vector<Json> transcampus;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kPartnerships, {{"tier", "transcampus"}}), 50, &transcampus));
  ASSERT_FALSE(transcampus.empty());
  bool has_kings = false;
  for (const Json& item : transcampus) {
    EXPECT_EQ(item["tier"], "transcampus") << item.dump();
    has_kings = has_kings || NameHas(item["institution"], kKings);
  }
  EXPECT_TRUE(has_kings);

  std::vector<Json> strategic;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kPartnerships, {{"tier", "strategic"}}), 50, &strategic));
  std::set<std::string> countries;
  for (const Json& item : strategic) {
    EXPECT_EQ(item["tier"], "strategic") << item.dump();
    countries.insert(Str(item["institution"], "country"));
  }
  EXPECT_EQ(countries.count("PL"), 1u);
  EXPECT_EQ(countries.count("AU"), 1u);

  long long all = 0;
  long long standard = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf(kPartnerships, &all));
  ASSERT_NO_FATAL_FAILURE(TotalOf(Query(kPartnerships, {{"tier", "standard"}}), &standard));
  EXPECT_EQ(all, standard + static_cast<long long>(strategic.size() + transcampus.size()));
  EXPECT_TRUE(IsError(Api().Get(Query(kPartnerships, {{"tier", "gold"}})), 422, "validation_failed",
                      "tier"));
}

TEST(Partnerships, CountryAndQueryFilters) {
  std::vector<Json> british;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kPartnerships, {{"country", "GB"}}), 50, &british));
  bool has_kings = false;
  for (const Json& item : british) {
    EXPECT_EQ(item["institution"]["country"], "GB");
    has_kings = has_kings || NameHas(item["institution"], kKings);
  }
  EXPECT_TRUE(has_kings);
  const Response flinders = Api().Get(Query(kPartnerships, {{"q", "Flinders"}}));
  ASSERT_TRUE(IsJson(flinders, 200));
  ASSERT_GE(flinders.json["items"].size(), 1u) << flinders;
  for (const Json& item : flinders.json["items"]) {
    EXPECT_NE(Str(item["institution"], "name").find("Flinders"), std::string::npos);
  }
}

TEST(Partnerships, AgreementTypeFilter) {
  std::vector<Json> items;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kPartnerships, {{"agreement_type", "transcampus"}}), 50, &items));
  bool has_kings = false;
  for (const Json& item : items) {
    has_kings = has_kings || NameHas(item["institution"], kKings);
  }
  EXPECT_TRUE(has_kings) << "King's College has a transcampus agreement in the demo";
  EXPECT_TRUE(IsError(Api().Get(Query(kPartnerships, {{"agreement_type", "handshake"}})), 422,
                      "validation_failed", "agreement_type"));
  EXPECT_TRUE(IsError(Api().Get(Query(kPartnerships, {{"agreement_status", "pending"}})), 422,
                      "validation_failed", "agreement_status"));
}

TEST(Partnerships, SortByName) {
  std::vector<Json> ascending;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kPartnerships, {{"sort", "name"}}), 200, &ascending));
  std::vector<Json> descending;
  ASSERT_NO_FATAL_FAILURE(ListAll(Query(kPartnerships, {{"sort", "-name"}}), 200, &descending));
  ASSERT_EQ(ascending.size(), descending.size());
  ASSERT_GE(ascending.size(), 3u);
  // Names are not unique in general; compare the name sequence reversed.
  for (std::size_t i = 0; i < ascending.size(); ++i) {
    EXPECT_EQ(ascending[i]["institution"]["name"],
              descending[descending.size() - 1 - i]["institution"]["name"]);
  }
  std::vector<Json> by_agreements;
  ASSERT_NO_FATAL_FAILURE(
      ListAll(Query(kPartnerships, {{"sort", "-active_agreements"}}), 200, &by_agreements));
  for (std::size_t i = 1; i < by_agreements.size(); ++i) {
    EXPECT_GE(by_agreements[i - 1]["active_agreements"].get<long long>(),
              by_agreements[i]["active_agreements"].get<long long>());
  }
}

// Issue 8: the lists sort by the partner's name and country kept with partnerships and agreements;
// renaming or moving the institution moves its partnership and agreements in them at once (and
// `weltcampus check counts` after the suite finds every kept name equal to the institution's).
TEST(Partnerships, ListsFollowARenamedOrMovedPartner) {
  const std::string letters = UniqueLetters(10);
  std::vector<Json> institutions;
  std::vector<Json> partnerships;
  for (const std::string first : {"Aaa", "Bbb"}) {
    Json body = NewInstitutionBody("LI");
    body["name"] = first + " Hochschule " + letters;
    Json institution;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, body, &institution));
    Json partnership;
    ASSERT_NO_FATAL_FAILURE(
        CreateOk(kPartnerships, Json{{"institution_id", IdOf(institution)}, {"tier", "standard"}},
                 &partnership));
    Json agreement;
    ASSERT_NO_FATAL_FAILURE(
        CreateOk(kAgreements,
                 NewAgreementBody(IdOf(partnership), IdOf(institution), "signed",
                                  CurrentAcademicYearStart(), CurrentAcademicYearStart() + 1),
                 &agreement));
    institutions.push_back(institution);
    partnerships.push_back(partnership);
  }
  const auto names_in = [&](const std::string& collection, const std::string& country,
                            const std::string& sort, const char* name_of) {
    std::vector<Json> items;
    std::map<std::string, std::string> params{{"q", letters}, {"sort", sort}};
    if (!country.empty()) {
      params["country"] = country;
    }
    EXPECT_NO_FATAL_FAILURE(ListAll(Query(collection, params), 1, &items));
    std::vector<std::string> names;
    for (const Json& item : items) {
      const Json& name =
          std::string(name_of) == "institution" ? item["institution"]["name"] : item[name_of];
      names.push_back(name.get<std::string>().substr(0, 3));
    }
    return names;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names_in(kPartnerships, "LI", "name", "institution"), (Names{"Aaa", "Bbb"}));
  EXPECT_EQ(names_in(kPartnerships, "LI", "-name", "institution"), (Names{"Bbb", "Aaa"}));
  EXPECT_EQ(names_in(kAgreements, "", "institution", "institution_name"), (Names{"Aaa", "Bbb"}));

  Json renamed = institutions[0];
  renamed["name"] = "Ccc Hochschule " + letters;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk(kInstitutions + "/" + std::to_string(IdOf(renamed)), renamed, &updated));
  EXPECT_EQ(names_in(kPartnerships, "LI", "name", "institution"), (Names{"Bbb", "Ccc"}));
  EXPECT_EQ(names_in(kPartnerships, "LI", "tier", "institution"), (Names{"Bbb", "Ccc"}));
  EXPECT_EQ(names_in(kAgreements, "", "institution", "institution_name"), (Names{"Bbb", "Ccc"}));
  EXPECT_EQ(names_in(kAgreements, "", "-institution", "institution_name"), (Names{"Ccc", "Bbb"}));

  Json moved = updated;
  moved["country"] = "MC";
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk(kInstitutions + "/" + std::to_string(IdOf(moved)), moved, &updated));
  EXPECT_EQ(names_in(kPartnerships, "LI", "name", "institution"), (Names{"Bbb"}));
  EXPECT_EQ(names_in(kPartnerships, "MC", "name", "institution"), (Names{"Ccc"}));
}

TEST(Partnerships, CreateReadUpdateDelete) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const Json& created = partner.partnership;
  EXPECT_EQ(created["institution_id"], IdOf(partner.institution));
  EXPECT_EQ(created["institution"]["id"], IdOf(partner.institution));
  EXPECT_EQ(created["institution"]["name"], partner.institution["name"]);
  EXPECT_EQ(created["institution"]["country"], partner.institution["country"]);
  EXPECT_EQ(created["tier"], "standard");
  EXPECT_EQ(created["since"], "2024-05-01");
  EXPECT_EQ(created["responsible_person"], "Prof. Test");
  EXPECT_EQ(created["active_agreements"], 0);

  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(PartnershipPath(created), &read));
  EXPECT_EQ(read, created);

  Json changed = read;
  changed["tier"] = "strategic";
  changed["notes"] = "upgraded";
  changed["active_agreements"] = 99;                                   // read-only: ignored
  changed["institution"]["name"] = "Renamed through the partnership";  // read-only: ignored
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(PartnershipPath(created), changed, &updated));
  EXPECT_EQ(updated["tier"], "strategic");
  EXPECT_EQ(updated["notes"], "upgraded");
  EXPECT_EQ(updated["active_agreements"], 0);
  EXPECT_EQ(updated["institution"]["name"], partner.institution["name"]);
  Json institution;
  ASSERT_NO_FATAL_FAILURE(
      GetOk("/api/v1/institutions/" + std::to_string(IdOf(partner.institution)), &institution));
  EXPECT_EQ(institution["name"], partner.institution["name"]);

  EXPECT_TRUE(IsError(Api().Put(PartnershipPath(created), changed, VersionOf(created)), 412,
                      "precondition_failed"));
  EXPECT_TRUE(IsError(Api().Put(PartnershipPath(created), changed, std::nullopt), 428,
                      "precondition_required"));
  const Response deleted = Api().Delete(PartnershipPath(created), VersionOf(updated));
  EXPECT_EQ(deleted.status, 204) << deleted;
  EXPECT_TRUE(IsError(Api().Get(PartnershipPath(created)), 404, "not_found"));
}

TEST(Partnerships, ValidationAndReferences) {
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &institution));
  const Json valid{
      {"institution_id", IdOf(institution)}, {"tier", "standard"}, {"since", "2025-01-01"}};
  Json body = valid;
  body["institution_id"] = 999999;
  ExpectPartnershipNotCreated(body, 422, "validation_failed", "institution_id");
  body = valid;
  body.erase("institution_id");
  ExpectPartnershipNotCreated(body, 422, "validation_failed", "institution_id");
  body = valid;
  body["institution_id"] = "one";
  ExpectPartnershipNotCreated(body, 422, "validation_failed", "institution_id");
  body = valid;
  body["tier"] = "gold";
  ExpectPartnershipNotCreated(body, 422, "validation_failed", "tier");
  body = valid;
  body["tier"] = 1;
  ExpectPartnershipNotCreated(body, 422, "validation_failed", "tier");
  for (const char* since : {"2025-13-01", "2025-02-30", "01.02.2025", "2025", "yesterday"}) {
    body = valid;
    body["since"] = since;
    ExpectPartnershipNotCreated(body, 422, "validation_failed", "since");
  }
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kPartnerships, valid, &created));
}

TEST(Partnerships, SecondPartnershipWithTheSameInstitutionIs409) {
  // Contract silent: a partnership is "an institution the school partners with", so one each.
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const Json body{{"institution_id", IdOf(partner.institution)}, {"tier", "standard"}};
  ExpectPartnershipNotCreated(body, 409, "conflict", "institution_id");
}

// A partnership with agreements is not removed behind the user's back: 409 naming them
// (issue 9, defect 4); once they are gone it can be.
TEST(Partnerships, APartnershipWithAgreementsIsRefusedNamingThem) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(
      CreateOk("/api/v1/agreements",
               NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft", year,
                                year + 1),
               &agreement));
  const std::string path = "/api/v1/partnerships/" + std::to_string(IdOf(partner.partnership));
  const Response refused = Api().Delete(path, VersionOf(partner.partnership));
  ASSERT_TRUE(IsError(refused, 409, "conflict"));
  const std::string named = "agreement " + std::to_string(IdOf(agreement)) + " “" +
                            agreement["title"].get<std::string>() + "”";
  EXPECT_EQ(refused.json["error"]["referenced_by"], Json::array({named})) << refused;
  EXPECT_NE(refused.json["error"]["message"].get<std::string>().find(named), std::string::npos);
  Json still;
  ASSERT_NO_FATAL_FAILURE(GetOk(AgreementPath(agreement), &still));
  ASSERT_EQ(Api().Delete(AgreementPath(agreement), VersionOf(agreement)).status, 204);
  EXPECT_EQ(Api().Delete(path, VersionOf(partner.partnership)).status, 204);
}

// Defect 5: objectives and a joint structure's description may be given in German too.
TEST(Partnerships, ObjectivesAndDescriptionsInGermanBesideEnglish) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const std::string path = kPartnerships + "/" + std::to_string(IdOf(partner.partnership));
  Json changed = partner.partnership;
  changed["objectives"] = "Exchange in medicine and dentistry";
  changed["objectives_de"] = "Austausch in Medizin und Zahnmedizin";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(path, changed, &updated));
  EXPECT_EQ(updated["objectives_de"], "Austausch in Medizin und Zahnmedizin");
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &read));
  EXPECT_EQ(read["objectives_de"], "Austausch in Medizin und Zahnmedizin");
  EXPECT_EQ(read["objectives"], "Exchange in medicine and dentistry");

  Json structure;
  ASSERT_NO_FATAL_FAILURE(CreateOk(path + "/joint-structures",
                                   {{"kind", "joint_programme"},
                                    {"name", "Joint Master"},
                                    {"description", "Taught in both cities"},
                                    {"description_de", "In beiden Städten gelehrt"}},
                                   &structure));
  EXPECT_EQ(structure["description_de"], "In beiden Städten gelehrt");
}

}  // namespace
}  // namespace weltcampus::api_test
