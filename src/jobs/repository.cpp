#include "jobs/repository.h"

namespace weltcampus::jobs::repository {

namespace {

constexpr const char* kColumns =
    "id, kind, status, params, progress_done, progress_total, message, result, cancel_requested, "
    "created_by, runner, heartbeat_at, created_at, started_at, finished_at, updated_at, "
    "(SELECT COUNT(*) FROM job_files f WHERE f.job_id = jobs.id AND f.role = 'report') AS reports";

nlohmann::json ParseStored(const std::optional<std::string>& text) {
  if (!text || text->empty()) {
    return nullptr;
  }
  return nlohmann::json::parse(*text, nullptr, false);
}

Job FromRow(const store::Row& row) {
  Job job;
  job.id = row.Int("id");
  job.kind = row.Text("kind");
  job.status = row.Text("status");
  job.params = ParseStored(row.OptionalText("params"));
  if (!job.params.is_object()) {
    job.params = nlohmann::json::object();
  }
  job.progress_done = row.Int("progress_done");
  job.progress_total = row.Int("progress_total");
  job.message = row.OptionalText("message");
  job.result = ParseStored(row.OptionalText("result"));
  job.cancel_requested = row.Int("cancel_requested") != 0;
  job.created_by = row.OptionalInt("created_by");
  job.runner = row.OptionalText("runner");
  job.heartbeat_at = row.OptionalText("heartbeat_at");
  job.created_at = row.Text("created_at");
  job.started_at = row.OptionalText("started_at");
  job.finished_at = row.OptionalText("finished_at");
  job.updated_at = row.Text("updated_at");
  job.has_report = row.Int("reports") > 0;
  return job;
}

}  // namespace

void InsertJob(Connection& c, Job& job, const std::optional<JobFile>& input) {
  job.id = c.Insert(
      "INSERT INTO jobs (kind, status, params, created_by, created_at, updated_at) "
      "VALUES (:kind, 'queued', :params, :created_by, :created_at, :created_at)",
      store::Params()
          .Set("kind", job.kind)
          .Set("params", job.params.dump())
          .Set("created_by", job.created_by)
          .Set("created_at", job.created_at));
  job.status = "queued";
  job.updated_at = job.created_at;
  if (input) {
    AddFile(c, job.id, *input, job.created_at);
  }
}

std::optional<Job> FindJob(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string("SELECT ") + kColumns + " FROM jobs WHERE id = :id",
                        store::Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  return FromRow(*row);
}

const store::SortTable& JobSorts() {
  static const store::SortTable table("id", {{"created_at", "created_at $"}},
                                      store::DefaultOrder::kDescending);
  return table;
}

store::Page<Job> ListJobs(Connection& c, std::optional<int64_t> owner, const PageRequest& page) {
  store::Filter where;
  where.Add("created_by = :owner", "owner", owner);
  auto jobs = store::ListPage(c, {std::string("SELECT ") + kColumns + " FROM jobs", "FROM jobs"},
                              where, JobSorts(), page, FromRow);
  for (auto& job : jobs.items) {
    job.result = nullptr;  // the list stays small; GET /jobs/{id} has it
  }
  return jobs;
}

std::optional<Job> ClaimNextJob(Connection& c, const std::string& runner, const std::string& now) {
  auto next = c.QueryOne("SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1");
  if (!next) {
    return std::nullopt;
  }
  const int64_t id = next->Int("id");
  const auto claimed = c.Exec(
      "UPDATE jobs SET status = 'running', runner = :runner, heartbeat_at = :now, started_at = "
      ":now, "
      "updated_at = :now WHERE id = :id AND status = 'queued'",
      store::Params().Set("runner", runner).Set("now", now).Set("id", id));
  if (claimed != 1) {
    return std::nullopt;
  }
  return FindJob(c, id);
}

void SaveProgress(Connection& c, int64_t id, int64_t done, int64_t total,
                  const std::optional<std::string>& message, const std::string& now) {
  c.Exec(
      "UPDATE jobs SET progress_done = :done, progress_total = :total, message = :message, "
      "heartbeat_at = :now, updated_at = :now WHERE id = :id AND status = 'running'",
      store::Params()
          .Set("done", done)
          .Set("total", total)
          .Set("message", message)
          .Set("now", now)
          .Set("id", id));
}

bool CancelRequested(Connection& c, int64_t id) {
  auto row =
      c.QueryOne("SELECT cancel_requested FROM jobs WHERE id = :id", store::Params().Set("id", id));
  return !row || row->Int("cancel_requested") != 0;
}

bool RequestCancel(Connection& c, int64_t id, const std::string& now) {
  const auto params = store::Params().Set("id", id).Set("now", now);
  if (c.Exec("UPDATE jobs SET status = 'cancelled', cancel_requested = 1, message = 'Cancelled', "
             "finished_at = :now, updated_at = :now WHERE id = :id AND status = 'queued'",
             params) == 1) {
    DeleteFiles(c, id, "input");
    return true;
  }
  return c.Exec(
             "UPDATE jobs SET cancel_requested = 1, updated_at = :now "
             "WHERE id = :id AND status = 'running' AND committing = 0",
             params) == 1;
}

bool EnterCommit(Connection& c, int64_t id, const std::string& now) {
  // One statement on the job's row: against a concurrent RequestCancel, one of the two wins.
  return c.Exec(
             "UPDATE jobs SET committing = 1, updated_at = :now "
             "WHERE id = :id AND status = 'running' AND cancel_requested = 0",
             store::Params().Set("id", id).Set("now", now)) == 1;
}

bool FinishJob(Connection& c, int64_t id, const std::string& runner, const std::string& status,
               const std::optional<std::string>& message, const nlohmann::json& result,
               const std::string& now) {
  return c.Exec(
             "UPDATE jobs SET status = :status, message = :message, result = :result, "
             "finished_at = :now, heartbeat_at = :now, updated_at = :now "
             "WHERE id = :id AND status = 'running' AND runner = :runner",
             store::Params()
                 .Set("status", status)
                 .Set("message", message)
                 .Set("result", result.is_null() ? std::optional<std::string>()
                                                 : std::optional<std::string>(result.dump()))
                 .Set("now", now)
                 .Set("id", id)
                 .Set("runner", runner)) == 1;
}

int64_t FailAbandonedJobs(Connection& c, const std::string& stale_before, const std::string& now) {
  const auto params = store::Params().Set("before", stale_before).Set("now", now);
  c.Exec(
      "DELETE FROM job_files WHERE role = 'input' AND job_id IN (SELECT id FROM jobs "
      "WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < :before))",
      store::Params().Set("before", stale_before));
  return c.Exec(
      "UPDATE jobs SET status = 'failed', message = 'Abandoned: the server running it stopped', "
      "finished_at = :now, updated_at = :now "
      "WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < :before)",
      params);
}

int64_t DeleteFinishedJobs(Connection& c, const std::string& before) {
  const auto params = store::Params().Set("before", before);
  const std::string ended =
      "status IN ('succeeded', 'failed', 'cancelled') AND finished_at < :before";
  c.Exec("DELETE FROM job_files WHERE job_id IN (SELECT id FROM jobs WHERE " + ended + ")", params);
  return c.Exec("DELETE FROM jobs WHERE " + ended, params);
}

void AddFile(Connection& c, int64_t job_id, const JobFile& file, const std::string& now) {
  c.Exec(
      "INSERT INTO job_files (job_id, role, name, content_type, content, created_at) "
      "VALUES (:job_id, :role, :name, :content_type, :content, :now)",
      store::Params()
          .Set("job_id", job_id)
          .Set("role", file.role)
          .Set("name", file.name)
          .Set("content_type", file.content_type)
          .Set("content", file.content)
          .Set("now", now));
}

std::optional<JobFile> FindFile(Connection& c, int64_t job_id, const std::string& role) {
  auto row = c.QueryOne(
      "SELECT role, name, content_type, content FROM job_files WHERE job_id = :job_id AND "
      "role = :role ORDER BY id DESC LIMIT 1",
      store::Params().Set("job_id", job_id).Set("role", role));
  if (!row) {
    return std::nullopt;
  }
  return JobFile{row->Text("role"), row->Text("name"), row->Text("content_type"),
                 row->Text("content")};
}

void DeleteFiles(Connection& c, int64_t job_id, const std::string& role) {
  c.Exec("DELETE FROM job_files WHERE job_id = :job_id AND role = :role",
         store::Params().Set("job_id", job_id).Set("role", role));
}

}  // namespace weltcampus::jobs::repository
