#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/record_schema.h"
#include "exchange/allocation.h"
#include "exchange/calls.h"
#include "http/router.h"
#include "store/database.h"

// What-ifs on a stored allocation run (issue 10, item 5; docs/allocation.md "What if, on a stored
// run"): the run's instance exactly as it ran (allocation_runs.h: RunInstance), solved again with
// more places, compared applicant by applicant with the run's own allocation. They name students:
// exchange:allocate.
namespace weltcampus::exchange {

// k more places at one offer of the run, or at one partnership (its offers in the run).
struct WhatIfRequest {
  std::optional<int64_t> offer_id;
  std::optional<int64_t> partnership_id;
  int64_t places = 1;  // 1..100
};
inline constexpr int64_t kMaxWhatIfPlaces = 100;
inline constexpr int64_t kMaxOneMorePlaceItems = 100;

// The run's allocations have no partner caps (offers are carved within their quotas). k more
// places at a partner are modelled as a cap over the partner's offers in the run — their places
// plus k — with each of those offers allowed up to k more: the allocation itself decides which of
// the partner's offers take the places (deferred acceptance with a nested partner cap, the
// partner admitting by common score; allocation.h). Answers the instance so changed and the
// extra places to ask WhatIf for; invalid_argument when `offers` is empty or an offer already has
// a partner.
struct PartnerWhatIf {
  AllocationInstance instance;
  ExtraPlaces extra;
};
PartnerWhatIf MorePlacesAtPartner(const AllocationInstance& instance,
                                  const std::vector<uint32_t>& offers, int32_t places);

struct StudentNamed {
  std::string matriculation_number;
  std::string family_name;
  std::string given_name;
};
struct RunMove {
  int64_t application_id = 0;
  StudentNamed student;
  std::optional<int64_t> from_offer_id;
  std::optional<int64_t> to_offer_id;
};
struct RunWhatIf {
  int64_t run_id = 0;
  int64_t newly_placed = 0;
  int64_t improved = 0;
  int64_t worse = 0;
  std::vector<RunMove> moves;
};
struct RunOneMorePlace {
  int64_t offer_id = 0;
  std::string partner_name;
  OfferTerm term = OfferTerm::kWinter;
  int64_t newly_placed = 0;
  int64_t improved = 0;
  std::vector<RunMove> moves;
};

// 404 for a run that does not exist; 422 naming offer_id / partnership_id for one that is not in
// the run, or "offer_id" when neither or both are given.
RunWhatIf WhatIfOnRun(store::Database& database, int64_t run_id, const WhatIfRequest& request);
std::vector<RunOneMorePlace> OneMorePlaceOnRun(store::Database& database, int64_t run_id,
                                               size_t limit);

// POST /api/v1/allocation-runs/{id}/what-if, GET /api/v1/allocation-runs/{id}/one-more-place.
void RegisterWhatIfRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
