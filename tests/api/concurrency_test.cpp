// Several clients at once: optimistic locking and unique codes must hold under races.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "api_client.h"
#include "fixtures.h"

namespace weltcampus::api_test {
namespace {

constexpr int kClients = 8;

TEST(Concurrency, SameIfMatchFromManyEditorsLetsExactlyOneWin) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &created));
  const std::string path = "/api/v1/institutions/" + std::to_string(IdOf(created));
  std::vector<Response> responses(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      Json changed = created;
      changed["city"] = "Editor " + std::to_string(i);
      responses[i] = Api().Put(path, changed, VersionOf(created));
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  int winners = 0;
  std::string winning_city;
  for (int i = 0; i < kClients; ++i) {
    if (responses[i].status == 200) {
      ++winners;
      winning_city = "Editor " + std::to_string(i);
    } else {
      EXPECT_TRUE(IsError(responses[i], 412, "precondition_failed"));
    }
  }
  EXPECT_EQ(winners, 1) << "lost update: several editors overwrote each other";
  Json read;
  ASSERT_NO_FATAL_FAILURE(GetOk(path, &read));
  EXPECT_EQ(read["city"], winning_city);
  EXPECT_EQ(VersionOf(read), VersionOf(created) + 1) << "one successful update, one new version";
}

TEST(Concurrency, SameErasmusCodeFromManyClientsIsCreatedOnce) {
  const std::string code = "PL " + UniqueLetters(7) + "42";
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  std::vector<Response> responses(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      Json body = NewInstitutionBody("PL");
      body["erasmus_code"] = code;
      responses[i] = Api().Post("/api/v1/institutions", body);
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  int created = 0;
  for (const Response& response : responses) {
    if (response.status == 201) {
      ++created;
    } else {
      EXPECT_TRUE(IsError(response, 409, "conflict", "erasmus_code"));
    }
  }
  EXPECT_EQ(created, 1);
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(after, before + 1);
}

TEST(Concurrency, ParallelCreatesAllLandWithDistinctIds) {
  long long before = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &before));
  constexpr int kPerClient = 5;
  std::vector<std::vector<long long>> ids(kClients);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      for (int j = 0; j < kPerClient; ++j) {
        const Response response = Api().Post("/api/v1/institutions", NewInstitutionBody("AT"));
        if (response.status == 201) {
          ids[i].push_back(IdOf(response.json));
        } else {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(failures.load(), 0);
  std::set<long long> distinct;
  for (const auto& list : ids) {
    distinct.insert(list.begin(), list.end());
  }
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kClients * kPerClient));
  long long after = 0;
  ASSERT_NO_FATAL_FAILURE(TotalOf("/api/v1/institutions", &after));
  EXPECT_EQ(after, before + kClients * kPerClient);
}

}  // namespace
}  // namespace weltcampus::api_test
