#include "exchange/place_hooks.h"

#include "core/named_hooks.h"

namespace weltcampus::exchange {

namespace {

NamedHooks<store::Connection&, const audit::Actor&, const AcceptedPlace&>& PlaceAcceptedHooks() {
  static NamedHooks<store::Connection&, const audit::Actor&, const AcceptedPlace&> hooks;
  return hooks;
}

}  // namespace

void DeclarePlaceAccepted(std::string name, PlaceAcceptedHook hook) {
  PlaceAcceptedHooks().Declare(std::move(name), std::move(hook));
}

void RunPlaceAccepted(store::Connection& c, const audit::Actor& actor, const AcceptedPlace& place) {
  PlaceAcceptedHooks().Run(c, actor, place);
}

}  // namespace weltcampus::exchange
