// The audit log (issue 4): who changed what and when, failed logins and refusals, no secrets, and
// a hash chain that `weltcampus audit verify` and GET /api/v1/audit/verify check. Tampering
// happens on a copy of the database served by a second server, so the main chain stays intact.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

using namespace std::chrono_literals;

class AuditLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (TestSession().cookie.empty()) {
      GTEST_FAIL() << "this server has no accounts (no /api/v1/auth/login)";
    }
  }
};

long long AdminId() { return SignedInUserId(TestSession()); }

// The newest entry matching the query for which `pick` is true.
void NewestEntry(const std::string& query, const std::function<bool(const Json&)>& pick,
                 Json* found) {
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries(query, &entries));
  for (const Json& entry : entries) {
    if (pick(entry)) {
      *found = entry;
      return;
    }
  }
  FAIL() << "no audit entry for " << query << " among " << entries.size();
}

bool EntityIs(const Json& entry, const std::string& type_part, long long id) {
  return Str(entry, "entity_type").find(type_part) != std::string::npos &&
         Str(entry, "entity_id") == std::to_string(id);
}

void ExpectRecent(const Json& entry) {
  const long long at = ParseUtc(Str(entry, "at"));
  ASSERT_GT(at, 0) << "at must be a UTC timestamp: " << entry.dump();
  EXPECT_LE(std::llabs(at - NowSeconds()), 300) << entry.dump();
}

TEST_F(AuditLogTest, AChangeIsRecordedWithWhoWhenWhatBeforeAndAfter) {
  const long long admin = AdminId();
  ASSERT_GT(admin, 0);
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &institution));
  const long long id = IdOf(institution);
  Json created;
  ASSERT_NO_FATAL_FAILURE(NewestEntry("action=create&entity_id=" + std::to_string(id),
                                      [&](const Json& e) { return EntityIs(e, "institution", id); },
                                      &created));
  EXPECT_EQ(created.value("actor_user_id", Json()), Json(admin)) << created.dump();
  EXPECT_EQ(Str(created, "actor"), "user:" + std::to_string(admin)) << created.dump();
  ExpectRecent(created);
  EXPECT_TRUE(created["before"].is_null()) << created.dump();
  ASSERT_TRUE(created["after"].is_object()) << created.dump();
  EXPECT_EQ(created["after"].value("name", Json()), institution["name"]) << created.dump();
  EXPECT_EQ(Str(created, "client_address"), "127.0.0.1") << created.dump();
  EXPECT_FALSE(Str(created, "request_id").empty()) << created.dump();
  EXPECT_EQ(Str(created, "hash").size(), 64U) << created.dump();

  Json changed = institution;
  changed["city"] = "Audited City";
  Json updated;
  ASSERT_NO_FATAL_FAILURE(UpdateOk("/api/v1/institutions/" + std::to_string(id), changed, &updated));
  Json update;
  ASSERT_NO_FATAL_FAILURE(NewestEntry("action=update&entity_id=" + std::to_string(id),
                                      [&](const Json& e) { return EntityIs(e, "institution", id); },
                                      &update));
  EXPECT_EQ(update.value("actor_user_id", Json()), Json(admin)) << update.dump();
  ASSERT_TRUE(update["before"].is_object() && update["after"].is_object()) << update.dump();
  EXPECT_EQ(update["before"].value("city", Json()), institution["city"]) << update.dump();
  EXPECT_EQ(update["after"].value("city", Json()), Json("Audited City")) << update.dump();

  const Response removed =
      Api().Delete("/api/v1/institutions/" + std::to_string(id), VersionOf(updated));
  ASSERT_EQ(removed.status, 204) << removed;
  Json deletion;
  ASSERT_NO_FATAL_FAILURE(NewestEntry("action=delete&entity_id=" + std::to_string(id),
                                      [&](const Json& e) { return EntityIs(e, "institution", id); },
                                      &deletion));
  EXPECT_EQ(deletion.value("actor_user_id", Json()), Json(admin)) << deletion.dump();
  EXPECT_TRUE(deletion["before"].is_object()) << deletion.dump();
  EXPECT_TRUE(deletion["after"].is_null()) << deletion.dump();
}

TEST_F(AuditLogTest, FailedLoginsAndRefusalsAreRecorded) {
  const std::string address = FreshLoopbackAddress();
  const std::string email = "nobody-" + UniqueLetters(8) + "@example.org";
  ASSERT_TRUE(IsError(LoginFrom(address, email, "Wrong-" + UniqueLetters(8)), 401, "unauthorized"));
  Json failed;
  ASSERT_NO_FATAL_FAILURE(NewestEntry(
      "action=login_failed", [&](const Json& e) { return Str(e, "client_address") == address; },
      &failed));
  ExpectRecent(failed);

  Session student;
  ASSERT_NO_FATAL_FAILURE(DemoSession("student", &student));
  const long long student_id = SignedInUserId(student);
  ApiClient client(student);
  ASSERT_TRUE(IsError(client.Post("/api/v1/institutions", NewInstitutionBody()), 403, "forbidden"));
  Json denied;
  ASSERT_NO_FATAL_FAILURE(NewestEntry(
      "action=denied&actor_user_id=" + std::to_string(student_id),
      [&](const Json& e) {
        return Str(e, "entity_id").find("/api/v1/institutions") != std::string::npos;
      },
      &denied));
  ExpectRecent(denied);
  EXPECT_NE(Str(denied, "entity_id").find("POST"), std::string::npos) << denied.dump();
}

// ---- the hash chain, on a copy --------------------------------------------------------------

class AuditChainTest : public AuditLogTest {
 protected:
  void SetUp() override {
    AuditLogTest::SetUp();
    if (HasFatalFailure()) {
      return;
    }
    ASSERT_NO_FATAL_FAILURE(MakeCopy());
  }

  void TearDown() override {
    scratch_.Stop();
    if (!pg_database_.empty()) {
      RunSql(Server().db_url, "DROP DATABASE IF EXISTS " + pg_database_ + " WITH (FORCE)",
             nullptr);
    }
  }

  void MakeCopy() {
    std::string output;
    if (Server().backend == "sqlite") {
      const std::string file = Server().temp_dir + "/audit-copy-" + UniqueLetters(6) + ".db";
      const std::string main_file = Server().db_url.substr(std::string("sqlite:").size());
      ASSERT_EQ(RunCommand({"sqlite3", "-bail", "-cmd", ".timeout 20000", main_file,
                            ".backup " + SqlText(file)},
                           &output),
                0)
          << output;
      copy_url_ = "sqlite:" + file;
      // The copy is verified under the same key (README, "The audit log").
      std::filesystem::copy_file(main_file + ".audit-key", file + ".audit-key");
    } else {
      std::string lower = UniqueLetters(8);
      for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      pg_database_ = "auditcopy_" + lower;
      ASSERT_TRUE(RunSql(Server().db_url, "CREATE DATABASE " + pg_database_, &output)) << output;
      copy_url_ = WithDatabase(Server().db_url, pg_database_);
      // The main database, dumped while its server runs, into the copy.
      ASSERT_EQ(RunCommand({"bash", "-o", "pipefail", "-c",
                            "pg_dump --no-owner --no-privileges \"$0\" | psql -q -v "
                            "ON_ERROR_STOP=1 \"$1\" >/dev/null",
                            Server().db_url, copy_url_},
                           &output),
                0)
          << output;
    }
    ASSERT_NO_FATAL_FAILURE(scratch_.Start(copy_url_));
    ASSERT_NO_FATAL_FAILURE(scratch_.SignInAsAdmin());
    // Kept to undo each tampering; taken after the sign-in above wrote its entry.
    ASSERT_TRUE(RunSql(copy_url_, "CREATE TABLE audit_backup AS SELECT * FROM audit_log", &output))
        << output;
  }

  void Sql(const std::string& sql, std::string* output = nullptr) {
    std::string text;
    ASSERT_TRUE(RunSql(copy_url_, sql, &text)) << sql << "\n" << text;
    if (output != nullptr) {
      *output = text;
    }
  }

  void Restore() {
    ASSERT_NO_FATAL_FAILURE(
        Sql("DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM audit_backup"));
  }

  long long IdAfter(long long id) {
    std::string text;
    Sql("SELECT MIN(id) FROM audit_log WHERE id > " + std::to_string(id), &text);
    return std::atoll(text.c_str());
  }

  // The CLI and the second server agree: intact, or broken at `first_broken` (0: at the end).
  void ExpectVerdict(bool intact, long long first_broken, const std::string& what) {
    std::string output;
    const int code =
        RunCommand({Server().binary, "audit", "verify", "--db", copy_url_}, &output);
    EXPECT_EQ(code, intact ? 0 : 1) << what << ": weltcampus audit verify said\n" << output;
    if (!intact && first_broken > 0) {
      const std::regex id_pattern("(^|[^0-9])" + std::to_string(first_broken) + "([^0-9]|$)");
      EXPECT_TRUE(std::regex_search(output, id_pattern))
          << what << ": the CLI must name the first broken entry " << first_broken << ":\n"
          << output;
    }
    const Response answer = scratch_.Request("GET", "/api/v1/audit/verify", "");
    ASSERT_TRUE(IsJson(answer, 200)) << what;
    EXPECT_EQ(answer.json.value("intact", Json()), Json(intact)) << what << ": " << answer;
    if (intact) {
      EXPECT_TRUE(answer.json.value("first_broken_id", Json(0)).is_null()) << answer;
      EXPECT_GT(answer.json.value("entries", 0), 2) << answer;
    } else if (first_broken > 0) {
      EXPECT_EQ(answer.json.value("first_broken_id", Json()), Json(first_broken))
          << what << ": " << answer;
      EXPECT_FALSE(Str(answer.json, "problem").empty()) << answer;
    }
  }

  // Two entries in the middle of the log.
  void PickEntries(long long* first, long long* second) {
    std::string text;
    ASSERT_NO_FATAL_FAILURE(Sql("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 1", &text));
    *first = std::atoll(text.c_str());
    ASSERT_GT(*first, 0) << "the copy needs at least three audit entries: " << text;
    *second = IdAfter(*first);
    ASSERT_GT(*second, *first) << "the copy needs at least three audit entries";
    ASSERT_GT(IdAfter(*second), *second) << "the copy needs at least three audit entries";
  }

  SecondServer scratch_;
  std::string copy_url_;
  std::string pg_database_;
};

TEST_F(AuditChainTest, VerifyDetectsAnEditedEntry) {
  ASSERT_NO_FATAL_FAILURE(ExpectVerdict(true, 0, "untouched copy"));
  long long first = 0;
  long long second = 0;
  ASSERT_NO_FATAL_FAILURE(PickEntries(&first, &second));
  ASSERT_NO_FATAL_FAILURE(Sql("UPDATE audit_log SET after_json = '{\"tampered\":true}' WHERE id = " +
                              std::to_string(first)));
  ExpectVerdict(false, first, "edited after_json");
  ASSERT_NO_FATAL_FAILURE(Restore());
  ASSERT_NO_FATAL_FAILURE(Sql("UPDATE audit_log SET actor = 'system' WHERE id = " +
                              std::to_string(second)));
  ExpectVerdict(false, second, "edited actor");
  ASSERT_NO_FATAL_FAILURE(Restore());
  ExpectVerdict(true, 0, "restored copy");
}

TEST_F(AuditChainTest, VerifyDetectsADeletedEntry) {
  long long first = 0;
  long long second = 0;
  ASSERT_NO_FATAL_FAILURE(PickEntries(&first, &second));
  ASSERT_NO_FATAL_FAILURE(Sql("DELETE FROM audit_log WHERE id = " + std::to_string(first)));
  ExpectVerdict(false, second, "deleted entry");
  ASSERT_NO_FATAL_FAILURE(Restore());
  ExpectVerdict(true, 0, "restored copy");
  // Cutting off the newest entry shows too.
  ASSERT_NO_FATAL_FAILURE(
      Sql("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_backup)"));
  ExpectVerdict(false, 0, "newest entry deleted");
}

TEST_F(AuditChainTest, VerifyDetectsAReorderedPair) {
  long long first = 0;
  long long second = 0;
  ASSERT_NO_FATAL_FAILURE(PickEntries(&first, &second));
  // Swap the ids through a temporary one (PostgreSQL checks the primary key per statement).
  ASSERT_NO_FATAL_FAILURE(Sql("UPDATE audit_log SET id = -1 WHERE id = " + std::to_string(first) +
                              "; UPDATE audit_log SET id = " + std::to_string(first) +
                              " WHERE id = " + std::to_string(second) +
                              "; UPDATE audit_log SET id = " + std::to_string(second) +
                              " WHERE id = -1"));
  ExpectVerdict(false, first, "reordered pair");
  ASSERT_NO_FATAL_FAILURE(Restore());
  ExpectVerdict(true, 0, "restored copy");
}

// Issue 8: the log pages by id (keyset). Entries written while a reader pages through it, newest
// first, come before the first page and never push an entry onto a second page: every entry that
// was there when reading began is read exactly once, in order; an export reads all of them too.
TEST_F(AuditLogTest, PagingNewestFirstWhileEntriesAreWrittenRepeatsAndSkipsNothing) {
  const std::string filter = "entity_type=institution";
  const std::string query = "/api/v1/audit?" + filter;
  for (int i = 0; i < 3; ++i) {
    Json created;
    ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("AT"), &created));
  }
  std::vector<Json> expected;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries(filter, &expected));
  ASSERT_GE(expected.size(), 3u);
  std::vector<long long> read;
  std::optional<std::string> cursor;
  int pages = 0;
  do {
    const Response page =
        Api().Get(query + "&limit=2" + (cursor ? "&cursor=" + UrlEncode(*cursor) : ""));
    ASSERT_TRUE(IsJson(page, 200)) << page;
    for (const Json& entry : page.json["items"]) {
      read.push_back(IdOf(entry));
    }
    cursor = page.json["next_cursor"].is_string()
                 ? std::optional(page.json["next_cursor"].get<std::string>())
                 : std::nullopt;
    if (pages < 3) {
      // A newer entry: it sorts before everything read so far.
      Json created;
      ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("AT"), &created));
    }
  } while (cursor && ++pages < 1000);
  std::vector<long long> want;
  for (const Json& entry : expected) {
    want.push_back(IdOf(entry));
  }
  EXPECT_EQ(read, want);
  for (std::size_t i = 1; i < read.size(); ++i) {
    EXPECT_GT(read[i - 1], read[i]) << "newest first";
  }
  // The oldest first (?sort=at) and a forged cursor.
  const Response oldest = Api().Get(query + "&sort=at&limit=1");
  ASSERT_TRUE(IsJson(oldest, 200)) << oldest;
  ASSERT_EQ(oldest.json["items"].size(), 1u);
  EXPECT_EQ(IdOf(oldest.json["items"][0]), want.back());
  EXPECT_TRUE(IsError(Api().Get(query + "&cursor=kAAAA"), 422, "validation_failed", "cursor"));
}

TEST_F(AuditLogTest, MainChainIsIntact) {
  const Response answer = Api().Get("/api/v1/audit/verify");
  ASSERT_TRUE(IsJson(answer, 200));
  EXPECT_EQ(answer.json.value("intact", Json()), Json(true)) << answer;
}

// ---- no secrets -------------------------------------------------------------------------------

// Last in this file: it scans what all tests before it left in the audit log and the server log.
TEST_F(AuditLogTest, NoPasswordTokenSessionIdOrCsrfTokenIsEverLoggedOrAudited) {
  // Make sure every kind of secret was handed out at least once in this run.
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"coordinator"}, &account));
  const std::string address = FreshLoopbackAddress();
  EXPECT_EQ(LoginFrom(address, account.email, "Wrong-secret-" + UniqueLetters(10)).status, 401);
  const Response reset =
      Api().Post("/api/v1/users/" + std::to_string(account.id) + "/password-reset", Json::object());
  ASSERT_TRUE(IsJson(reset, 200));
  RememberSecret(Str(reset.json, "one_time_password"));

  std::vector<std::string> secrets = RememberedSecrets();
  secrets.push_back(kDemoPassword);
  secrets.push_back(TokenOf(TestSession()));
  secrets.push_back(TestSession().csrf_token);
  const std::size_t count = secrets.size();
  for (std::size_t i = 0; i < count; ++i) {
    secrets.push_back(Sha256Hex(secrets[i]));  // a session id is the token's hash
  }
  ASSERT_GT(count, 10U);

  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(AllAuditEntries("", &entries));
  std::string audit_text;
  for (const Json& entry : entries) {
    audit_text += entry.dump() + "\n";
  }
  const std::string log_text = ServerLogText();
  ASSERT_FALSE(log_text.empty()) << "the harness keeps the server log in " << Server().temp_dir;
  for (const std::string& secret : secrets) {
    EXPECT_EQ(audit_text.find(secret), std::string::npos)
        << "a secret (" << secret.size() << " characters, starts " << secret.substr(0, 3)
        << "...) is in the audit log";
    EXPECT_EQ(log_text.find(secret), std::string::npos)
        << "a secret (" << secret.size() << " characters, starts " << secret.substr(0, 3)
        << "...) is in the server log";
  }
  for (const char* marker : {"$argon2", "password_hash", "csrf_token", "token_hash"}) {
    EXPECT_EQ(audit_text.find(marker), std::string::npos) << marker << " in the audit log";
  }
}

}  // namespace
}  // namespace weltcampus::api_test
