#include "jobs/runner.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "core/date.h"
#include "jobs/repository.h"
#include "store/temporary_database.h"

namespace weltcampus::jobs {
namespace {

using store::Backend;
using store::Connection;
using store::testing::TemporaryDatabase;

class JobRunnerTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { db_ = std::make_unique<TemporaryDatabase>(GetParam(), true); }

  store::Database& database() { return db_->database(); }

  int64_t Queue(const std::string& kind, const std::string& input = "a,b\n") {
    return database().Write([&](Connection& c) {
      Job job;
      job.kind = kind;
      job.params = {{"n", 1}};
      job.created_at = NowUtcTimestamp();
      repository::InsertJob(c, job, JobFile{"input", "in.csv", "text/csv", input});
      return job.id;
    });
  }

  Job Find(int64_t id) {
    return *database().Read([&](Connection& c) { return repository::FindJob(c, id); });
  }

  std::unique_ptr<TemporaryDatabase> db_;
};

TEST_P(JobRunnerTest, RunsQueuedJobsOldestFirstAndKeepsTheirReport) {
  JobRunner runner(database(), {});
  std::vector<std::string> inputs;
  runner.Register("echo", [&](JobContext& context) {
    inputs.push_back(context.Input());
    context.Progress(1, 2, "half", true);
    EXPECT_EQ(Find(context.job().id).progress_done, 1);
    EXPECT_EQ(Find(context.job().id).status, "running");
    return JobOutcome{"done", {{"rows", 2}}, JobFile{"report", "r.csv", "text/csv", "x\r\n"}};
  });
  const auto first = Queue("echo", "first");
  const auto second = Queue("echo", "second");
  EXPECT_TRUE(runner.RunOnce());
  EXPECT_TRUE(runner.RunOnce());
  EXPECT_FALSE(runner.RunOnce());
  EXPECT_EQ(inputs, (std::vector<std::string>{"first", "second"}));
  const auto job = Find(first);
  EXPECT_EQ(job.status, "succeeded");
  EXPECT_EQ(job.message, "done");
  EXPECT_EQ(job.result["rows"], 2);
  EXPECT_TRUE(job.has_report);
  EXPECT_TRUE(job.finished_at);
  database().Read([&](Connection& c) {
    EXPECT_FALSE(repository::FindFile(c, first, "input"));  // the upload is not kept
    EXPECT_EQ(repository::FindFile(c, second, "report")->content, "x\r\n");
  });
}

TEST_P(JobRunnerTest, AJobIsClaimedOnlyOnce) {
  const auto id = Queue("echo");
  const auto now = NowUtcTimestamp();
  auto first =
      database().Write([&](Connection& c) { return repository::ClaimNextJob(c, "a", now); });
  auto second =
      database().Write([&](Connection& c) { return repository::ClaimNextJob(c, "b", now); });
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, id);
  EXPECT_EQ(first->status, "running");
  EXPECT_FALSE(second);
  EXPECT_EQ(Find(id).runner, "a");
}

TEST_P(JobRunnerTest, TwoRunnersOnOneDatabaseRunEachJobOnce) {
  std::atomic<int> runs{0};
  auto handler = [&](JobContext&) {
    ++runs;
    return JobOutcome{"ok", nullptr, std::nullopt};
  };
  JobRunner a(database(), {});
  JobRunner b(database(), {});
  a.Register("echo", handler);
  b.Register("echo", handler);
  for (int i = 0; i < 10; ++i) {
    Queue("echo");
  }
  std::thread other([&] {
    while (b.RunOnce()) {
    }
  });
  while (a.RunOnce()) {
  }
  other.join();
  EXPECT_EQ(runs, 10);
}

TEST_P(JobRunnerTest, AQueuedJobIsCancelledAtOnce) {
  const auto id = Queue("echo");
  EXPECT_TRUE(database().Write(
      [&](Connection& c) { return repository::RequestCancel(c, id, NowUtcTimestamp()); }));
  EXPECT_EQ(Find(id).status, "cancelled");
  JobRunner runner(database(), {});
  EXPECT_FALSE(runner.RunOnce());
  // Once ended, a job cannot be cancelled again.
  EXPECT_FALSE(database().Write(
      [&](Connection& c) { return repository::RequestCancel(c, id, NowUtcTimestamp()); }));
}

TEST_P(JobRunnerTest, ARunningJobStopsAtTheCancelRequestAndKeepsNothing) {
  JobRunner runner(database(), {});
  runner.Register("slow", [&](JobContext& context) {
    // Another server receives the cancel request while this one works.
    database().Write([&](Connection& c) {
      EXPECT_TRUE(repository::RequestCancel(c, context.job().id, NowUtcTimestamp()));
    });
    EXPECT_EQ(Find(context.job().id).status, "running");
    if (context.CancelRequested()) {
      throw JobCancelled();
    }
    return JobOutcome{"finished", nullptr, JobFile{"report", "r.csv", "text/csv", "x"}};
  });
  const auto id = Queue("slow");
  EXPECT_TRUE(runner.RunOnce());
  const auto job = Find(id);
  EXPECT_EQ(job.status, "cancelled");
  EXPECT_FALSE(job.has_report);
}

// Once a job writes its changes a cancel is refused, and a cancel accepted before stops it there:
// an accepted cancel never ends in a job that wrote something.
TEST_P(JobRunnerTest, ACancelIsRefusedOnceTheJobWritesAndHonouredBefore) {
  JobRunner runner(database(), {});
  bool wrote = false;
  runner.Register("writes", [&](JobContext& context) {
    context.EnterCommit();
    EXPECT_FALSE(database().Write([&](Connection& c) {
      return repository::RequestCancel(c, context.job().id, NowUtcTimestamp());
    }));
    wrote = true;
    return JobOutcome{"written", nullptr, std::nullopt};
  });
  const auto writing = Queue("writes");
  EXPECT_TRUE(runner.RunOnce());
  EXPECT_TRUE(wrote);
  EXPECT_EQ(Find(writing).status, "succeeded");
  EXPECT_FALSE(Find(writing).cancel_requested);

  wrote = false;
  runner.Register("asked", [&](JobContext& context) {
    EXPECT_TRUE(database().Write([&](Connection& c) {
      return repository::RequestCancel(c, context.job().id, NowUtcTimestamp());
    }));
    context.EnterCommit();  // throws JobCancelled
    wrote = true;
    return JobOutcome{"written", nullptr, std::nullopt};
  });
  const auto asked = Queue("asked");
  EXPECT_TRUE(runner.RunOnce());
  EXPECT_FALSE(wrote);
  EXPECT_EQ(Find(asked).status, "cancelled");
}

TEST_P(JobRunnerTest, FailuresAreRecordedWithTheirMessageAndUnknownErrorsWithout) {
  JobRunner runner(database(), {});
  runner.Register("bad", [](JobContext&) -> JobOutcome { throw JobFailure("no column \"PIC\""); });
  runner.Register("crash",
                  [](JobContext&) -> JobOutcome { throw std::runtime_error("SQL secret"); });
  const auto bad = Queue("bad");
  const auto crash = Queue("crash");
  const auto unknown = Queue("nobody-knows");
  while (runner.RunOnce()) {
  }
  EXPECT_EQ(Find(bad).status, "failed");
  EXPECT_EQ(Find(bad).message, "no column \"PIC\"");
  EXPECT_EQ(Find(crash).status, "failed");
  EXPECT_EQ(Find(crash).message->find("SQL"), std::string::npos);
  EXPECT_EQ(Find(unknown).status, "failed");
}

TEST_P(JobRunnerTest, JobsLeftRunningByADeadServerAreFailed) {
  const auto stale = Queue("echo");
  const auto fresh = Queue("echo");
  database().Write([&](Connection& c) {
    repository::ClaimNextJob(c, "dead-server", "2020-01-01T00:00:00Z");
    repository::ClaimNextJob(c, "live-server", NowUtcTimestamp());
  });
  JobRunner runner(database(), {});
  EXPECT_EQ(runner.FailAbandoned(), 1);
  EXPECT_EQ(Find(stale).status, "failed");
  EXPECT_NE(Find(stale).message->find("Abandoned"), std::string::npos);
  EXPECT_EQ(Find(fresh).status, "running");
  // The dead server cannot finish it after all.
  EXPECT_FALSE(database().Write([&](Connection& c) {
    return repository::FinishJob(c, stale, "dead-server", "succeeded", std::nullopt, nullptr,
                                 NowUtcTimestamp());
  }));
}

TEST_P(JobRunnerTest, JobsEndedLongAgoAreRemovedWithTheirFiles) {
  const auto old_job = Queue("echo");
  const auto recent = Queue("echo");
  const auto waiting = Queue("echo");
  database().Write([&](Connection& c) {
    c.Exec(
        "UPDATE jobs SET status = 'succeeded', finished_at = '2020-01-01T00:00:00Z' WHERE id = :id",
        store::Params().Set("id", old_job));
    c.Exec("UPDATE jobs SET status = 'failed', finished_at = :now WHERE id = :id",
           store::Params().Set("id", recent).Set("now", NowUtcTimestamp()));
  });
  JobRunner runner(database(), {});
  EXPECT_EQ(runner.RemoveOldJobs(), 1);
  database().Read([&](Connection& c) {
    EXPECT_FALSE(repository::FindJob(c, old_job));
    EXPECT_FALSE(repository::FindFile(c, old_job, "input"));
    EXPECT_TRUE(repository::FindJob(c, recent));
    EXPECT_TRUE(repository::FindJob(c, waiting));
  });
}

TEST_P(JobRunnerTest, TheThreadRunsWhatIsQueuedAndStops) {
  JobRunner runner(database(), {std::chrono::milliseconds(50), std::chrono::seconds(300)});
  std::atomic<int> runs{0};
  runner.Register("echo", [&](JobContext&) {
    ++runs;
    return JobOutcome{"ok", nullptr, std::nullopt};
  });
  runner.Start();
  const auto id = Queue("echo");
  runner.Wake();
  for (int i = 0; i < 200 && Find(id).status != "succeeded"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  runner.Stop();
  EXPECT_EQ(Find(id).status, "succeeded");
  EXPECT_EQ(runs, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, JobRunnerTest,
                         ::testing::ValuesIn(store::testing::TestBackends()),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return store::testing::BackendName(info.param);
                         });

}  // namespace
}  // namespace weltcampus::jobs
