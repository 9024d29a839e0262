#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "audit/audit.h"
#include "exchange/calls.h"
#include "exchange/funding.h"
#include "store/sql.h"

// What the exchange tells the modules above it when a student accepts a place (the mobility module
// nominates them: mobility/nominations.cpp), without knowing them (core/named_hooks.h). The hooks
// run in the transaction that records the answer: a hook that throws undoes the acceptance.
namespace weltcampus::exchange {

struct AcceptedPlace {
  int64_t application_id = 0;
  int64_t student_id = 0;
  const Call* call = nullptr;
  // A call for places: the offer accepted; a funding call: the planned stay and the days granted.
  std::optional<Offer> offer;
  std::optional<PlannedStay> stay;
  int64_t days_granted = 0;
};

using PlaceAcceptedHook = std::function<void(store::Connection& c, const audit::Actor& actor,
                                             const AcceptedPlace& place)>;
void DeclarePlaceAccepted(std::string name, PlaceAcceptedHook hook);
void RunPlaceAccepted(store::Connection& c, const audit::Actor& actor, const AcceptedPlace& place);

}  // namespace weltcampus::exchange
