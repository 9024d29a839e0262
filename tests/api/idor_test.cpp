// Records with an owner cannot be read, changed or deleted by id by anyone else (issue 4, IDOR).
// One row per record type with an owner; today that is the account itself. When exchange
// applications (owned by a student) arrive, they become one more row of kOwnedRecordTypes.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

// A request by id: `{id}` in the path is replaced by the record's id.
struct ByIdRequest {
  std::string method;  // GET, POST, PUT, DELETE
  std::string path;
  Json body;  // for POST/PUT
};

struct OwnedRecordType {
  std::string name;
  // Makes a record owned by `owner` (signed in) and returns its id.
  std::function<void(const Account& owner, long long* id)> make;
  // What the owner uses to see their own record (no id in the path).
  std::string own_path;
  // Reads the record as its owner and returns it (to prove nothing changed).
  std::function<void(const Account& owner, long long id, Json* record)> read_as_owner;
  // Every route that reaches a record of this type by id.
  std::vector<ByIdRequest> by_id;
};

const std::vector<OwnedRecordType>& OwnedRecordTypes() {
  static const std::vector<OwnedRecordType> types = {
      {
          "account",
          [](const Account& owner, long long* id) { *id = owner.id; },
          "/api/v1/me",
          [](const Account& owner, long long, Json* record) {
            ApiClient client(owner.session);
            const Response answer = client.Get("/api/v1/me");
            ASSERT_TRUE(IsJson(answer, 200));
            *record = answer.json;
          },
          {
              {"GET", "/api/v1/users/{id}", nullptr},
              {"GET", "/api/v1/users/{id}/data", nullptr},
              {"PUT", "/api/v1/users/{id}",
               Json{{"email", "hijacked@example.org"},
                    {"display_name", "Hijacked"},
                    {"preferred_language", "de"},
                    {"active", false},
                    {"roles", Json::array({"admin"})}}},
              {"POST", "/api/v1/users/{id}/password-reset", Json::object()},
              {"POST", "/api/v1/users/{id}/erasure", Json::object()},
          },
      },
      // {"exchange application", ...}: the next owned record type goes here.
  };
  return types;
}

std::string WithId(const std::string& pattern, const std::string& id) {
  std::string path = pattern;
  const auto brace = path.find("{id}");
  if (brace != std::string::npos) {
    path.replace(brace, 4, id);
  }
  return path;
}

Response SendById(ApiClient& client, const ByIdRequest& request, const std::string& id) {
  const std::string path = WithId(request.path, id);
  if (request.method == "GET") {
    return client.Get(path);
  }
  if (request.method == "POST") {
    return client.Post(path, request.body, {{"If-Match", Quoted(1)}});
  }
  if (request.method == "PUT") {
    return client.Put(path, request.body, 1);
  }
  return client.Delete(path, 1);
}

class IdorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

// Every role but admin (who manages accounts) tries every by-id route on someone else's record,
// on their own, and on ids that do not exist: the answers are all the same 403, and nothing
// changes.
TEST_F(IdorTest, OthersRecordsCannotBeReachedById) {
  for (const OwnedRecordType& type : OwnedRecordTypes()) {
    SCOPED_TRACE("record type " + type.name);
    Account victim;
    ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &victim));
    long long victim_record = -1;
    ASSERT_NO_FATAL_FAILURE(type.make(victim, &victim_record));
    Json before;
    ASSERT_NO_FATAL_FAILURE(type.read_as_owner(victim, victim_record, &before));

    for (const DemoAccount& attacker : DemoAccounts()) {
      if (attacker.role == "admin") {
        continue;
      }
      Session session;
      ASSERT_NO_FATAL_FAILURE(DemoSession(attacker.role, &session));
      ApiClient client(session);
      const long long own_id = SignedInUserId(session);
      ASSERT_GT(own_id, 0);
      for (const ByIdRequest& request : type.by_id) {
        const std::string what = attacker.role + " " + request.method + " " + request.path;
        // Reference: an id that does not exist.
        const Response missing = SendById(client, request, "987654321");
        EXPECT_TRUE(IsError(missing, 403, "forbidden")) << what << " (missing id)";
        for (const std::string& id :
             {std::to_string(victim_record), std::to_string(own_id), std::string("1")}) {
          const Response answer = SendById(client, request, id);
          EXPECT_EQ(answer.status, missing.status) << what << " id " << id << ": " << answer;
          EXPECT_EQ(answer.body, missing.body)
              << what << " id " << id << ": the answer must not tell whether the record exists";
        }
      }
    }
    Json after;
    ASSERT_NO_FATAL_FAILURE(type.read_as_owner(victim, victim_record, &after));
    EXPECT_EQ(after, before) << "the victim's record changed";
    EXPECT_EQ(SignedInUserId(victim.session), victim.id) << "the victim's session must survive";
  }
}

// The own-record route ignores ids smuggled in through the query or the body.
TEST_F(IdorTest, OwnRecordRoutesOnlyEverReachTheCaller) {
  Account victim;
  Account attacker;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &victim));
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &attacker));
  ApiClient client(attacker.session);
  for (const std::string& query : {std::string("?id="), std::string("?user_id=")}) {
    const Response me = client.Get("/api/v1/me" + query + std::to_string(victim.id));
    ASSERT_TRUE(IsJson(me, 200));
    EXPECT_EQ(IdOf(me.json), attacker.id) << me;
    EXPECT_EQ(Str(me.json, "email"), attacker.email) << me;
    const Response data = client.Get("/api/v1/me/data" + query + std::to_string(victim.id));
    ASSERT_TRUE(IsJson(data, 200));
    EXPECT_EQ(data.body.find(victim.email), std::string::npos) << data;
  }
  const Response put = client.Put("/api/v1/me",
                                  Json{{"id", victim.id},
                                       {"email", victim.email},
                                       {"display_name", "Changed by someone else"},
                                       {"preferred_language", "de"},
                                       {"roles", Json::array({"admin"})}},
                                  VersionOf(client.Get("/api/v1/me").json));
  ASSERT_TRUE(put.status == 200 || put.status == 422) << put;
  ApiClient victim_client(victim.session);
  const Response victim_me = victim_client.Get("/api/v1/me");
  ASSERT_TRUE(IsJson(victim_me, 200));
  EXPECT_NE(Str(victim_me.json, "display_name"), "Changed by someone else") << victim_me;
  EXPECT_EQ(Str(victim_me.json, "email"), victim.email) << victim_me;
  const Response attacker_session = client.Get("/api/v1/auth/session");
  ASSERT_TRUE(IsJson(attacker_session, 200));
  EXPECT_EQ(Str(attacker_session.json["user"], "email"), attacker.email)
      << "PUT /api/v1/me must not change one's own e-mail to someone else's: " << attacker_session;
  EXPECT_EQ(attacker_session.json["user"]["roles"], Json::array({"student"}))
      << "PUT /api/v1/me must not grant roles: " << attacker_session;
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
