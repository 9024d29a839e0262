#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "audit/audit.h"
#include "jobs/model.h"
#include "store/database.h"

namespace weltcampus::jobs {

// A job stopped because its cancellation was asked for; what it did is rolled back.
class JobCancelled : public std::runtime_error {
 public:
  JobCancelled() : std::runtime_error("cancelled") {}
};

// A job that cannot be done, with a message for the person who started it ("the file has no
// column ..."). Any other exception fails the job with a generic message (details in the log).
class JobFailure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// What a finished job leaves: a line for the list, its result and the file to download.
struct JobOutcome {
  std::string message;
  nlohmann::json result;
  std::optional<JobFile> report;
};

// The running job as its handler sees it.
class JobContext {
 public:
  JobContext(store::Database& database, Job job) : database_(database), job_(std::move(job)) {}

  const Job& job() const { return job_; }
  // The job acts for the person who started it: its audit entries name them.
  audit::Actor actor() const { return {job_.created_by, {}, "job-" + std::to_string(job_.id)}; }
  // The uploaded input; empty when there is none.
  std::string Input();
  // Saves progress into the row (and so the runner's heartbeat), at most every 200 ms unless
  // `force`. On SQLite nothing can be saved while the job's own write transaction is open
  // (SetInsideWrite): the file has one writer at a time.
  void Progress(int64_t done, int64_t total, const std::optional<std::string>& message = {},
                bool force = false);
  // Whether someone asked to cancel (reads the row: any server may have received the request).
  bool CancelRequested();
  // The point after which the job no longer stops for a cancel request (it writes its changes,
  // all or nothing): from here a cancel is refused with 409, so that an accepted one always means
  // nothing was written. Throws JobCancelled when one came before.
  void EnterCommit();
  void SetInsideWrite(bool inside) { inside_write_ = inside; }

 private:
  store::Database& database_;
  Job job_;
  bool inside_write_ = false;
  std::chrono::steady_clock::time_point last_saved_{};
};

using JobHandler = std::function<JobOutcome(JobContext&)>;

// Runs queued jobs on a thread of its own beside the server. Jobs are claimed from the database,
// so several servers on one PostgreSQL database share the work and never run a job twice.
class JobRunner {
 public:
  struct Options {
    std::chrono::milliseconds poll_interval{1000};
    // A running job whose runner has not saved progress for this long is taken as abandoned.
    std::chrono::seconds abandoned_after{300};
    // Ended jobs, their results and report files are kept this long.
    std::chrono::hours keep_finished{24 * 90};
  };

  JobRunner(store::Database& database, Options options);
  ~JobRunner();
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  void Register(std::string kind, JobHandler handler);
  // Fails what a dead server left running, then starts the thread.
  void Start();
  // Lets the current job finish its batch... and the thread end; waits for it.
  void Stop();
  // A job was queued: look now rather than at the next poll.
  void Wake();

  // Claims the oldest queued job and runs it to its end; false when none was queued.
  bool RunOnce();
  // Fails jobs whose runner fell silent (a dead server); answers how many.
  int64_t FailAbandoned();
  // Removes jobs that ended longer ago than keep_finished; answers how many.
  int64_t RemoveOldJobs();
  const std::string& runner_id() const { return runner_id_; }

 private:
  void Run(Job job);
  void Loop();

  store::Database& database_;
  Options options_;
  std::string runner_id_;
  std::map<std::string, JobHandler> handlers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace weltcampus::jobs
