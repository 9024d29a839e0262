#include "jobs/routes.h"

#include <array>

#include "auth/context.h"
#include "core/date.h"
#include "core/error.h"
#include "http/responses.h"
#include "jobs/permissions.h"
#include "jobs/repository.h"
#include "jobs/schemas.h"

namespace weltcampus::jobs {

using http::Request;
using http::Response;

namespace {

// Another person's job reads as missing, not as forbidden: its id says nothing.
Job VisibleJob(store::Connection& c, const auth::Principal& caller, int64_t id) {
  auto job = repository::FindJob(c, id);
  if (!job || (!caller.Has(kSeeAllJobs) && job->created_by != caller.user_id)) {
    throw NotFoundError("job");
  }
  return std::move(*job);
}

}  // namespace

void RegisterRoutes(http::Router& router, store::Database& database) {
  const std::string base = "/api/v1/jobs";
  router
      .Add("GET", base, http::kAuthenticated,
           "Jobs (imports) of the signed-in person, newest first; jobs:all sees everyone's",
           [&database](const Request& request) {
             const auto page = repository::JobSorts().PageFrom(request.query);
             const auto& caller = auth::SignedIn(request);
             std::optional<int64_t> owner = caller.user_id;
             if (caller.Has(kSeeAllJobs) && QueryBool(request.query, "all") == true) {
               owner.reset();
             }
             return http::PageResponse(database.Read([&](store::Connection& c) {
               return repository::ListJobs(c, owner, page);
             }),
                                       page);
           })
      .Paged(repository::JobSorts().ApiValues())
      .Query("all", {{"type", "boolean"}})
      .ReturnsPage(JobSchema());
  router
      .Add("GET", base + "/{id}", http::kAuthenticated, "One job: status, progress, result",
           [&database](const Request& request) {
             const auto id = request.PathId("id");
             const auto job = database.Read(
                 [&](store::Connection& c) { return VisibleJob(c, auth::SignedIn(request), id); });
             return Response::Json(200, ToJson(job));
           })
      .Returns(200, JobSchema());
  router
      .Add("POST", base + "/{id}/cancel", http::kAuthenticated,
           "Cancel a job: a queued one at once, a running one at its next batch (nothing is kept); "
           "409 once it has ended or writes its changes",
           [&database](const Request& request) {
             const auto id = request.PathId("id");
             const auto job = database.Write([&](store::Connection& c) {
               VisibleJob(c, auth::SignedIn(request), id);
               if (!repository::RequestCancel(c, id, NowUtcTimestamp())) {
                 const auto now = repository::FindJob(c, id);
                 throw ApiError(ErrorCode::kConflict,
                                now && now->status == "running"
                                    ? "The job is writing its changes and can no longer be "
                                      "cancelled"
                                    : "The job has already ended");
               }
               return *repository::FindJob(c, id);
             });
             return Response::Json(202, ToJson(job));
           })
      .Returns(202, JobSchema());
  router
      .Add("GET", base + "/{id}/report", http::kAuthenticated,
           "The job's result file (an import's report as CSV)",
           [&database](const Request& request) {
             const auto id = request.PathId("id");
             const auto file = database.Read([&](store::Connection& c) {
               VisibleJob(c, auth::SignedIn(request), id);
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
