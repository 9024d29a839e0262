#include "mobility/stay_track.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>
#include <vector>

#include "core/error.h"

namespace weltcampus::mobility {
namespace {

const Date kToday = *Date::Parse("2027-10-05");

Mobility StayIn(StayState state) {
  Mobility mobility;
  mobility.category = QuotaCategory::kStudentStudies;
  mobility.planned_start = "2027-10-01";
  mobility.planned_end = "2028-03-31";
  mobility.stay_state = state;
  return mobility;
}

StayStepRequest Step(StayStep step) {
  StayStepRequest request;
  request.step = step;
  return request;
}

std::string FieldOfRefusal(const Mobility& mobility, const StayStepRequest& request) {
  try {
    ApplyStayStep(mobility, request, kToday);
  } catch (const ApiError& error) {
    EXPECT_EQ(error.code(), ErrorCode::kValidationFailed);
    return error.field();
  }
  return "(allowed)";
}

TEST(StayTrack, EveryStateAllowsExactlyItsSteps) {
  using enum StayStep;
  const std::vector<std::pair<StayState, std::vector<StayStep>>> table = {
      {StayState::kNominated, {kAccept, kReject, kCancel}},
      {StayState::kAccepted, {kPrepare, kCancel}},
      {StayState::kPreparing, {kStart, kCancel}},
      {StayState::kOngoing, {kExtend, kInterrupt, kComplete, kEndEarly}},
      {StayState::kInterrupted, {kResume, kEndEarly, kCancel}},
      {StayState::kCompleted, {}},
      {StayState::kEndedEarly, {}},
      {StayState::kCancelled, {}},
      {StayState::kRejected, {}},
  };
  ASSERT_EQ(table.size(), kStayStateTable.names().size());
  for (const auto& [state, steps] : table) {
    EXPECT_EQ(AllowedSteps(state), steps) << kStayStateTable.Name(state);
    EXPECT_EQ(IsFinal(state), steps.empty()) << kStayStateTable.Name(state);
    for (const auto step : kStayStepTable.values()) {
      const bool allowed = std::find(steps.begin(), steps.end(), step) != steps.end();
      auto request = Step(step);
      request.reason = "a reason";
      if (step == kExtend) {
        request.until = "2028-06-30";
      }
      const std::string field = FieldOfRefusal(StayIn(state), request);
      EXPECT_EQ(field == "step", !allowed)
          << kStayStateTable.Name(state) << " " << kStayStepTable.Name(step) << ": " << field;
    }
  }
}

TEST(StayTrack, TheWholeStayFromNominationToCompletion) {
  Mobility mobility = StayIn(StayState::kNominated);
  mobility = ApplyStayStep(mobility, Step(StayStep::kAccept), kToday);
  EXPECT_EQ(mobility.stay_state, StayState::kAccepted);
  mobility = ApplyStayStep(mobility, Step(StayStep::kPrepare), kToday);
  EXPECT_EQ(mobility.stay_state, StayState::kPreparing);
  mobility = ApplyStayStep(mobility, Step(StayStep::kStart), kToday);  // today, when not given
  EXPECT_EQ(mobility.stay_state, StayState::kOngoing);
  EXPECT_EQ(mobility.actual_start, "2027-10-05");
  auto extend = Step(StayStep::kExtend);
  extend.until = "2028-07-31";
  mobility = ApplyStayStep(mobility, extend, kToday);
  EXPECT_EQ(mobility.stay_state, StayState::kOngoing);
  EXPECT_EQ(mobility.planned_end, "2028-07-31");
  auto complete = Step(StayStep::kComplete);
  complete.on = "2028-07-28";
  mobility = ApplyStayStep(mobility, complete, kToday);
  EXPECT_EQ(mobility.stay_state, StayState::kCompleted);
  EXPECT_EQ(mobility.actual_end, "2028-07-28");
  EXPECT_TRUE(IsFinal(mobility.stay_state));
}

TEST(StayTrack, RefusalsNameTheirField) {
  // Rejection, interruption, ending early and cancelling say why.
  EXPECT_EQ(FieldOfRefusal(StayIn(StayState::kNominated), Step(StayStep::kReject)), "reason");
  EXPECT_EQ(FieldOfRefusal(StayIn(StayState::kOngoing), Step(StayStep::kInterrupt)), "reason");
  auto blank = Step(StayStep::kCancel);
  blank.reason = "";
  EXPECT_EQ(FieldOfRefusal(StayIn(StayState::kNominated), blank), "reason");
  // A day that is no date; an end before the start; an extension that ends no later.
  auto start = Step(StayStep::kStart);
  start.on = "2027-02-30";
  EXPECT_EQ(FieldOfRefusal(StayIn(StayState::kPreparing), start), "on");
  Mobility ongoing = StayIn(StayState::kOngoing);
  ongoing.actual_start = "2027-10-01";
  auto complete = Step(StayStep::kComplete);
  complete.on = "2027-09-30";
  EXPECT_EQ(FieldOfRefusal(ongoing, complete), "on");
  complete.on = "2027-10-01";  // a stay of one day ends the day it begins
  EXPECT_EQ(FieldOfRefusal(ongoing, complete), "(allowed)");
  auto extend = Step(StayStep::kExtend);
  EXPECT_EQ(FieldOfRefusal(ongoing, extend), "until");
  extend.until = "2028-03-31";
  EXPECT_EQ(FieldOfRefusal(ongoing, extend), "until");
  extend.until = "2028-04-01";
  EXPECT_EQ(FieldOfRefusal(ongoing, extend), "(allowed)");
  // A day or a last day the step does not record is refused, not ignored.
  auto prepare = Step(StayStep::kPrepare);
  prepare.on = "2027-09-01";
  EXPECT_EQ(FieldOfRefusal(StayIn(StayState::kAccepted), prepare), "on");
  complete.until = "2028-04-01";
  EXPECT_EQ(FieldOfRefusal(ongoing, complete), "until");
}

TEST(StayTrack, AFinalYearTertialAbroadDepartsOnlyWithItsEquivalenceDecision) {
  Mobility tertial = StayIn(StayState::kPreparing);
  tertial.category = QuotaCategory::kFinalYearTertial;
  EXPECT_EQ(FieldOfRefusal(tertial, Step(StayStep::kStart)), "equivalence_decided_on");
  tertial.direction = Direction::kIncoming;  // the partner's student: their office decides
  EXPECT_EQ(FieldOfRefusal(tertial, Step(StayStep::kStart)), "(allowed)");
  tertial.direction = Direction::kOutgoing;
  tertial.equivalence_decided_on = "2027-06-01";
  EXPECT_EQ(FieldOfRefusal(tertial, Step(StayStep::kStart)), "(allowed)");
  // Cancelling it needs no decision.
  auto cancel = Step(StayStep::kCancel);
  cancel.reason = "Not admitted by the hospital";
  tertial.equivalence_decided_on.reset();
  EXPECT_EQ(ApplyStayStep(tertial, cancel, kToday).stay_state, StayState::kCancelled);
}

TEST(StayTrack, ResumingAnInterruptedStayKeepsItsDays) {
  Mobility interrupted = StayIn(StayState::kInterrupted);
  interrupted.actual_start = "2027-10-02";
  const Mobility resumed = ApplyStayStep(interrupted, Step(StayStep::kResume), kToday);
  EXPECT_EQ(resumed.stay_state, StayState::kOngoing);
  EXPECT_EQ(resumed.actual_start, "2027-10-02");
  auto end_early = Step(StayStep::kEndEarly);
  end_early.reason = "Force majeure: the host closed";
  end_early.on = "2027-12-15";
  const Mobility ended = ApplyStayStep(interrupted, end_early, kToday);
  EXPECT_EQ(ended.stay_state, StayState::kEndedEarly);
  EXPECT_EQ(ended.actual_end, "2027-12-15");
}

}  // namespace
}  // namespace weltcampus::mobility
