#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/enum_table.h"
#include "mobility/model.h"

// The stay track of a mobility (issue 11, item 2): its states and the steps between them, pure (no
// I/O, no clock: today comes in). Another track (the learning agreement, the grant, the
// recognition) never moves this one.
//
//   nominated ─accept→ accepted ─prepare→ preparing ─start→ ongoing ─complete→ completed
//   nominated ─reject→ rejected (by the partner)
//   ongoing ─extend→ ongoing (a later planned end)
//   ongoing ─interrupt→ interrupted ─resume→ ongoing
//   ongoing, interrupted ─end_early→ ended_early (force majeure)
//   nominated, accepted, preparing, interrupted ─cancel→ cancelled
// Completed, ended early, cancelled and rejected are final.
namespace weltcampus::mobility {

enum class StayStep {
  kAccept,
  kReject,
  kPrepare,
  kStart,
  kExtend,
  kInterrupt,
  kResume,
  kComplete,
  kEndEarly,
  kCancel
};
inline constexpr EnumTable<StayStep, 10> kStayStepTable("stay_step",
                                                        {{{StayStep::kAccept, "accept"},
                                                          {StayStep::kReject, "reject"},
                                                          {StayStep::kPrepare, "prepare"},
                                                          {StayStep::kStart, "start"},
                                                          {StayStep::kExtend, "extend"},
                                                          {StayStep::kInterrupt, "interrupt"},
                                                          {StayStep::kResume, "resume"},
                                                          {StayStep::kComplete, "complete"},
                                                          {StayStep::kEndEarly, "end_early"},
                                                          {StayStep::kCancel, "cancel"}}});

inline constexpr std::size_t kMaxStepReason = 1000;

// A step asked for: `on` is the day it happened (start, complete, end early; today when not
// given; refused for the other steps), `until` the new planned end of an extension (refused for
// the others), `reason` why (required to reject, interrupt, end early and cancel).
struct StayStepRequest {
  StayStep step = StayStep::kAccept;
  std::optional<std::string> on;
  std::optional<std::string> until;
  std::optional<std::string> reason;
};

// The steps a stay in this state may take.
std::vector<StayStep> AllowedSteps(StayState state);
StayState StateAfter(StayState state, StayStep step);  // only for an allowed step
bool IsFinal(StayState state);
// Whether the step records the day it happened (`on`): start, complete, end early.
bool RecordsDay(StayStep step);

// The mobility after the step: its state, and its actual dates or planned end where the step sets
// them. ApiError 422 naming the field: a step this state does not allow ("step", naming the
// allowed ones), a missing reason, a day that is no date or comes before the stay's start, an
// extension that does not end later, a final-year tertial abroad that starts without the state
// examination office's equivalence decision ("equivalence_decided_on").
Mobility ApplyStayStep(const Mobility& mobility, const StayStepRequest& request, Date today);

// The day a step records, from the mobility after it: the first day (start), the last (complete,
// end early), the new planned end (extend); none for the others.
std::optional<std::string> StepDay(const Mobility& after, StayStep step);

}  // namespace weltcampus::mobility
