#include "jobs/runner.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <random>

#include "core/date.h"
#include "jobs/repository.h"
#include "store/locks.h"

namespace weltcampus::jobs {

namespace {

std::string NewRunnerId() {
  std::random_device random;
  char host[64] = {};
  gethostname(host, sizeof(host) - 1);
  return std::string(host) + ":" + std::to_string(getpid()) + ":" + std::to_string(random());
}

}  // namespace

std::string JobContext::Input() {
  auto file = database_.Read(
      [&](store::Connection& c) { return repository::FindFile(c, job_.id, "input"); });
  return file ? std::move(file->content) : std::string();
}

void JobContext::Progress(int64_t done, int64_t total, const std::optional<std::string>& message,
                          bool force) {
  if (inside_write_ && database_.backend() == store::Backend::kSqlite) {
    return;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_saved_ < std::chrono::milliseconds(200)) {
    return;
  }
  last_saved_ = now;
  database_.Write([&](store::Connection& c) {
    repository::SaveProgress(c, job_.id, done, total, message, NowUtcTimestamp());
  });
}

bool JobContext::CancelRequested() {
  return database_.Read(
      [&](store::Connection& c) { return repository::CancelRequested(c, job_.id); });
}

void JobContext::EnterCommit() {
  if (!database_.Write([&](store::Connection& c) {
        return repository::EnterCommit(c, job_.id, NowUtcTimestamp());
      })) {
    throw JobCancelled();
  }
}

JobRunner::JobRunner(store::Database& database, Options options)
    : database_(database), options_(options), runner_id_(NewRunnerId()) {}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Register(std::string kind, JobHandler handler) {
  handlers_[std::move(kind)] = std::move(handler);
}

void JobRunner::Start() {
  try {
    if (const auto failed = FailAbandoned(); failed > 0) {
      spdlog::warn("{} job(s) left running by a stopped server marked failed", failed);
    }
  } catch (const std::exception& error) {
    spdlog::error("checking for abandoned jobs failed: {}", error.what());
  }
  thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void JobRunner::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

int64_t JobRunner::FailAbandoned() {
  const auto now = std::chrono::system_clock::now();
  return database_.Write([&](store::Connection& c) {
    return repository::FailAbandonedJobs(c, UtcTimestamp(now - options_.abandoned_after),
                                         UtcTimestamp(now));
  });
}

int64_t JobRunner::RemoveOldJobs() {
  const auto before = UtcTimestamp(std::chrono::system_clock::now() - options_.keep_finished);
  return database_.Write(
      [&](store::Connection& c) { return repository::DeleteFinishedJobs(c, before); });
}

bool JobRunner::RunOnce() {
  // Looking is a read: an idle runner never takes SQLite's single write lock.
  const bool queued = database_.Read([](store::Connection& c) {
    return c.Count("SELECT COUNT(*) AS n FROM jobs WHERE status = 'queued'") > 0;
  });
  if (!queued) {
    return false;
  }
  auto job = database_.Write([&](store::Connection& c) {
    store::LockForThisTransaction(c, store::LockKey::kJobs);
    return repository::ClaimNextJob(c, runner_id_, NowUtcTimestamp());
  });
  if (!job) {
    return false;
  }
  Run(std::move(*job));
  return true;
}

void JobRunner::Run(Job job) {
  const int64_t id = job.id;
  std::string status = "succeeded";
  std::optional<std::string> message;
  JobOutcome outcome;
  {
    try {
      const auto handler = handlers_.find(job.kind);
      if (handler == handlers_.end()) {
        throw JobFailure("No server knows this kind of job: " + job.kind);
      }
      JobContext job_context(database_, std::move(job));
      outcome = handler->second(job_context);
      message = outcome.message;
    } catch (const JobCancelled&) {
      status = "cancelled";
      message = "Cancelled; nothing was changed";
      outcome = {};
    } catch (const JobFailure& error) {
      status = "failed";
      message = std::string(error.what()).substr(0, 1000);
      outcome = {};
    } catch (const std::exception& error) {
      spdlog::error("job {} failed: {}", id, error.what());
      status = "failed";
      message = "The job failed unexpectedly; the server's log has the details";
      outcome = {};
    }
  }
  try {
    database_.Write([&](store::Connection& c) {
      const auto now = NowUtcTimestamp();
      if (!repository::FinishJob(c, id, runner_id_, status, message, outcome.result, now)) {
        spdlog::warn("job {} was no longer running when it ended ({})", id, status);
        return;
      }
      repository::DeleteFiles(c, id, "input");
      if (outcome.report) {
        repository::AddFile(c, id, *outcome.report, now);
      }
    });
  } catch (const std::exception& error) {
    spdlog::error("job {}: saving its end failed: {}", id, error.what());
  }
}

void JobRunner::Loop() {
  auto next_sweep = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    woken_ = false;
    lock.unlock();
    try {
      if (std::chrono::steady_clock::now() >= next_sweep) {
        next_sweep = std::chrono::steady_clock::now() + std::chrono::seconds(60);
        if (const auto failed = FailAbandoned(); failed > 0) {
          spdlog::warn("{} abandoned job(s) marked failed", failed);
        }
        if (const auto removed = RemoveOldJobs(); removed > 0) {
          spdlog::info("{} job(s) ended over {} days ago removed", removed,
                       options_.keep_finished.count() / 24);
        }
      }
      while (RunOnce()) {
        std::lock_guard check(mutex_);
        if (stopping_) {
          break;
        }
      }
    } catch (const std::exception& error) {
      spdlog::error("job runner: {}", error.what());
    }
    lock.lock();
    wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || woken_; });
  }
}

}  // namespace weltcampus::jobs
