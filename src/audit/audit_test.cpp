#include "audit/audit.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/migrations.h"

namespace weltcampus::audit {
namespace {

class AuditChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("weltcampus_audit_test_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    database_ = store::Database::Open("sqlite:" + path_.string(), 1);
    store::Migrate(*database_);
    for (int i = 1; i <= 4; ++i) {
      database_->Write([&](store::Connection& c) {
        RecordChange(c, Actor::System(), "institution", i, nullptr,
                     {{"name", "University " + std::to_string(i)}});
      });
    }
  }
  void TearDown() override {
    database_.reset();
    std::filesystem::remove(path_);
  }
  AuditVerification Verify() {
    return database_->Read([](store::Connection& c) { return VerifyAudit(c); });
  }
  void Exec(const std::string& sql) {
    database_->Write([&](store::Connection& c) { c.Exec(sql); });
  }

  std::filesystem::path path_;
  std::shared_ptr<store::Database> database_;
};

TEST_F(AuditChainTest, IntactChainVerifies) {
  const auto result = Verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.entries, 4);
}

TEST_F(AuditChainTest, DetectsAnEditedEntry) {
  Exec("UPDATE audit_log SET after_json = '{\"name\":\"Forged\"}' WHERE id = 2");
  const auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 2);
}

TEST_F(AuditChainTest, DetectsADeletedEntry) {
  Exec("DELETE FROM audit_log WHERE id = 2");
  const auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 3);
}

TEST_F(AuditChainTest, DetectsReorderedEntries) {
  Exec("UPDATE audit_log SET id = 100 WHERE id = 2");
  Exec("UPDATE audit_log SET id = 2 WHERE id = 3");
  Exec("UPDATE audit_log SET id = 3 WHERE id = 100");
  const auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 2);
}

TEST_F(AuditChainTest, DetectsTheNewestEntriesCutOff) {
  Exec("DELETE FROM audit_log WHERE id = 4");
  const auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_NE(result.problem.find("removed"), std::string::npos);
}

TEST_F(AuditChainTest, NamesTheActorById) {
  const Actor actor{7, "192.0.2.1", "req-1"};
  database_->Write([&](store::Connection& c) {
    RecordChange(c, actor, "agreement", 9, {{"a", 1}}, {{"a", 2}});
  });
  const auto entries = database_->Read([](store::Connection& c) {
    AuditFilter filter;
    filter.entity_type = "agreement";
    return ListAllAudit(c, filter);
  });
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].actor, "user:7");  // an id, never the e-mail address
  EXPECT_EQ(entries[0].action, "update");
  EXPECT_EQ(entries[0].client_address, "192.0.2.1");
  EXPECT_EQ(entries[0].request_id, "req-1");
  EXPECT_TRUE(Verify().intact);
}

}  // namespace
}  // namespace weltcampus::audit
