// Joint structures of a partnership (the transCampus with King's College London has several).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

const std::set<std::string> kKinds = {"joint_programme", "joint_appointment", "joint_institute",
                                      "shared_administrative_unit"};

std::string CollectionOf(long long partnership_id) {
  return "/api/v1/partnerships/" + std::to_string(partnership_id) + "/joint-structures";
}

std::string JointStructurePath(const Json& record) {
  return "/api/v1/joint-structures/" + std::to_string(IdOf(record));
}

TEST(JointStructures, KingsCollegeHasSeveral) {
  Json kings;
  ASSERT_NO_FATAL_FAILURE(FindDemoPartnership(kKings, &kings));
  const Response response = Api().Get(CollectionOf(IdOf(kings)));
  ASSERT_TRUE(IsJson(response, 200));
  ASSERT_TRUE(response.json.contains("items") && response.json["items"].is_array()) << response;
  EXPECT_GE(response.json["items"].size(), 2u) << response;
  EXPECT_EQ(response.json.value("total", -1LL),
            static_cast<long long>(response.json["items"].size()));
  for (const Json& item : response.json["items"]) {
    EXPECT_EQ(item["partnership_id"], IdOf(kings));
    EXPECT_EQ(kKinds.count(Str(item, "kind")), 1u) << item.dump();
    EXPECT_FALSE(Str(item, "name").empty()) << item.dump();
  }
}

TEST(JointStructures, CreateReadUpdateDelete) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("transcampus", &partner));
  const std::string collection = CollectionOf(IdOf(partner.partnership));
  const Json body{{"kind", "joint_programme"},
                  {"name", Unique("Joint MSc")},
                  {"description", "A joint master's programme"},
                  {"since", "2025-10-01"}};
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk(collection, body, &created));
  EXPECT_EQ(created["partnership_id"], IdOf(partner.partnership));
  for (const char* field : {"kind", "name", "description", "since"}) {
    EXPECT_EQ(created[field], body[field]) << field;
  }
  const Response read = Api().Get(JointStructurePath(created));
  ASSERT_TRUE(IsJson(read, 200));
  EXPECT_EQ(read.json, created);
  EXPECT_EQ(read.Header("ETag"), Quoted(VersionOf(created)));

  const Response list = Api().Get(collection);
  ASSERT_TRUE(IsJson(list, 200));
  ASSERT_EQ(list.json["items"].size(), 1u) << list;
  EXPECT_EQ(IdOf(list.json["items"][0]), IdOf(created));

  Json changed = created;
  changed["kind"] = "joint_institute";
  changed["partnership_id"] = 999999;  // read-only or invalid: never moves the structure
  const Response put = Api().Put(JointStructurePath(created), changed, VersionOf(created));
  if (put.status == 200) {
    EXPECT_EQ(put.json["kind"], "joint_institute");
    EXPECT_EQ(put.json["partnership_id"], IdOf(partner.partnership));
  } else {
    EXPECT_TRUE(IsError(put, 422, "validation_failed", "partnership_id"));
  }
  Json current;
  ASSERT_NO_FATAL_FAILURE(GetOk(JointStructurePath(created), &current));
  EXPECT_EQ(current["partnership_id"], IdOf(partner.partnership));

  Json stale = current;
  stale["name"] = "stale";
  EXPECT_TRUE(IsError(Api().Put(JointStructurePath(created), stale, VersionOf(current) + 100), 412,
                      "precondition_failed"));
  EXPECT_TRUE(IsError(Api().Delete(JointStructurePath(created), std::nullopt), 428,
                      "precondition_required"));
  const Response deleted = Api().Delete(JointStructurePath(created), VersionOf(current));
  EXPECT_EQ(deleted.status, 204) << deleted;
  EXPECT_TRUE(IsError(Api().Get(JointStructurePath(created)), 404, "not_found"));
  const Response empty = Api().Get(collection);
  ASSERT_TRUE(IsJson(empty, 200));
  EXPECT_TRUE(empty.json["items"].empty());
}

TEST(JointStructures, ValidationWritesNothing) {
  PartnerFixture partner;
  ASSERT_NO_FATAL_FAILURE(CreatePartner("strategic", &partner));
  const std::string collection = CollectionOf(IdOf(partner.partnership));
  const Json valid{{"kind", "joint_appointment"}, {"name", Unique("Joint chair")}};
  Json body = valid;
  body["kind"] = "joint_venture";
  EXPECT_TRUE(IsError(Api().Post(collection, body), 422, "validation_failed", "kind"));
  body = valid;
  body.erase("name");
  EXPECT_TRUE(IsError(Api().Post(collection, body), 422, "validation_failed", "name"));
  body = valid;
  body["since"] = "2025-02-30";
  EXPECT_TRUE(IsError(Api().Post(collection, body), 422, "validation_failed", "since"));
  EXPECT_TRUE(IsError(Api().PostRaw(collection, "{\"kind\":"), 400, "bad_request"));
  const Response list = Api().Get(collection);
  ASSERT_TRUE(IsJson(list, 200));
  EXPECT_TRUE(list.json["items"].empty()) << list;
  // The partnership in the path does not exist.
  EXPECT_TRUE(IsError(Api().Post(CollectionOf(999999), valid), 404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get(CollectionOf(999999)), 404, "not_found"));
}

}  // namespace
}  // namespace weltcampus::api_test
