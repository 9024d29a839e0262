#include "jobs/routes.h"

#include "jobs/schemas.h"

#include <array>

#include "auth/context.h"
#include "core/date.h"
#include "core/error.h"
#include "jobs/repository.h"

namespace weltcampus::jobs {

using auth::Permission;
using http::Request;
using http::Response;

namespace {

constexpr std::array<std::string_view, 1> kJobSorts = {"created_at"};

const auth::Principal& Caller() {
  const auto& request = auth::CurrentRequest();
  if (!request.principal) {
    throw ApiError(ErrorCode::kUnauthorized, "Sign in first");
  }
  return *request.principal;
}

// Another person's job reads as missing, not as forbidden: its id says nothing.
Job VisibleJob(store::Connection& c, int64_t id) {
  const auto& caller = Caller();
  auto job = repository::FindJob(c, id);
  if (!job || (!caller.Has(Permission::kSeeAllJobs) && job->created_by != caller.user_id)) {
    throw NotFoundError("job");
  }
  return std::move(*job);
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  const std::string base = "/api/v1/jobs";
  router
      .Add("GET", base, Permission::kAuthenticated,
           "Jobs (imports) of the signed-in person, newest first; jobs:all sees everyone's",
           [&database](const Request& request) {
             const auto page = PageRequest::FromQuery(request.query, kJobSorts);
             const auto& caller = Caller();
             std::optional<int64_t> owner = caller.user_id;
             if (caller.Has(Permission::kSeeAllJobs) && QueryBool(request.query, "all") == true) {
               owner.reset();
             }
             auto [jobs, total] = database.Read(
                 [&](store::Connection& c) { return repository::ListJobs(c, owner, page); });
             nlohmann::json items = nlohmann::json::array();
             for (auto& job : jobs) {
               job.result = nullptr;  // the list stays small; GET /jobs/{id} has it
               items.push_back(ToJson(job));
             }
             return Response::Json(200, PageJson(std::move(items), page, total));
           })
      .Paged({"created_at"})
      .Query("all", {{"type", "boolean"}})
      .ReturnsPage(JobSchema());
  router.Add("GET", base + "/{id}", Permission::kAuthenticated, "One job: status, progress, result",
             [&database](const Request& request) {
               const auto id = request.PathId("id");
               const auto job =
                   database.Read([&](store::Connection& c) { return VisibleJob(c, id); });
               return Response::Json(200, ToJson(job));
             })
      .Returns(200, JobSchema());
  router.Add(
      "POST", base + "/{id}/cancel", Permission::kAuthenticated,
      "Cancel a job: a queued one at once, a running one at its next batch (nothing is kept)",
      [&database](const Request& request) {
        const auto id = request.PathId("id");
        const auto job = database.Write([&](store::Connection& c) {
          VisibleJob(c, id);
          if (!repository::RequestCancel(c, id, NowUtcTimestamp())) {
            throw ApiError(ErrorCode::kConflict, "The job has already ended");
          }
          return *repository::FindJob(c, id);
        });
        return Response::Json(202, ToJson(job));
      })
      .Returns(202, JobSchema());
  router.Add("GET", base + "/{id}/report", Permission::kAuthenticated,
             "The job's result file (an import's report as CSV)",
             [&database](const Request& request) {
               const auto id = request.PathId("id");
               const auto file = database.Read([&](store::Connection& c) {
                 VisibleJob(c, id);
                 return repository::FindFile(c, id, "report");
               });
               if (!file) {
                 throw NotFoundError("report");
               }
               Response response;
               response.content_type = file->content_type;
               response.body = file->content;
               response.WithAttachment(file->name);
               return response;
             })
      .ReturnsContent(200, "text/csv; charset=utf-8", "The job's report");
}

}  // namespace weltcampus::jobs
