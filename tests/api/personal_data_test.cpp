// Personal data (issue 4): the export of one's own data, and erasure by an administrator.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

class PersonalDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

bool HasEntry(const Json& list, const std::string& action) {
  for (const Json& entry : list) {
    if (Str(entry, "action") == action) {
      return true;
    }
  }
  return false;
}

TEST_F(PersonalDataTest, MyDataHasMyAccountAndTheAuditEntriesAboutAndByMeOnly) {
  Account me;
  Account other;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"international_office"}, &me));
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"international_office"}, &other));
  // Both leave traces: a change of their own account, and a partner record.
  ApiClient mine(me.session);
  ApiClient theirs(other.session);
  ASSERT_TRUE(IsJson(mine.Put("/api/v1/me", Json{{"display_name", Unique("Me")}},
                              VersionOf(mine.Get("/api/v1/me").json)),
                     200));
  ASSERT_TRUE(IsJson(theirs.Put("/api/v1/me", Json{{"display_name", Unique("Other")}},
                                VersionOf(theirs.Get("/api/v1/me").json)),
                     200));
  ASSERT_TRUE(IsJson(mine.Post("/api/v1/institutions", NewInstitutionBody()), 201));
  ASSERT_TRUE(IsJson(theirs.Post("/api/v1/institutions", NewInstitutionBody()), 201));

  const Response data = mine.Get("/api/v1/me/data");
  ASSERT_TRUE(IsJson(data, 200));
  EXPECT_NE(data.Header("Content-Disposition").find("attachment"), std::string::npos) << data;
  ASSERT_TRUE(data.json.contains("account") && data.json["account"].is_object()) << data;
  EXPECT_EQ(IdOf(data.json["account"]), me.id);
  EXPECT_EQ(Str(data.json["account"], "email"), me.email);
  EXPECT_EQ(data.body.find(other.email), std::string::npos) << "another person's e-mail";
  ASSERT_TRUE(data.json.contains("audit_entries_about_you") &&
              data.json["audit_entries_about_you"].is_array())
      << data;
  ASSERT_TRUE(data.json.contains("audit_entries_by_you") &&
              data.json["audit_entries_by_you"].is_array())
      << data;
  const Json& about = data.json["audit_entries_about_you"];
  const Json& by = data.json["audit_entries_by_you"];
  for (const Json& entry : about) {
    EXPECT_EQ(entry.value("subject_user_id", Json()), Json(me.id)) << entry.dump();
  }
  for (const Json& entry : by) {
    EXPECT_EQ(entry.value("actor_user_id", Json()), Json(me.id)) << entry.dump();
  }
  EXPECT_TRUE(HasEntry(about, "create")) << "the creation of my account: " << about.dump();
  EXPECT_TRUE(HasEntry(about, "login")) << about.dump();
  EXPECT_TRUE(HasEntry(about, "password_changed")) << about.dump();
  EXPECT_TRUE(HasEntry(by, "create")) << "the institution I created: " << by.dump();
  EXPECT_TRUE(HasEntry(by, "update")) << "my own change of my account: " << by.dump();
  for (const std::string& secret : {me.password, TokenOf(me.session), me.session.csrf_token,
                                    Sha256Hex(TokenOf(me.session))}) {
    EXPECT_EQ(data.body.find(secret), std::string::npos) << "a secret is in the export";
  }
  EXPECT_EQ(data.body.find("$argon2"), std::string::npos) << "a password hash is in the export";

  // The administrator's export of the same person is the same person.
  const Response admin_view = Api().Get("/api/v1/users/" + std::to_string(me.id) + "/data");
  ASSERT_TRUE(IsJson(admin_view, 200));
  EXPECT_EQ(Str(admin_view.json["account"], "email"), me.email);
  EXPECT_EQ(admin_view.body.find(other.email), std::string::npos);
}

TEST_F(PersonalDataTest, ErasurePseudonymisesTheAccountAndKeepsTheCounts) {
  const std::string role = "research_office";
  Account person;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({role}, &person));
  ApiClient client(person.session);
  ASSERT_TRUE(IsJson(client.Put("/api/v1/me", Json{{"display_name", Unique("To Be Erased")}},
                                VersionOf(client.Get("/api/v1/me").json)),
                     200));
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/users?role=" + role, &before));

  const std::string path = "/api/v1/users/" + std::to_string(person.id);
  Json user;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &user));
  EXPECT_TRUE(IsError(Api().Post(path + "/erasure", Json::object()), 428, "precondition_required"));
  EXPECT_EQ(SignedInUserId(person.session), person.id) << "a refused erasure erases nothing";
  const Response erased =
      Api().Post(path + "/erasure", Json::object(), {{"If-Match", Quoted(VersionOf(user))}});
  ASSERT_TRUE(IsJson(erased, 200));
  EXPECT_EQ(Str(erased.json, "email"), "erased-" + std::to_string(person.id) + "@erased.invalid")
      << erased;
  EXPECT_EQ(erased.json.value("erased", Json()), Json(true)) << erased;
  EXPECT_EQ(erased.json.value("active", Json()), Json(false)) << erased;
  EXPECT_EQ(erased.body.find(person.email), std::string::npos) << erased;

  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/users?role=" + role, &after));
  EXPECT_EQ(before, after) << "the number of accounts with the role must stay the same";

  EXPECT_EQ(SignedInUserId(person.session), -1) << "the erased person's sessions must be gone";
  std::string rows;
  ASSERT_NO_FATAL_FAILURE(
      ExecSql("SELECT COUNT(*) FROM sessions WHERE user_id = " + std::to_string(person.id), &rows));
  EXPECT_EQ(rows, "0\n");
  const std::string address = FreshLoopbackAddress();
  EXPECT_TRUE(IsError(LoginFrom(address, person.email, person.password), 401, "unauthorized"));
  EXPECT_TRUE(IsError(LoginFrom(address, Str(erased.json, "email"), person.password), 401,
                      "unauthorized"));

  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries("", &entries));
  bool erase_recorded = false;
  for (const Json& entry : entries) {
    const std::string text = entry.dump();
    EXPECT_EQ(text.find(person.email), std::string::npos)
        << "the erased person's e-mail is still in an audit entry: " << text;
    if (Str(entry, "action") == "erase" && entry.value("subject_user_id", Json()) == Json(person.id)) {
      erase_recorded = true;
    }
  }
  EXPECT_TRUE(erase_recorded) << "the erasure itself must be audited";
  const Response export_after = Api().Get(path + "/data");
  ASSERT_TRUE(IsJson(export_after, 200));
  EXPECT_EQ(export_after.body.find(person.email), std::string::npos) << export_after;
}

}  // namespace
}  // namespace weltcampus::api_test
