#include <gtest/gtest.h>

#include <memory>

#include "auth/repository.h"
#include "store/temporary_database.h"

namespace weltcampus::auth {
namespace {

using store::Backend;
using store::Connection;
namespace testing = store::testing;

class SessionsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { db_ = std::make_unique<testing::TemporaryDatabase>(GetParam(), true); }

  int64_t AddUser(Connection& c, const std::string& email) {
    User user;
    user.email = email;
    user.display_name = email;
    repository::InsertUser(c, user, std::nullopt);
    return user.id;
  }

  static void AddSession(Connection& c, int64_t user_id, const std::string& token_hash,
                         const std::string& idle_expires_at) {
    Session session;
    session.token_hash = token_hash;
    session.user_id = user_id;
    session.csrf_token = "csrf-" + token_hash;
    session.created_at = session.last_seen_at = "2026-12-01T08:00:00Z";
    session.idle_expires_at = idle_expires_at;
    session.absolute_expires_at = "2026-12-01T20:00:00Z";
    session.client_address = "192.0.2.1";
    repository::InsertSession(c, session);
  }

  std::unique_ptr<testing::TemporaryDatabase> db_;
};

// What My data shows is what is kept: a person's expired sessions go at their next sign-in,
// nobody else's, and none that is still open.
TEST_P(SessionsTest, APersonsExpiredSessionsGoAtTheirNextSignIn) {
  db_->database().Write([&](Connection& c) {
    const int64_t ada = AddUser(c, "ada@example.org");
    const int64_t bob = AddUser(c, "bob@example.org");
    AddSession(c, ada, "ada-old", "2026-12-01T08:30:00Z");
    AddSession(c, ada, "ada-open", "2026-12-01T12:30:00Z");
    AddSession(c, bob, "bob-old", "2026-12-01T08:30:00Z");
    EXPECT_EQ(repository::DeleteExpiredSessionsOf(c, ada, "2026-12-01T12:00:00Z"), 1);
    const auto left = repository::ListUserSessions(c, ada);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0].token_hash, "ada-open");
    EXPECT_EQ(repository::ListUserSessions(c, bob).size(), 1u);
    // Past its absolute end a session has expired however recently it was used.
    EXPECT_EQ(repository::DeleteExpiredSessionsOf(c, ada, "2026-12-01T20:00:01Z"), 1);
    EXPECT_TRUE(repository::ListUserSessions(c, ada).empty());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, SessionsTest, ::testing::ValuesIn(testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::auth
