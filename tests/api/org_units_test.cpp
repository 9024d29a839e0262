// Organisational units: the school and its departments as a tree in a flat list.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::string kOrgUnits = "/api/v1/org-units";

std::string OrgUnitPath(const Json& record) {
  return kOrgUnits + "/" + std::to_string(IdOf(record));
}

// The whole list (it is "all, as a flat list"; follow a cursor should there be one).
void AllUnits(std::vector<Json>* units, const std::string& query = "") {
  units->clear();
  const Response response = Api().Get(kOrgUnits + query);
  ASSERT_TRUE(IsJson(response, 200));
  const Json& items = response.json.is_array() ? response.json : response.json["items"];
  ASSERT_TRUE(items.is_array()) << response;
  for (const Json& item : items) {
    units->push_back(item);
  }
  if (response.json.is_object() && response.json.contains("next_cursor") &&
      !response.json["next_cursor"].is_null()) {
    ASSERT_NO_FATAL_FAILURE(ListAll(kOrgUnits + (query.empty() ? "" : query), 200, units));
  }
}

long long SchoolId(const std::vector<Json>& units) {
  for (const Json& unit : units) {
    if (unit["parent_id"].is_null()) {
      return IdOf(unit);
    }
  }
  return -1;
}

TEST(OrgUnits, TreeHasOneSchoolRootAndDepartments) {
  std::vector<Json> units;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&units));
  ASSERT_GE(units.size(), 3u);
  std::map<long long, Json> by_id;
  int roots = 0;
  for (const Json& unit : units) {
    by_id[IdOf(unit)] = unit;
    if (unit["parent_id"].is_null()) {
      ++roots;
      EXPECT_EQ(unit["kind"], "school") << unit.dump();
      EXPECT_NE(Str(unit, "name").find("Medic"), std::string::npos) << unit.dump();
    }
  }
  EXPECT_EQ(roots, 1);
  int subunits = 0;  // departments, clinics, institutes
  for (const Json& unit : units) {
    subunits +=
        unit["kind"] == "department" || unit["kind"] == "clinic" || unit["kind"] == "institute" ? 1
                                                                                                : 0;
    // Every chain of parents ends at the root without a cycle.
    long long id = IdOf(unit);
    std::set<long long> seen;
    while (!by_id.at(id)["parent_id"].is_null()) {
      ASSERT_TRUE(seen.insert(id).second) << "cycle at " << unit.dump();
      id = by_id.at(id)["parent_id"].get<long long>();
      ASSERT_EQ(by_id.count(id), 1u) << "parent missing for " << unit.dump();
    }
  }
  EXPECT_GE(subunits, 2);
}

TEST(OrgUnits, CreateReadUpdateDeleteAndSearch) {
  std::vector<Json> units;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&units));
  const long long school = SchoolId(units);
  ASSERT_GT(school, 0);
  const std::string letters = UniqueLetters(8);
  const Json body{{"parent_id", school},
                  {"name", "Institute of Test Medicine " + letters},
                  {"name_de", "Institut für Testmedizin " + letters},
                  {"kind", "institute"},
                  {"code", "ITM" + letters}};
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kOrgUnits, body, &created));
  for (const auto& [field, value] : body.items()) {
    EXPECT_EQ(created[field], value) << field;
  }
  std::vector<Json> found;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&found, "?q=" + UrlEncode("Testmedizin " + letters)));
  ASSERT_EQ(found.size(), 1u) << "q searches name_de";
  EXPECT_EQ(IdOf(found[0]), IdOf(created));
  ASSERT_NO_FATAL_FAILURE(AllUnits(&found, "?q=" + UrlEncode("test medicine " + letters)));
  ASSERT_EQ(found.size(), 1u) << "q searches name, case-insensitively";

  const Json child_body{{"parent_id", IdOf(created)},
                        {"name", Unique("Test Lab")},
                        {"kind", "office"},
                        {"code", "TL" + letters}};
  Json child;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kOrgUnits, child_body, &child));

  Json changed = created;
  changed["name"] = "Renamed institute " + letters;
  changed["parent_id"] = IdOf(child);  // its own child: a cycle
  const Response cycle = Api().Put(OrgUnitPath(created), changed, VersionOf(created));
  EXPECT_TRUE(IsError(cycle, 422, "validation_failed", "parent_id"));
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(OrgUnitPath(created), &read));
  EXPECT_EQ(read, created);

  changed["parent_id"] = school;
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk(OrgUnitPath(created), changed, &updated));
  EXPECT_EQ(updated["name"], "Renamed institute " + letters);

  // Contract silent: a unit with children cannot simply vanish (409), its leaf can.
  const Response with_children = Api().Delete(OrgUnitPath(created), VersionOf(updated));
  EXPECT_TRUE(IsError(with_children, 409, "conflict")) << with_children;
  ASSERT_EQ(Api().Delete(OrgUnitPath(child), VersionOf(child)).status, 204);
  const Response leaf = Api().Delete(OrgUnitPath(created), VersionOf(updated));
  EXPECT_EQ(leaf.status, 204) << leaf;
  EXPECT_TRUE(IsError(Api().Get(OrgUnitPath(created)), 404, "not_found"));
}

// Agreements (module partners) point at the unit that holds them: the unit stays while they do,
// and the answer names them.
TEST(OrgUnits, AUnitHoldingAnAgreementIsNotRemoved) {
  std::vector<Json> units;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&units));
  Json unit;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      kOrgUnits,
      {{"parent_id", SchoolId(units)}, {"name", Unique("Holding clinic")}, {"kind", "clinic"}},
      &unit));
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("standard", &partner));
  const int year = CurrentAcademicYearStart();
  Json body = NewAgreementBody(IdOf(partner.partnership), IdOf(partner.institution), "draft", year,
                               year + 2);
  body["org_unit_id"] = IdOf(unit);
  Json agreement;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/agreements", body, &agreement));

  const Response refused = Api().Delete(OrgUnitPath(unit), VersionOf(unit));
  ASSERT_TRUE(IsError(refused, 409, "conflict")) << refused;
  const std::string named = "agreement " + std::to_string(IdOf(agreement));
  EXPECT_NE(refused.json.dump().find(named), std::string::npos) << refused;
  Json still;
  ASSERT_NO_FATAL_FAILURE(GetOk(OrgUnitPath(unit), &still));
  EXPECT_EQ(still, unit);

  ASSERT_EQ(
      Api()
          .Delete("/api/v1/agreements/" + std::to_string(IdOf(agreement)), VersionOf(agreement))
          .status,
      204);
  EXPECT_EQ(Api().Delete(OrgUnitPath(unit), VersionOf(unit)).status, 204);
}

TEST(OrgUnits, ValidationWritesNothing) {
  std::vector<Json> before;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&before));
  const long long school = SchoolId(before);
  const Json valid{{"parent_id", school}, {"name", Unique("Clinic")}, {"kind", "clinic"}};
  Json body = valid;
  body["kind"] = "faculty";
  EXPECT_TRUE(IsError(Api().Post(kOrgUnits, body), 422, "validation_failed", "kind"));
  body = valid;
  body["parent_id"] = 999999;
  EXPECT_TRUE(IsError(Api().Post(kOrgUnits, body), 422, "validation_failed", "parent_id"));
  body = valid;
  body["parent_id"] = "root";
  EXPECT_TRUE(IsError(Api().Post(kOrgUnits, body), 422, "validation_failed", "parent_id"));
  body = valid;
  body.erase("name");
  EXPECT_TRUE(IsError(Api().Post(kOrgUnits, body), 422, "validation_failed", "name"));
  std::vector<Json> after;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&after));
  EXPECT_EQ(before.size(), after.size());
}

// The list is a page like every other list: filters and sorts from the record kit.
TEST(OrgUnits, ListFiltersSortsAndPages) {
  std::vector<Json> all;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&all));
  const long long school = SchoolId(all);
  std::vector<Json> clinics;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&clinics, "?kind=clinic"));
  ASSERT_FALSE(clinics.empty());
  size_t expected_clinics = 0;
  size_t expected_children = 0;
  for (const Json& unit : all) {
    expected_clinics += unit["kind"] == "clinic" ? 1 : 0;
    expected_children += unit["parent_id"] == school ? 1 : 0;
  }
  EXPECT_EQ(clinics.size(), expected_clinics);
  for (const Json& unit : clinics) {
    EXPECT_EQ(unit["kind"], "clinic") << unit.dump();
  }
  std::vector<Json> children;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&children, "?parent_id=" + std::to_string(school)));
  EXPECT_EQ(children.size(), expected_children);
  ASSERT_GE(children.size(), 2u);

  std::vector<Json> by_name;
  std::vector<Json> by_name_descending;
  ASSERT_NO_FATAL_FAILURE(AllUnits(&by_name, "?sort=name"));
  ASSERT_NO_FATAL_FAILURE(AllUnits(&by_name_descending, "?sort=-name"));
  ASSERT_EQ(by_name.size(), by_name_descending.size());
  for (size_t i = 0; i < by_name.size(); ++i) {
    EXPECT_EQ(IdOf(by_name[i]), IdOf(by_name_descending[by_name.size() - 1 - i])) << i;
  }
  const Response first = Api().Get(kOrgUnits + "?limit=2");
  ASSERT_TRUE(IsJson(first, 200)) << first;
  EXPECT_EQ(first.json["items"].size(), 2u);
  EXPECT_EQ(first.json["total"], all.size());
  EXPECT_FALSE(first.json["next_cursor"].is_null());

  EXPECT_TRUE(IsError(Api().Get(kOrgUnits + "?kind=faculty"), 422, "validation_failed", "kind"));
  EXPECT_TRUE(
      IsError(Api().Get(kOrgUnits + "?parent_id=0"), 422, "validation_failed", "parent_id"));
  EXPECT_TRUE(IsError(Api().Get(kOrgUnits + "?sort=size"), 422, "validation_failed", "sort"));
}

}  // namespace
}  // namespace weltcampus::api_test
