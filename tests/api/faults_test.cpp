// Faults the server survives (issue 13, "Faults survived"), on SQLite and on PostgreSQL: a server
// killed with SIGKILL in the middle of writes loses none that it acknowledged, its audit chain
// still verifies, and a server starts again on the same database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "fixtures.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

constexpr int kKillWriters = 4;
constexpr std::size_t kAcknowledgedBeforeKill = 30;

TEST(Faults, AServerKilledDuringWritesLosesNoAcknowledgedWriteAndItsAuditChainHolds) {
  SecondServer doomed;
  ASSERT_NO_FATAL_FAILURE(doomed.Start(Server().db_url));
  Session office;
  ASSERT_NO_FATAL_FAILURE(DemoSession("international_office", &office));
  doomed.UseSession(office);

  std::mutex mutex;
  std::vector<std::pair<long long, std::string>> acknowledged;  // id and name
  std::atomic<bool> stop{false};
  std::vector<std::string> unexpected;
  std::vector<std::thread> writers;
  for (int w = 0; w < kKillWriters; ++w) {
    writers.emplace_back([&] {
      while (!stop) {
        const Json body = NewInstitutionBody("AT");
        const Response created = doomed.Request("POST", kInstitutions, body.dump());
        const std::lock_guard lock(mutex);
        if (created.status == 201 && created.json_ok) {
          acknowledged.emplace_back(IdOf(created.json), body["name"].get<std::string>());
        } else if (created.status == 0) {
          return;  // the server is gone: this write was never acknowledged
        } else {
          unexpected.push_back(std::to_string(created.status) + " " + created.body);
          return;
        }
      }
    });
  }
  // Killed while the writers are busy, once some writes were acknowledged.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    {
      const std::lock_guard lock(mutex);
      if (acknowledged.size() >= kAcknowledgedBeforeKill || !unexpected.empty()) {
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  doomed.Kill();
  stop = true;
  for (auto& writer : writers) {
    writer.join();
  }
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();
  ASSERT_GE(acknowledged.size(), kAcknowledgedBeforeKill);

  // Every acknowledged write is there, as it was acknowledged.
  for (const auto& [id, name] : acknowledged) {
    Json institution;
    ASSERT_NO_FATAL_FAILURE(GetOk(kInstitutions + "/" + std::to_string(id), &institution));
    EXPECT_EQ(institution["name"], name);
  }
  // No audit entry half-written or lost between a change and its entry.
  std::string output;
  EXPECT_EQ(RunCommand({Server().binary, "audit", "verify", "--db", Server().db_url}, &output), 0)
      << output;
  // And a server starts on the database again (on SQLite: after the journal's recovery).
  SecondServer again;
  ASSERT_NO_FATAL_FAILURE(again.Start(Server().db_url));
  again.UseSession(office);
  const Response created = again.Request("POST", kInstitutions, NewInstitutionBody("AT").dump());
  EXPECT_EQ(created.status, 201) << created.body;
}

}  // namespace
}  // namespace weltcampus::api_test
