#include "core/json_output.h"
#include "jobs/model.h"

namespace weltcampus::jobs {

nlohmann::json ToJson(const Job& job) {
  return {{"id", job.id},
          {"kind", job.kind},
          {"status", job.status},
          {"params", job.params},
          {"progress", {{"done", job.progress_done}, {"total", job.progress_total}}},
          {"message", Nullable(job.message)},
          {"result", job.result},
          {"cancel_requested", job.cancel_requested},
          {"created_by", Nullable(job.created_by)},
          {"created_at", job.created_at},
          {"started_at", Nullable(job.started_at)},
          {"finished_at", Nullable(job.finished_at)},
          {"updated_at", job.updated_at},
          {"has_report", job.has_report},
          {"report_url", job.has_report
                             ? nlohmann::json("/api/v1/jobs/" + std::to_string(job.id) + "/report")
                             : nlohmann::json(nullptr)}};
}

}  // namespace weltcampus::jobs
