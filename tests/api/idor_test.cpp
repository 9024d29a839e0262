// Records with an owner, or with a row-level scope, answer only their own people (issue 4, IDOR;
// issue 13, "Tests that prove what the README says", item 2).
//
// One row of kOwnedRecordTypes (OwnedRecordTypes()) per record type with an owner or a row-level
// scope; a module that adds such a type adds a row. Each row makes two people of the SAME role, A
// and B, each with a record of their own, and then B
// - tries A's record by every route that takes its id: 404 `not_found`, the very answer an id
//   that does not exist gets (nothing tells that A's record exists), while the same route answers
//   B's own record (the refusal is the row's, not the permission layer's);
// - reads every view of their own (lists, exports, routes found by the account, ids smuggled into
//   the query): B's record is there, nothing of A's;
// - uses the routes without an id (found by the account): they reach B's own record only;
// and A's record, read back as A, is unchanged.
//
// Apart from that, the permission layer: a role without a route's permission gets 403 for A's id
// and for an id that does not exist alike (PermissionLayerRefusesEveryIdAlike).
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "idor_table.h"

namespace weltcampus::api_test {
namespace {

using idor::ByIdRequest;
using idor::Holder;
using idor::kMissingId;
using idor::OwnedRecordType;
using idor::PermissionRefusal;

std::string Expand(const std::string& pattern, const std::string& id, const Holder& holder) {
  std::string path = pattern;
  std::map<std::string, std::string> values = holder.where;
  values["{id}"] = id;
  for (const auto& [name, value] : values) {
    for (auto at = path.find(name); at != std::string::npos; at = path.find(name)) {
      path.replace(at, name.size(), value);
    }
  }
  return path;
}

Response SendById(ApiClient& client, const ByIdRequest& request, const std::string& id,
                  const Holder& holder, long long version) {
  const std::string path = Expand(request.path, id, holder);
  if (request.method == "GET") {
    return client.Get(path);
  }
  if (request.method == "POST") {
    return client.Post(path, request.body, {{"If-Match", Quoted(version)}});
  }
  if (request.method == "PUT") {
    return client.Put(path, request.body, version);
  }
  return client.Delete(path, version);
}

long long VersionOr1(const Json& record) {
  return record.is_object() && record.contains("version") && record["version"].is_number_integer()
             ? record["version"].get<long long>()
             : 1;
}

// kOwnedRecordTypes: one row per record type with an owner or a row-level scope.
const std::vector<OwnedRecordType>& OwnedRecordTypes() {
  static const std::vector<OwnedRecordType> types = {
      idor::AccountRow(),           idor::StudentRecordRow(),   idor::OwnApplicationRow(),
      idor::ScopedApplicationRow(), idor::OwnResultRow(),       idor::ScopedResultRow(),
      idor::OwnObjectionRow(),      idor::ScopedObjectionRow(), idor::ImportJobRow(),
  };
  return types;
}

// The two people of a row, made once per run (both tests use them).
void PeopleOf(const OwnedRecordType& type, Holder* a, Holder* b) {
  static std::map<std::string, std::pair<Holder, Holder>> made;
  const auto found = made.find(type.name);
  if (found != made.end()) {
    *a = found->second.first;
    *b = found->second.second;
    return;
  }
  ASSERT_NO_FATAL_FAILURE(type.make(a, b));
  ASSERT_GT(a->record, 0) << type.name;
  ASSERT_GT(b->record, 0) << type.name;
  ASSERT_NE(a->record, b->record) << type.name;
  ASSERT_NE(a->account.id, b->account.id) << type.name;
  ASSERT_FALSE(a->marker.empty() || b->marker.empty()) << type.name;
  made.emplace(type.name, std::make_pair(*a, *b));
}

// One row: B of the same role as A reaches nothing of A's record (a fatal failure ends this row
// only).
void CheckRowLevel(const OwnedRecordType& type) {
  SCOPED_TRACE("record type " + type.name + " (two people with the role " + type.role + ")");
  Holder a, b;
  ASSERT_NO_FATAL_FAILURE(PeopleOf(type, &a, &b));
  Json before;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &before));
  const long long version = VersionOr1(before);
  ApiClient client(b.account.session);

  for (const ByIdRequest& request : type.by_id) {
    const std::string what = request.method + " " + request.path;
    const Response missing = SendById(client, request, kMissingId, a, version);
    EXPECT_TRUE(IsError(missing, 404, "not_found")) << what << " (an id that does not exist)";
    const Response answer = SendById(client, request, std::to_string(a.record), a, version);
    EXPECT_TRUE(IsError(answer, 404, "not_found")) << what << " (A's record)";
    EXPECT_EQ(answer.body, missing.body)
        << what << ": the answer must not tell whether A's record exists";
    if (request.own_status != 0) {
      const Response own = SendById(client, request, std::to_string(b.record), b, 1);
      EXPECT_EQ(own.status, request.own_status)
          << what << " on B's own record: the route must work for B: " << own;
    }
  }

  for (const std::string& view : type.views) {
    const std::string path = Expand(view, std::to_string(b.record), b);
    const Response answer = client.Get(path);
    ASSERT_EQ(answer.status, 200) << path << ": " << answer;
    EXPECT_NE(answer.body.find(b.marker), std::string::npos)
        << path << " does not show B's own record (" << b.marker << "): " << answer;
    EXPECT_EQ(answer.body.find(a.marker), std::string::npos)
        << path << " shows A's record (" << a.marker << ") to B: " << answer;
  }

  if (type.own_routes) {
    ASSERT_NO_FATAL_FAILURE(type.own_routes(a, b));
  }

  Json after;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &after));
  EXPECT_EQ(after, before) << "A's record changed";
}

// One row's by-id routes through the permission layer.
void CheckPermissionLayer(const OwnedRecordType& type) {
  if (type.refused.empty()) {
    return;
  }
  SCOPED_TRACE("record type " + type.name);
  Holder a, b;
  ASSERT_NO_FATAL_FAILURE(PeopleOf(type, &a, &b));
  Json before;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &before));
  const long long version = VersionOr1(before);
  for (const DemoAccount& attacker : DemoAccounts()) {
    Session session;
    ASSERT_NO_FATAL_FAILURE(DemoSession(attacker.role, &session));
    ApiClient client(session);
    for (const PermissionRefusal& refusal : type.refused) {
      if (refusal.allowed.contains(attacker.role)) {
        continue;
      }
      const ByIdRequest& request = refusal.request;
      const std::string what = attacker.role + " " + request.method + " " + request.path;
      const Response missing = SendById(client, request, kMissingId, a, version);
      EXPECT_TRUE(IsError(missing, 403, "forbidden")) << what << " (missing id)";
      for (const std::string& id :
           {std::to_string(a.record), std::to_string(b.record), std::string("1")}) {
        const Response answer = SendById(client, request, id, a, version);
        EXPECT_EQ(answer.status, missing.status) << what << " id " << id << ": " << answer;
        EXPECT_EQ(answer.body, missing.body)
            << what << " id " << id << ": the answer must not tell whether the record exists";
      }
    }
  }
  Json after;
  ASSERT_NO_FATAL_FAILURE(type.read(a, &after));
  EXPECT_EQ(after, before) << "A's record changed";
  EXPECT_EQ(SignedInUserId(a.account.session), a.account.id) << "A's session must survive";
}

class IdorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

TEST_F(IdorTest, EveryOwnedTypeHasARow) {
  std::set<std::string> names;
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    EXPECT_TRUE(names.insert(type.name).second) << "two rows named " << type.name;
    EXPECT_TRUE(!type.by_id.empty() || !type.views.empty() || type.own_routes)
        << type.name << ": a row that tries nothing";
  }
  for (const char* name :
       {"account", "student record", "application (the student's own)",
        "application (a coordinator's scope)", "allocation result (the student's own)",
        "allocation result (a coordinator's scope)", "objection (the student's own)",
        "objection (a coordinator's scope)", "import job"}) {
    EXPECT_TRUE(names.contains(name)) << "no row for " << name;
  }
}

// Person B of the same role as A reaches nothing of A's record: by id 404 as for a missing id,
// in B's views nothing of A's, through the routes found by the account only B's own; A's record
// is unchanged.
TEST_F(IdorTest, AnotherPersonOfTheSameRoleReachesNothingOfMine) {
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    CheckRowLevel(type);
  }
}

// The permission layer, apart from the rows: a role without a route's permission gets the same
// 403 for A's record, B's, and an id that does not exist; nothing changes.
TEST_F(IdorTest, PermissionLayerRefusesEveryIdAlike) {
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    CheckPermissionLayer(type);
  }
}

// /api/v1/me/data is the caller's account and the audit entries about and by the caller only.
TEST_F(IdorTest, MyDataHoldsOnlyMyOwnAccount) {
  Session session;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &session));
  const long long me = SignedInUserId(session);
  ASSERT_GT(me, 0);
  ApiClient client(session);
  const Response data = client.Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200));
  ASSERT_TRUE(data.json.contains("account") && data.json["account"].is_object()) << data;
  EXPECT_EQ(IdOf(data.json["account"]), me);
  EXPECT_EQ(Str(data.json["account"], "email"), DemoEmail("student"));
  for (const DemoAccount& other : DemoAccounts()) {
    if (other.role != "student") {
      EXPECT_EQ(data.body.find(other.email), std::string::npos)
          << "another person's e-mail in my data: " << other.email;
    }
  }
  for (const char* key : {"audit_entries_about_you", "audit_entries_by_you"}) {
    ASSERT_TRUE(data.json.contains(key) && data.json[key].is_array()) << key << ": " << data;
  }
  for (const Json& entry : data.json["audit_entries_about_you"]) {
    EXPECT_EQ(entry.value("subject_user_id", Json()), Json(me)) << entry.dump();
  }
  for (const Json& entry : data.json["audit_entries_by_you"]) {
    EXPECT_EQ(entry.value("actor_user_id", Json()), Json(me)) << entry.dump();
  }
}

}  // namespace
}  // namespace weltcampus::api_test
