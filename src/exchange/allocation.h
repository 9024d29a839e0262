#pragma once

// The allocation of exchange places: student-proposing deferred acceptance with per-offer
// capacities, per-offer priorities and nested partner capacities, ties broken by one seeded
// lottery. A pure function: no I/O, no clock; the same instance and seed give the same result.
// docs/allocation.md states the rules for people; allocation.cpp states them for the code.
//
// Two layers: `AllocationInput` names offers, applicants and partners by their ids (what the
// command line's JSON and, later, the routes build); `IndexAllocationInput` checks it and turns
// it into an `AllocationInstance` of indices, which `Allocate` solves.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace weltcampus::exchange {

// ---- Input by ids ------------------------------------------------------------------------------

struct OfferInput {
  std::string id;
  int64_t capacity = 0;
  // The offer's own ranking (applicant id → score, higher first). Without it the offer ranks
  // applicants by their common score. With it, an applicant missing from it is not acceptable
  // at the offer (not eligible): a preference for it is skipped and explained as such.
  std::optional<std::vector<std::pair<std::string, double>>> priority;
};

struct ApplicantInput {
  std::string id;
  double score = 0;                // the call's common score, higher first
  std::vector<std::string> prefs;  // offer ids, most wanted first
};

// A partner's places over several of its offers (a nested cap).
struct PartnerInput {
  std::string id;
  int64_t capacity = 0;
  std::vector<std::string> offers;
};

struct AllocationInput {
  std::vector<OfferInput> offers;
  std::vector<ApplicantInput> applicants;
  std::vector<PartnerInput> partners;
  uint64_t seed = 0;
};

// Sizes beyond these are refused as input errors (a call has a few thousand applicants; the
// benchmarks go to 10^6).
struct AllocationLimits {
  static constexpr size_t kMaxOffers = 100'000;
  static constexpr size_t kMaxApplicants = 2'000'000;
  static constexpr size_t kMaxPartners = 100'000;
  static constexpr size_t kMaxPreferences = 1'000;  // per applicant
  static constexpr size_t kMaxPreferencesTotal = 25'000'000;
  static constexpr size_t kMaxPriorityEntriesTotal = 25'000'000;
  static constexpr int64_t kMaxCapacity = 10'000'000;
  static constexpr size_t kMaxIdLength = 200;
};

// Bad input: an unknown offer in preferences, a duplicate id or preference, a negative
// capacity, an offer in two partners, a score that is not a finite number, a size beyond the
// limits. A validation failure (422) naming the field, e.g. "applicants[3].prefs[1]".
class AllocationInputError : public ApiError {
 public:
  AllocationInputError(std::string field, std::string message)
      : ApiError(ErrorCode::kValidationFailed, std::move(message), std::move(field)) {}
};

// ---- The instance by indices -------------------------------------------------------------------

struct AllocationInstance {
  struct Offer {
    int32_t capacity = 0;
    int32_t partner = -1;  // index into partners, or -1
    // With an own ranking: (applicant index, score) of every acceptable applicant, any order.
    bool ranks_by_priority = false;
    std::vector<std::pair<uint32_t, double>> priority;
  };
  struct Partner {
    int32_t capacity = 0;
  };
  std::vector<Offer> offers;
  std::vector<Partner> partners;
  std::vector<double> scores;  // per applicant: the common score
  std::vector<uint32_t>
      pref_begin;  // applicant i ranks pref_offer[pref_begin[i] .. pref_begin[i+1])
  std::vector<uint32_t> pref_offer;  // offer indices
  uint64_t seed = 0;

  size_t applicant_count() const { return scores.size(); }
};

// Checks the input (AllocationInputError) and indexes it; offers, applicants and partners keep
// the input's order.
AllocationInstance IndexAllocationInput(const AllocationInput& input);

// ---- The result --------------------------------------------------------------------------------

struct Allocation {
  uint64_t seed = 0;
  std::vector<int32_t> assignment;             // per applicant: offer index or -1
  std::vector<std::optional<double>> cutoffs;  // per offer: lowest admitted priority when full
  std::vector<int32_t> offer_filled;           // per offer: places taken
  std::vector<int32_t> partner_filled;         // per partner: places taken
  // Per partner when its cap is full: the lowest partner-level standing admitted (a common
  // score, see allocation.cpp); otherwise none.
  std::vector<std::optional<double>> partner_cutoffs;
};

// The lottery: applicant i (input order) draws the i-th output of SplitMix64 seeded with `seed`;
// between equal scores the lower draw wins (equal draws: the earlier applicant).
uint64_t SplitMix64Next(uint64_t& state);
std::vector<uint64_t> LotteryDraws(uint64_t seed, size_t applicants);

Allocation Allocate(const AllocationInstance& instance);

// Why an applicant got what they got: for every preference ranked above the offer received (all
// of them when none was received), why it was not given.
struct PreferenceExplanation {
  enum class Reason {
    kNotEligible,  // the offer's own ranking does not list the applicant
    kOfferFull,    // the offer was full with applicants ranked higher there (cutoff)
    kPartnerFull,  // the offer had a free place but its partner's cap was full
  };
  uint32_t offer = 0;
  Reason reason = Reason::kNotEligible;
  int32_t partner = -1;          // kPartnerFull: the partner
  std::optional<double> cutoff;  // kOfferFull: the offer's cutoff; kPartnerFull: the partner's
  double own = 0;                // the applicant's priority there (kPartnerFull: standing)
  bool lost_on_lottery = false;  // own == cutoff: the lottery decided
};
struct Explanation {
  int32_t offer = -1;  // received, or -1
  std::vector<PreferenceExplanation> higher;
};
// All applicants' explanations. Throws std::logic_error if the allocation is not the
// instance's stable result (a preference above the received offer that nothing explains).
std::vector<Explanation> ExplainAllocation(const AllocationInstance& instance,
                                           const Allocation& allocation);

// ---- What if there were more places? -----------------------------------------------------------

struct Move {
  uint32_t applicant = 0;
  int32_t from = -1;  // offer index or -1
  int32_t to = -1;
};
struct WhatIfResult {
  int64_t newly_placed = 0;  // had no place, get one
  int64_t improved = 0;      // had a place, get one they rank higher
  int64_t worse = 0;         // get one they rank lower (0 in theory: reported, not assumed)
  std::vector<Move> moves;   // every applicant whose place changes, by applicant index
};
struct ExtraPlaces {
  int32_t offer = -1;    // k more places at this offer ...
  int32_t partner = -1;  // ... or under this partner's cap
  int32_t places = 1;
};
WhatIfResult WhatIf(const AllocationInstance& instance, const Allocation& base,
                    const ExtraPlaces& extra);

// Offers where one more place (with one more under the offer's partner's cap, if it has one)
// would place the most unplaced applicants; then most improved; then input order. Only offers
// where it changes something, at most `limit`.
struct OneMorePlace {
  uint32_t offer = 0;
  WhatIfResult effect;
};
std::vector<OneMorePlace> RankOneMorePlace(const AllocationInstance& instance,
                                           const Allocation& base, size_t limit);

}  // namespace weltcampus::exchange
