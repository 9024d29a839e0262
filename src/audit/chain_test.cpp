// The audit chain keyed and anchored outside the database (issue 13, defect 8): what someone who
// can write the database, but holds neither the key nor the anchor file, can no longer hide.
#include "audit/chain.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "audit/audit.h"
#include "store/migrations.h"
#include "store/settings.h"

namespace weltcampus::audit {
namespace {

const std::string kTestKey(kChainKeyBytes, 'k');

// Every unit test that writes audit entries runs under this key (a server reads its own from
// --audit-key-file or WELTCAMPUS_AUDIT_KEY).
class ChainKeyEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { ConfigureChain({kTestKey, std::nullopt, false}); }
};
[[maybe_unused]] const auto* const kChainKeyEnvironment =
    ::testing::AddGlobalTestEnvironment(new ChainKeyEnvironment);

class KeyedChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("weltcampus_chain_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    database_ = store::Database::Open("sqlite:" + (dir_ / "audit.db").string(), 1);
    store::Migrate(*database_);
    database_->Write([](store::Connection& c) { UpgradeChain(c); });
    for (int i = 1; i <= 4; ++i) {
      database_->Write([&](store::Connection& c) {
        RecordChange(c, Actor::System(), "institution", i, nullptr,
                     {{"name", "University " + std::to_string(i)}});
      });
    }
  }
  void TearDown() override {
    ConfigureChain({kTestKey, std::nullopt, false});
    database_.reset();
    std::filesystem::remove_all(dir_);
  }
  AuditVerification Verify() {
    return database_->Read([](store::Connection& c) { return VerifyAudit(c); });
  }
  void Exec(const std::string& sql) {
    database_->Write([&](store::Connection& c) { c.Exec(sql); });
  }
  std::string HashOf(int64_t id) {
    return database_->Read([&](store::Connection& c) {
      return c.QueryOne("SELECT hash FROM audit_log WHERE id = :id", store::Params().Set("id", id))
          ->Text("hash");
    });
  }
  // What a forger does: every entry hashed again, in order, with `hash`, and the head moved.
  void Rechain(const std::function<std::string(const StoredEntry&)>& hash) {
    database_->Write([&](store::Connection& c) {
      std::string previous = kGenesisHash;
      for (const auto& row : c.Query("SELECT * FROM audit_log ORDER BY id")) {
        StoredEntry entry{row.Text("at"),
                          std::nullopt,
                          row.Text("actor"),
                          row.Text("action"),
                          row.OptionalText("entity_type"),
                          row.OptionalText("entity_id"),
                          std::nullopt,
                          row.OptionalText("before_json"),
                          row.OptionalText("after_json"),
                          row.Text("client_address"),
                          row.Text("request_id"),
                          previous};
        previous = hash(entry);
        c.Exec("UPDATE audit_log SET previous_hash = :p, hash = :h WHERE id = :id",
               store::Params()
                   .Set("p", entry.previous_hash)
                   .Set("h", previous)
                   .Set("id", row.Int("id")));
      }
      store::SetSetting(c, kHeadSetting, previous);
    });
  }
  std::filesystem::path AnchorFilePath() const { return dir_ / "anchors"; }
  int AnchorLines() {
    std::ifstream in(AnchorFilePath());
    int lines = 0;
    for (std::string line; std::getline(in, line);) {
      ++lines;
    }
    return lines;
  }

  std::filesystem::path dir_;
  std::shared_ptr<store::Database> database_;
};

TEST_F(KeyedChainTest, AnEntryEditedAndTheChainRecomputedWithoutTheKeyIsFound) {
  ASSERT_TRUE(Verify().intact) << Verify().problem;
  Exec("UPDATE audit_log SET after_json = '{\"name\":\"Forged\"}' WHERE id = 2");
  // Recomputed as the chain was hashed before it was keyed ...
  Rechain(UnkeyedHash);
  auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 1);
  // ... or under a key of the forger's own.
  ConfigureChain({std::string(kChainKeyBytes, 'f'), std::nullopt, false});
  Rechain(ChainHash);
  ConfigureChain({kTestKey, std::nullopt, false});
  result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 1);
  // With the key, the same recomputation would pass: the key is what protects the chain.
  Rechain(ChainHash);
  EXPECT_TRUE(Verify().intact);
}

TEST_F(KeyedChainTest, TheStoredBytesAreHashedSoADuplicateKeyOrASpaceShows) {
  Exec(
      "UPDATE audit_log SET after_json = '{\"name\":\"University 2\",\"name\":\"Forged\"}' "
      "WHERE id = 2");
  auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken_id, 2);
  Exec("UPDATE audit_log SET after_json = '{\"name\": \"University 2\"}' WHERE id = 2");
  result = Verify();
  EXPECT_FALSE(result.intact) << "the same JSON written differently is another entry";
  EXPECT_EQ(result.first_broken_id, 2);
  Exec("UPDATE audit_log SET after_json = '{\"name\":\"University 2\"}' WHERE id = 2");
  EXPECT_TRUE(Verify().intact) << Verify().problem;
}

TEST_F(KeyedChainTest, NewestEntriesCutOffWithTheHeadRewoundAreFoundByTheAnchors) {
  const std::string third = HashOf(3);
  // Without anchors, cutting the newest entry and rewinding the head leaves a consistent log.
  Exec("CREATE TABLE kept AS SELECT * FROM audit_log");
  Exec("DELETE FROM audit_log WHERE id = 4");
  database_->Write([&](store::Connection& c) { store::SetSetting(c, kHeadSetting, third); });
  EXPECT_TRUE(Verify().intact);
  // Restored, anchored, then cut again: the anchor still names entry 4.
  Exec("INSERT INTO audit_log SELECT * FROM kept WHERE id = 4");
  const std::string fourth = HashOf(4);
  database_->Write([&](store::Connection& c) { store::SetSetting(c, kHeadSetting, fourth); });
  ConfigureChain({kTestKey, AnchorFilePath(), false});
  database_->Read([](store::Connection& c) { AnchorHead(c); });
  auto result = Verify();
  ASSERT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.anchors, 1);
  Exec("DELETE FROM audit_log WHERE id = 4");
  database_->Write([&](store::Connection& c) { store::SetSetting(c, kHeadSetting, third); });
  result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_NE(result.problem.find("cut off"), std::string::npos) << result.problem;
  EXPECT_NE(result.problem.find("entry 4"), std::string::npos) << result.problem;
}

TEST_F(KeyedChainTest, AnAnchorIsAppendedOnlyWhenTheHeadMoved) {
  ConfigureChain({kTestKey, AnchorFilePath(), false});
  database_->Read([](store::Connection& c) { AnchorHead(c); });
  database_->Read([](store::Connection& c) { AnchorHead(c); });
  EXPECT_EQ(AnchorLines(), 1);
  database_->Write([](store::Connection& c) {
    RecordChange(c, Actor::System(), "institution", 5, nullptr, {{"name", "University 5"}});
  });
  database_->Read([](store::Connection& c) { AnchorHead(c); });
  EXPECT_EQ(AnchorLines(), 2);
  const auto file = ReadAnchors();
  ASSERT_TRUE(file.problem.empty()) << file.problem;
  ASSERT_EQ(file.anchors.size(), 2u);
  EXPECT_EQ(file.anchors[0].id, 4);
  EXPECT_EQ(file.anchors[1].id, 5);
  EXPECT_EQ(file.anchors[1].hash, HashOf(5));
  EXPECT_EQ(Verify().anchors, 2);
  // An unreadable line is a finding, not a line skipped.
  std::ofstream(AnchorFilePath(), std::ios::app) << "yesterday 6 not-a-hash\n";
  const auto result = Verify();
  EXPECT_FALSE(result.intact);
  EXPECT_NE(result.problem.find("line 3"), std::string::npos) << result.problem;
}

TEST_F(KeyedChainTest, AnUnkeyedLogIsCheckedThenKeyedOnceAndABrokenOneIsNot) {
  // The log as written before the chain was keyed.
  Exec("DELETE FROM settings WHERE key = 'audit.chain'");
  Rechain(UnkeyedHash);
  EXPECT_FALSE(Verify().intact);
  database_->Write([](store::Connection& c) { UpgradeChain(c); });
  const auto result = Verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.entries, 5);  // and the entry that records the keying
  const auto last = database_->Read([](store::Connection& c) {
    return c.QueryOne("SELECT action, after_json FROM audit_log ORDER BY id DESC LIMIT 1");
  });
  EXPECT_EQ(last->Text("action"), "audit_keyed");
  EXPECT_EQ(last->Text("after_json"), "{\"entries\":4}");
  // Once keyed, never again.
  database_->Write([](store::Connection& c) { UpgradeChain(c); });
  EXPECT_EQ(Verify().entries, 5);

  // A broken unkeyed log is not keyed over (that would launder the break).
  Exec("DELETE FROM settings WHERE key = 'audit.chain'");
  Rechain(UnkeyedHash);
  Exec("UPDATE audit_log SET actor = 'forged' WHERE id = 2");
  EXPECT_THROW(database_->Write([](store::Connection& c) { UpgradeChain(c); }), std::runtime_error);
  const auto scheme =
      database_->Read([](store::Connection& c) { return store::GetSetting(c, "audit.chain"); });
  EXPECT_FALSE(scheme.has_value()) << "nothing written";
}

TEST_F(KeyedChainTest, AnUnkeyedLogBesideKeyedAnchorsIsRefused) {
  ConfigureChain({kTestKey, AnchorFilePath(), false});
  database_->Read([](store::Connection& c) { AnchorHead(c); });
  Exec("DELETE FROM settings WHERE key = 'audit.chain'");
  Rechain(UnkeyedHash);
  EXPECT_THROW(database_->Write([](store::Connection& c) { UpgradeChain(c); }), std::runtime_error);
}

TEST(AuditKey, TheKeyFileIsCreatedPrivateOnceAndReadAgain) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("weltcampus_key_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "audit.key";
  const std::string first = LoadOrCreateKeyFile(path);
  EXPECT_EQ(first.size(), kChainKeyBytes);
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  EXPECT_EQ(LoadOrCreateKeyFile(path), first);
  std::ofstream(path) << "abc\n";
  EXPECT_THROW(LoadOrCreateKeyFile(path), std::runtime_error);
  std::filesystem::remove_all(dir);
}

TEST(AuditKey, AKeyIsSixtyFourHexadecimalDigits) {
  const std::string hex(64, 'a');
  EXPECT_EQ(KeyFromHex(hex + "\n"), std::string(kChainKeyBytes, '\xaa'));
  EXPECT_THROW(KeyFromHex(hex.substr(1)), std::invalid_argument);
  EXPECT_THROW(KeyFromHex(std::string(64, 'g')), std::invalid_argument);
}

}  // namespace
}  // namespace weltcampus::audit
