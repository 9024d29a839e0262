#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.h"
#include "jobs/model.h"
#include "store/list_query.h"
#include "store/sql.h"

namespace weltcampus::jobs::repository {

using store::Connection;

// A new queued job with its input file; sets job.id.
void InsertJob(Connection& c, Job& job, const std::optional<JobFile>& input);
std::optional<Job> FindJob(Connection& c, int64_t id);
// The list's sort: by creation, newest first unless the request says otherwise.
const store::SortTable& JobSorts();
// Only the jobs of `owner` unless it is nullopt (everyone's); without their results.
store::Page<Job> ListJobs(Connection& c, std::optional<int64_t> owner, const PageRequest& page);

// Takes the oldest queued job for `runner`: only one runner ever gets it, whichever server it is on
// (the caller holds store::LockKey::kJobs on PostgreSQL; the UPDATE checks the status again).
std::optional<Job> ClaimNextJob(Connection& c, const std::string& runner, const std::string& now);
// Progress of a running job; also its runner's heartbeat.
void SaveProgress(Connection& c, int64_t id, int64_t done, int64_t total,
                  const std::optional<std::string>& message, const std::string& now);
bool CancelRequested(Connection& c, int64_t id);
// A queued job is cancelled at once; a running one is asked to stop (its runner looks between
// batches) until it enters its commit. Answers false when the job had already ended or is
// committing.
bool RequestCancel(Connection& c, int64_t id, const std::string& now);
// A running job about to write its changes: false when a cancel was asked for before; from now on
// RequestCancel refuses.
bool EnterCommit(Connection& c, int64_t id, const std::string& now);
// Ends a running job of this runner; false when it was no longer running (failed as abandoned).
bool FinishJob(Connection& c, int64_t id, const std::string& runner, const std::string& status,
               const std::optional<std::string>& message, const nlohmann::json& result,
               const std::string& now);
// Jobs left running by a runner silent since before `stale_before` failed (a dead server).
int64_t FailAbandonedJobs(Connection& c, const std::string& stale_before, const std::string& now);

// Removes jobs that ended before `before`, with their files; answers how many.
int64_t DeleteFinishedJobs(Connection& c, const std::string& before);

void AddFile(Connection& c, int64_t job_id, const JobFile& file, const std::string& now);
std::optional<JobFile> FindFile(Connection& c, int64_t job_id, const std::string& role);
void DeleteFiles(Connection& c, int64_t job_id, const std::string& role);

}  // namespace weltcampus::jobs::repository
