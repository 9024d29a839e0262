// The office's side of applications (issue 10, item 4): the list of a call's applications within
// the reader's scope, one application, its committee points and its completeness check, and its
// documents. The student's side is in applications_service.cpp.
#include <algorithm>

#include "audit/record_changes.h"
#include "core/error.h"
#include "exchange/application_changes.h"
#include "exchange/applications_service.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

using application_changes::CallFound;
using application_changes::CommonScoreOf;
using application_changes::Written;

namespace {

// An application the person may see (404 for another scope's, as for a missing one).
Application Visible(store::Connection& c, const auth::Principal& person, int64_t id) {
  auto application = applications::Find(c, id);
  if (!application || !InScope(ScopeOf(c, person), application->programme_id)) {
    throw NotFoundError("Application");
  }
  return std::move(*application);
}

// Points only for the call's optional criteria, each from 0 to the criterion's maximum.
void CheckCriteriaPoints(const Call& call, const CriteriaPoints& points) {
  for (const auto& [code, value] : points) {
    const auto criterion =
        std::find_if(call.criteria.begin(), call.criteria.end(),
                     [&code = code](const CallCriterion& c) { return c.code == code; });
    const std::string field = "criteria_points." + code;
    if (criterion == call.criteria.end()) {
      throw ValidationError(field, "This call has no optional criterion " + code);
    }
    if (value < 0 || value > criterion->points_max) {
      throw ValidationError(field, "Points for " + criterion->name + " run from 0 to " +
                                       std::to_string(criterion->points_max) +
                                       " in this call, not " + std::to_string(value));
    }
  }
}

Application VisibleForChange(store::Connection& c, const auth::Principal& person, int64_t id,
                             int64_t expected_version) {
  auto application = Visible(c, person, id);
  return audit::LoadForChangeNamed(c, "application", id,
                                   std::optional<Application>(std::move(application)),
                                   expected_version, "Application");
}

void CheckOfficeMayChange(const Application& application) {
  if (application.status == ApplicationStatus::kDraft ||
      application.status == ApplicationStatus::kWithdrawn) {
    throw ApiError(ErrorCode::kConflict,
                   "This application is " +
                       std::string(kApplicationStatusTable.Name(application.status)) +
                       "; only submitted applications are checked and scored",
                   "status");
  }
}

}  // namespace

store::Page<Application> ApplicationsService::List(const auth::Principal& person,
                                                   applications::ListFilter filter,
                                                   const PageRequest& page) {
  return database_.Read([&](store::Connection& c) {
    CallFound(c, filter.call_id);
    filter.programmes = ScopeOf(c, person);
    return applications::List(c, filter, page);
  });
}

Application ApplicationsService::Get(const audit::Actor& actor, const auth::Principal& person,
                                     int64_t id) {
  return database_.Write([&](store::Connection& c) {
    auto application = Visible(c, person, id);
    audit::RecordRead(c, actor, "application", std::to_string(id),
                      AccountOfStudent(c, application.student_id));
    return application;
  });
}

Application ApplicationsService::Score(const audit::Actor& actor, const auth::Principal& person,
                                       int64_t id, int64_t expected_version,
                                       std::optional<int64_t> committee_points,
                                       CriteriaPoints criteria_points,
                                       std::optional<std::string> office_note) {
  return database_.Write([&](store::Connection& c) {
    const auto before = VisibleForChange(c, person, id, expected_version);
    CheckOfficeMayChange(before);
    const auto call = CallFound(c, before.call_id);
    if (committee_points &&
        (*committee_points < 0 || *committee_points > call.committee_points_max)) {
      throw ValidationError("committee_points", "Committee points run from 0 to " +
                                                    std::to_string(call.committee_points_max) +
                                                    " in this call, not " +
                                                    std::to_string(*committee_points));
    }
    CheckCriteriaPoints(call, criteria_points);
    const auto student = store::Found(StudentTable().Find(c, before.student_id), "Student");
    auto after = before;
    after.committee_points = committee_points;
    after.criteria_points = std::move(criteria_points);
    after.office_note = std::move(office_note);
    after.score = CommonScoreOf(call, student, StudentFactsOf(c, student), after);
    return Written(c, actor, before, after);
  });
}

Application ApplicationsService::CheckCompleteness(const audit::Actor& actor,
                                                   const auth::Principal& person, int64_t id,
                                                   int64_t expected_version, bool complete,
                                                   std::optional<std::string> reason) {
  return database_.Write([&](store::Connection& c) {
    const auto before = VisibleForChange(c, person, id, expected_version);
    CheckOfficeMayChange(before);
    if (!complete && (!reason || reason->empty())) {
      throw ValidationError("reason", "Say what is missing");
    }
    auto after = before;
    after.status = complete ? ApplicationStatus::kChecked : ApplicationStatus::kIncomplete;
    after.completeness_note = complete ? std::nullopt : std::move(reason);
    return Written(c, actor, before, after);
  });
}

std::pair<std::string, std::string> ApplicationsService::Document(const audit::Actor& actor,
                                                                  const auth::Principal& person,
                                                                  int64_t id,
                                                                  ApplicationDocumentKind kind) {
  return database_.Write([&](store::Connection& c) {
    const auto application = Visible(c, person, id);
    auto document = store::Found(applications::DocumentBytes(c, application.id, kind), "Document");
    audit::RecordRead(
        c, actor, "application_document",
        std::to_string(id) + "/" + std::string(kApplicationDocumentKindTable.Name(kind)),
        AccountOfStudent(c, application.student_id));
    return document;
  });
}

}  // namespace weltcampus::exchange
