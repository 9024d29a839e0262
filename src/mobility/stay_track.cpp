#include "mobility/stay_track.h"

#include <algorithm>

#include "core/error.h"

namespace weltcampus::mobility {

namespace {

struct Transition {
  StayState from;
  StayStep step;
  StayState to;
};

constexpr Transition kTransitions[] = {
    {StayState::kNominated, StayStep::kAccept, StayState::kAccepted},
    {StayState::kNominated, StayStep::kReject, StayState::kRejected},
    {StayState::kNominated, StayStep::kCancel, StayState::kCancelled},
    {StayState::kAccepted, StayStep::kPrepare, StayState::kPreparing},
    {StayState::kAccepted, StayStep::kCancel, StayState::kCancelled},
    {StayState::kPreparing, StayStep::kStart, StayState::kOngoing},
    {StayState::kPreparing, StayStep::kCancel, StayState::kCancelled},
    {StayState::kOngoing, StayStep::kExtend, StayState::kOngoing},
    {StayState::kOngoing, StayStep::kInterrupt, StayState::kInterrupted},
    {StayState::kOngoing, StayStep::kComplete, StayState::kCompleted},
    {StayState::kOngoing, StayStep::kEndEarly, StayState::kEndedEarly},
    {StayState::kInterrupted, StayStep::kResume, StayState::kOngoing},
    {StayState::kInterrupted, StayStep::kEndEarly, StayState::kEndedEarly},
    {StayState::kInterrupted, StayStep::kCancel, StayState::kCancelled},
};

const Transition* Find(StayState from, StayStep step) {
  for (const auto& transition : kTransitions) {
    if (transition.from == from && transition.step == step) {
      return &transition;
    }
  }
  return nullptr;
}

bool NeedsReason(StayStep step) {
  return step == StayStep::kReject || step == StayStep::kInterrupt || step == StayStep::kEndEarly ||
         step == StayStep::kCancel;
}

Date DayOf(const std::optional<std::string>& text, std::string_view field, Date today) {
  if (!text) {
    return today;
  }
  const auto day = Date::Parse(*text);
  if (!day) {
    throw ValidationError(std::string(field), "Must be a date (YYYY-MM-DD)");
  }
  return *day;
}

std::string Names(const std::vector<StayStep>& steps) {
  std::string names;
  for (const auto step : steps) {
    names += (names.empty() ? "" : ", ") + std::string(kStayStepTable.Name(step));
  }
  return names.empty() ? "none (the stay is final)" : names;
}

}  // namespace

std::vector<StayStep> AllowedSteps(StayState state) {
  std::vector<StayStep> steps;
  for (const auto& transition : kTransitions) {
    if (transition.from == state) {
      steps.push_back(transition.step);
    }
  }
  return steps;
}

StayState StateAfter(StayState state, StayStep step) {
  const auto* transition = Find(state, step);
  if (transition == nullptr) {
    throw std::logic_error("StateAfter on a step the state does not allow");
  }
  return transition->to;
}

bool IsFinal(StayState state) { return AllowedSteps(state).empty(); }

bool RecordsDay(StayStep step) {
  return step == StayStep::kStart || step == StayStep::kComplete || step == StayStep::kEndEarly;
}

Mobility ApplyStayStep(const Mobility& mobility, const StayStepRequest& request, Date today) {
  if (Find(mobility.stay_state, request.step) == nullptr) {
    throw ValidationError(
        "step", "A stay that is " + std::string(kStayStateTable.Name(mobility.stay_state)) +
                    " cannot take the step " + std::string(kStayStepTable.Name(request.step)) +
                    "; it may: " + Names(AllowedSteps(mobility.stay_state)));
  }
  if (NeedsReason(request.step) && (!request.reason || request.reason->empty())) {
    throw ValidationError(
        "reason",
        "Say why (the step " + std::string(kStayStepTable.Name(request.step)) + " needs a reason)");
  }
  if (request.on && !RecordsDay(request.step)) {
    throw ValidationError(
        "on", "The step " + std::string(kStayStepTable.Name(request.step)) + " records no day");
  }
  if (request.until && request.step != StayStep::kExtend) {
    throw ValidationError("until", "Only an extension has a new last day");
  }
  Mobility after = mobility;
  after.stay_state = StateAfter(mobility.stay_state, request.step);
  switch (request.step) {
    case StayStep::kStart: {
      if (mobility.category == QuotaCategory::kFinalYearTertial &&
          mobility.direction == Direction::kOutgoing && !mobility.equivalence_decided_on) {
        throw ValidationError("equivalence_decided_on",
                              "A final-year tertial abroad needs the state examination office's "
                              "equivalence decision before departure");
      }
      after.actual_start = DayOf(request.on, "on", today).ToString();
      after.actual_end = std::nullopt;
      break;
    }
    case StayStep::kComplete:
    case StayStep::kEndEarly: {
      const Date end = DayOf(request.on, "on", today);
      if (mobility.actual_start && end.ToString() < *mobility.actual_start) {
        throw ValidationError(
            "on", "The stay cannot end before it began (" + *mobility.actual_start + ")");
      }
      after.actual_end = end.ToString();
      break;
    }
    case StayStep::kExtend: {
      if (!request.until) {
        throw ValidationError("until", "Give the new last day of the stay");
      }
      const Date until = DayOf(request.until, "until", today);
      if (until.ToString() <= mobility.planned_end) {
        throw ValidationError(
            "until", "An extension ends after the planned last day (" + mobility.planned_end + ")");
      }
      after.planned_end = until.ToString();
      break;
    }
    default:
      break;
  }
  return after;
}

std::optional<std::string> StepDay(const Mobility& after, StayStep step) {
  switch (step) {
    case StayStep::kStart:
      return after.actual_start;
    case StayStep::kComplete:
    case StayStep::kEndEarly:
      return after.actual_end;
    case StayStep::kExtend:
      return after.planned_end;
    default:
      return std::nullopt;
  }
}

}  // namespace weltcampus::mobility
