#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "audit/audit.h"
#include "auth/context.h"
#include "core/date.h"
#include "exchange/allocation_runs_service.h"
#include "exchange/application_scope.h"
#include "exchange/applications.h"
#include "exchange/calls.h"
#include "exchange/eligibility.h"
#include "exchange/objections.h"
#include "exchange/scoring.h"
#include "store/database.h"

// The rules of applications (issue 10, item 4). A student's own application is found by their
// account (never by a student id from the request); every change of it only inside the call's
// application period (`today` from the caller: 422 naming the deadline outside it). Preferences:
// offers of the call, each at most once, at most the call's max_preferences, each one the student
// is eligible for (exchange/eligibility.h). The office reads, checks and scores within the
// person's scope (application_scope.h); committee points 0..the call's committee_points_max.
// Every write is one transaction with one audit entry ("application") with before and after
// (documents by name and digest, never their bytes); on any failure nothing is written.
namespace weltcampus::exchange {

struct OfferEligibility {
  Offer offer;
  StayPeriod stay;
  std::vector<IneligibilityReason> reasons;  // empty: eligible
};

// A funding call's planned stay and whether Erasmus+ can fund it (exchange/funding.h).
struct StayEligibility {
  int64_t days = 0;
  std::vector<IneligibilityReason> reasons;  // empty: eligible
};

// What the student's screen shows: the call, whether it takes applications today, the
// application (none yet), and every offer with its eligibility explained (a call for places) or
// the planned stay's eligibility for funding (a funding call, once a stay is saved).
struct MyApplication {
  Call call;
  bool open = false;
  std::optional<Application> application;
  std::vector<OfferEligibility> offers;
  std::optional<StayEligibility> stay;
  // The newest published allocation result of the application (allocation_runs_service.h).
  std::optional<MyResult> result;
  // With a result: the student's objections to it and the last day to object (objections.h).
  std::optional<MyObjections> objections;
};
nlohmann::json ToJson(const MyApplication& mine);
NamedSchema MyApplicationSchema();

// The facts eligibility and the score need, from the student's record; an offer's requirements
// for its stay; the student as the score sees them.
StudentFacts StudentFactsOf(store::Connection& c, const Student& student);
OfferRequirements RequirementsOf(const Offer& offer, const StayPeriod& stay);
Applicant ApplicantOf(const Student& student, const StudentFacts& facts,
                      std::optional<int64_t> committee_points,
                      const CriteriaPoints& criteria_points = {});

class ApplicationsService {
 public:
  explicit ApplicationsService(store::Database& database) : database_(database) {}

  // ---- The student (by account) ----
  MyApplication Mine(int64_t user_id, int64_t call_id, Date today);
  // Creates the application (expected_version none) or replaces its preferences.
  MyApplication SavePreferences(const audit::Actor& actor, int64_t call_id, Date today,
                                const std::vector<int64_t>& offer_ids,
                                std::optional<int64_t> expected_version);
  // A funding call's application: creates it (expected_version none) or replaces its planned
  // stay. Saved even when Erasmus+ cannot fund the stay (the answer says why); submitted only when
  // it can. A call for places takes no stay, a funding call no preferences (422).
  MyApplication SaveStay(const audit::Actor& actor, int64_t call_id, Date today, PlannedStay stay,
                         std::optional<int64_t> expected_version);
  MyApplication Submit(const audit::Actor& actor, int64_t call_id, Date today,
                       int64_t expected_version);
  MyApplication Withdraw(const audit::Actor& actor, int64_t call_id, Date today,
                         int64_t expected_version);
  MyApplication PutDocument(const audit::Actor& actor, int64_t call_id, Date today,
                            ApplicationDocumentKind kind, std::string file_name,
                            const std::string& bytes);
  MyApplication RemoveDocument(const audit::Actor& actor, int64_t call_id, Date today,
                               ApplicationDocumentKind kind);
  std::pair<std::string, std::string> MyDocument(int64_t user_id, int64_t call_id,
                                                 ApplicationDocumentKind kind);

  // ---- The office (within the person's scope) ----
  store::Page<Application> List(const auth::Principal& person, applications::ListFilter filter,
                                const PageRequest& page);
  // One application for the office or a coordinator; the read is audited (it is about a student).
  Application Get(const audit::Actor& actor, const auth::Principal& person, int64_t id);
  Application Score(const audit::Actor& actor, const auth::Principal& person, int64_t id,
                    int64_t expected_version, std::optional<int64_t> committee_points,
                    CriteriaPoints criteria_points, std::optional<std::string> office_note);
  Application CheckCompleteness(const audit::Actor& actor, const auth::Principal& person,
                                int64_t id, int64_t expected_version, bool complete,
                                std::optional<std::string> reason);
  // A document of an application for the office or a coordinator (audited as a read).
  std::pair<std::string, std::string> Document(const audit::Actor& actor,
                                               const auth::Principal& person, int64_t id,
                                               ApplicationDocumentKind kind);

 private:
  store::Database& database_;
};

}  // namespace weltcampus::exchange
