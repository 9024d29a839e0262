#include "exchange/allocation.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

// THE RULES (docs/allocation.md says the same for people).
//
// Applicants propose to their preferences in order; each offer, and each partner over its offers,
// holds the best proposals it has so far and rejects the rest (student-proposing deferred
// acceptance). "Best" is decided so:
//
// 1. Within an offer: by the offer's own priority (its ranking) where it has one, otherwise by the
//    common score; higher first. An offer with an own ranking takes only the applicants it lists
//    (the others are not eligible there). Ties: the lottery (below).
// 2. At a partner with a cap over several offers, when the cap binds: the partner takes proposals
//    in the order of its merged list, which ranks applicant a at offer o by a's *standing* there:
//    the lowest common score among a and everyone o's own ranking puts above a (precisely: the
//    worst position in the common order, "score, then lottery", among them). Equal standings: the
//    offer listed first in the input, then o's own order. For an offer without an own ranking the
//    standing is the applicant's common score. So applicants compete at the partner level by the
//    common score, but an offer never lets an applicant through its partner's cap ahead of someone
//    it ranks higher itself: a ranking by standing keeps every offer's own order.
//    Why not the plain common score at the partner level: with offers that rank differently from
//    the common score there are instances where no assignment is stable under it (a ranks above b
//    by score, b above c, but c above a at their offer: each assignment leaves one of them a
//    claim), and deferred acceptance would then give an assignment that depends on the order of
//    proposals. With standings the partner's choice is a greedy choice in one fixed order under
//    nested caps, which is substitutable: the result is the applicant-optimal stable assignment, it
//    does not depend on the order of proposals, and ranking one's true preferences is the best
//    strategy when the number of preferences is not capped.
// 3. Ties: one lottery. Applicant i (input order) draws the i-th output of SplitMix64 seeded with
//    the run's seed (fully specified, no std::*_distribution); between equal scores or priorities
//    the lower draw wins, between equal draws the earlier applicant.
//
// STABILITY (what the tests check): nobody holds an offer they did not rank or are not eligible
// for; no offer or partner holds more than its capacity; and no applicant a prefers an offer o
// (eligible there) to what they hold while
//   (a) o has a free place and so has its partner's cap (or o has no partner), or
//   (b) o holds someone whom o ranks below a, or
//   (c) o has a free place, its partner's cap is full, and the partner holds someone whose standing
//       (at their offer) is below a's standing at o.
//
// CUTOFFS: an offer that is full closes at the priority of the last applicant it admitted (its
// lowest); an offer with a free place has none. A partner whose cap is full closes at the lowest
// standing it admitted.

namespace weltcampus::exchange {
namespace {

constexpr double kNotEligiblePriority = std::numeric_limits<double>::quiet_NaN();

// One proposal held at an offer: its priority there, the lottery draw, who, and which preference.
struct HeldProposal {
  double priority;
  uint64_t draw;
  uint32_t applicant;
  uint32_t slot;
};

// x ranks above y at their offer.
inline bool RanksAbove(const HeldProposal& x, const HeldProposal& y) {
  if (x.priority != y.priority) {
    return x.priority > y.priority;
  }
  if (x.draw != y.draw) {
    return x.draw < y.draw;
  }
  return x.applicant < y.applicant;
}

// One proposal held under a partner's cap, ranked by standing (see the rules).
struct PartnerHeldProposal {
  uint32_t standing;  // position in the common order of the applicant who sets the standing
  uint32_t offer;
  HeldProposal held;
};

inline bool RanksAbove(const PartnerHeldProposal& x, const PartnerHeldProposal& y) {
  if (x.standing != y.standing) {
    return x.standing < y.standing;
  }
  if (x.offer != y.offer) {
    return x.offer < y.offer;
  }
  return RanksAbove(x.held, y.held);
}

// Heaps with the worst held proposal on top.
struct WorstHeldOnTop {
  template <typename T>
  bool operator()(const T& x, const T& y) const {
    return RanksAbove(x, y);
  }
};

}  // namespace

uint64_t SplitMix64Next(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::vector<uint64_t> LotteryDraws(uint64_t seed, size_t applicants) {
  std::vector<uint64_t> draws(applicants);
  uint64_t state = seed;
  for (auto& draw : draws) {
    draw = SplitMix64Next(state);
  }
  return draws;
}

namespace {

// What every run over an instance shares: the lottery, each preference's priority at its offer and
// standing at its partner. Runs differ only in capacities (the what-ifs).
class AllocationSolver {
 public:
  explicit AllocationSolver(const AllocationInstance& instance) : instance_(instance) {
    const size_t n = instance.applicant_count();
    const size_t m = instance.pref_offer.size();
    if (instance.pref_begin.size() != n + 1 || instance.pref_begin.back() != m) {
      throw std::invalid_argument("allocation instance: preference offsets do not fit");
    }
    draws_ = LotteryDraws(instance.seed, n);
    const size_t offer_count = instance.offers.size();
    rankers_.assign(offer_count, 0);
    for (uint32_t offer : instance.pref_offer) {
      if (offer >= offer_count) {
        throw std::invalid_argument("allocation instance: preference for an unknown offer");
      }
      ++rankers_[offer];
    }
    bool any_priority = false;
    bool any_partner = false;
    for (const auto& offer : instance.offers) {
      any_priority = any_priority || offer.ranks_by_priority;
      if (offer.partner >= 0) {
        if (static_cast<size_t>(offer.partner) >= instance.partners.size()) {
          throw std::invalid_argument("allocation instance: offer of an unknown partner");
        }
        any_partner = true;
      }
    }
    if (!any_priority && !any_partner) {
      return;  // every offer ranks by the common score: nothing to prepare
    }
    slot_applicant_.resize(m);
    for (uint32_t a = 0; a < n; ++a) {
      for (uint32_t s = instance.pref_begin[a]; s < instance.pref_begin[a + 1]; ++s) {
        slot_applicant_[s] = a;
      }
    }
    // The preferences grouped by offer.
    std::vector<uint32_t> by_offer_begin(offer_count + 1, 0);
    for (size_t o = 0; o < offer_count; ++o) {
      by_offer_begin[o + 1] = by_offer_begin[o] + rankers_[o];
    }
    std::vector<uint32_t> by_offer(m);
    {
      std::vector<uint32_t> fill(by_offer_begin.begin(), by_offer_begin.end() - 1);
      for (uint32_t s = 0; s < m; ++s) {
        by_offer[fill[instance.pref_offer[s]]++] = s;
      }
    }

    // Each preference's priority at its offer (only when some offer has its own ranking).
    if (any_priority) {
      slot_priority_.resize(m);
    }
    std::vector<double> scratch;
    for (size_t o = 0; o < offer_count && any_priority; ++o) {
      const auto& offer = instance.offers[o];
      if (!offer.ranks_by_priority) {
        for (uint32_t i = by_offer_begin[o]; i < by_offer_begin[o + 1]; ++i) {
          slot_priority_[by_offer[i]] = instance.scores[slot_applicant_[by_offer[i]]];
        }
        continue;
      }
      if (scratch.empty()) {
        scratch.assign(n, kNotEligiblePriority);
      }
      for (const auto& [applicant, priority] : offer.priority) {
        if (applicant >= n) {
          throw std::invalid_argument("allocation instance: priority for an unknown applicant");
        }
        scratch[applicant] = priority;
      }
      for (uint32_t i = by_offer_begin[o]; i < by_offer_begin[o + 1]; ++i) {
        slot_priority_[by_offer[i]] = scratch[slot_applicant_[by_offer[i]]];
      }
      for (const auto& entry : offer.priority) {
        scratch[entry.first] = kNotEligiblePriority;
      }
    }

    // Standings, for offers under a partner's cap only.
    if (!any_partner) {
      return;
    }
    common_order_.resize(n);
    std::iota(common_order_.begin(), common_order_.end(), 0U);
    std::sort(common_order_.begin(), common_order_.end(), [&](uint32_t x, uint32_t y) {
      return RanksAbove(HeldProposal{instance.scores[x], draws_[x], x, 0},
                        HeldProposal{instance.scores[y], draws_[y], y, 0});
    });
    std::vector<uint32_t> common_position(n);
    for (uint32_t i = 0; i < n; ++i) {
      common_position[common_order_[i]] = i;
    }
    slot_standing_.assign(m, 0);
    std::vector<uint32_t> standing_of(n, 0);
    std::vector<HeldProposal> ranking;
    for (size_t o = 0; o < offer_count; ++o) {
      const auto& offer = instance.offers[o];
      if (offer.partner < 0) {
        continue;
      }
      if (!offer.ranks_by_priority) {
        for (uint32_t i = by_offer_begin[o]; i < by_offer_begin[o + 1]; ++i) {
          slot_standing_[by_offer[i]] = common_position[slot_applicant_[by_offer[i]]];
        }
        continue;
      }
      // The offer's own ranking of everyone it lists, with the running worst common position.
      ranking.clear();
      for (const auto& [applicant, priority] : offer.priority) {
        ranking.push_back(HeldProposal{priority, draws_[applicant], applicant, 0});
      }
      std::sort(ranking.begin(), ranking.end(),
                [](const HeldProposal& x, const HeldProposal& y) { return RanksAbove(x, y); });
      uint32_t worst = 0;
      for (const auto& held : ranking) {
        worst = std::max(worst, common_position[held.applicant]);
        standing_of[held.applicant] = worst;
      }
      for (uint32_t i = by_offer_begin[o]; i < by_offer_begin[o + 1]; ++i) {
        slot_standing_[by_offer[i]] = standing_of[slot_applicant_[by_offer[i]]];
      }
    }
  }

  struct Capacities {
    std::vector<int32_t> offers;
    std::vector<int32_t> partners;
  };

  Capacities InstanceCapacities() const {
    Capacities capacities;
    for (const auto& offer : instance_.offers) {
      capacities.offers.push_back(offer.capacity);
    }
    for (const auto& partner : instance_.partners) {
      capacities.partners.push_back(partner.capacity);
    }
    return capacities;
  }

  Allocation Run(const Capacities& capacities) {
    const size_t n = instance_.applicant_count();
    const size_t offer_count = instance_.offers.size();
    offer_capacity_ = &capacities.offers;
    partner_capacity_ = &capacities.partners;
    holds_.assign(n, -1);
    offer_heaps_.resize(offer_count);
    offer_count_.assign(offer_count, 0);
    for (size_t o = 0; o < offer_count; ++o) {
      offer_heaps_[o].clear();
      offer_heaps_[o].reserve(
          std::min<size_t>(rankers_[o], static_cast<size_t>(std::max(0, capacities.offers[o]))));
    }
    partner_heaps_.resize(instance_.partners.size());
    for (auto& heap : partner_heaps_) {
      heap.clear();
    }
    partner_count_.assign(instance_.partners.size(), 0);

    const auto& begin = instance_.pref_begin;
    next_.assign(begin.begin(), begin.end() - 1);
    for (uint32_t first = 0; first < n; ++first) {
      int64_t proposer = first;
      while (proposer >= 0) {
        const auto a = static_cast<uint32_t>(proposer);
        proposer = -1;
        // a's next preference: after the last one it proposed to
        uint32_t s = next_[a];
        while (s < begin[a + 1]) {
          const uint32_t slot = s++;
          const double priority = Priority(a, slot);
          if (std::isnan(priority)) {
            continue;
          }
          const int64_t rejected = Propose(a, slot, priority);
          if (rejected == a) {
            continue;
          }
          proposer = rejected;
          break;
        }
        next_[a] = s;
      }
    }

    Allocation result;
    result.seed = instance_.seed;
    result.assignment.resize(n, -1);
    for (size_t a = 0; a < n; ++a) {
      if (holds_[a] >= 0) {
        result.assignment[a] = static_cast<int32_t>(instance_.pref_offer[holds_[a]]);
      }
    }
    result.offer_filled = offer_count_;
    result.cutoffs.resize(offer_count);
    for (size_t o = 0; o < offer_count; ++o) {
      if (offer_count_[o] > 0 && offer_count_[o] == capacities.offers[o]) {
        Clean(offer_heaps_[o]);
        result.cutoffs[o] = offer_heaps_[o].front().priority;
      }
    }
    result.partner_filled = partner_count_;
    result.partner_cutoffs.resize(instance_.partners.size());
    for (size_t p = 0; p < instance_.partners.size(); ++p) {
      if (partner_count_[p] > 0 && partner_count_[p] == capacities.partners[p]) {
        Clean(partner_heaps_[p]);
        result.partner_cutoffs[p] = StandingScore(partner_heaps_[p].front().standing);
      }
    }
    return result;
  }

  // a's priority at the offer of its preference `slot` (NaN: not eligible).
  double Priority(uint32_t a, uint32_t slot) const {
    return slot_priority_.empty() ? instance_.scores[a] : slot_priority_[slot];
  }
  uint64_t Draw(uint32_t applicant) const { return draws_[applicant]; }
  double Standing(uint32_t slot) const { return StandingScore(slot_standing_[slot]); }

 private:
  double StandingScore(uint32_t standing) const {
    return instance_.scores[common_order_[standing]];
  }

  template <typename T>
  void Clean(std::vector<T>& heap) {
    while (!heap.empty() &&
           holds_[Of(heap.front()).applicant] != static_cast<int32_t>(Of(heap.front()).slot)) {
      std::pop_heap(heap.begin(), heap.end(), WorstHeldOnTop{});
      heap.pop_back();
    }
  }
  static const HeldProposal& Of(const HeldProposal& held) { return held; }
  static const HeldProposal& Of(const PartnerHeldProposal& held) { return held.held; }

  template <typename T>
  static void Push(std::vector<T>& heap, const T& item) {
    heap.push_back(item);
    std::push_heap(heap.begin(), heap.end(), WorstHeldOnTop{});
  }
  template <typename T>
  static void PopWorst(std::vector<T>& heap) {
    std::pop_heap(heap.begin(), heap.end(), WorstHeldOnTop{});
    heap.pop_back();
  }

  void Reject(uint32_t applicant) { holds_[applicant] = -1; }

  // a proposes its preference `s`; returns whom the offer rejects (a itself, or the one a
  // displaces), or -1 when a is taken without displacing anyone.
  int64_t Propose(uint32_t a, uint32_t s, double priority) {
    const uint32_t o = instance_.pref_offer[s];
    const int32_t capacity = (*offer_capacity_)[o];
    if (capacity <= 0) {
      return a;
    }
    const HeldProposal item{priority, draws_[a], a, s};
    auto& heap = offer_heaps_[o];
    const int32_t p = instance_.offers[o].partner;
    if (p < 0) {
      if (offer_count_[o] < capacity) {
        Push(heap, item);
        ++offer_count_[o];
        holds_[a] = static_cast<int32_t>(s);
        return -1;
      }
      const HeldProposal worst = heap.front();
      if (!RanksAbove(item, worst)) {
        return a;
      }
      PopWorst(heap);
      Push(heap, item);
      holds_[a] = static_cast<int32_t>(s);
      Reject(worst.applicant);
      return worst.applicant;
    }
    auto& partner_heap = partner_heaps_[p];
    const PartnerHeldProposal partner_item{slot_standing_[s], o, item};
    if (offer_count_[o] == capacity) {
      // The offer is full: a can only take the place of someone the offer ranks below a (the
      // partner's count stays).
      Clean(heap);
      const HeldProposal worst = heap.front();
      if (!RanksAbove(item, worst)) {
        return a;
      }
      PopWorst(heap);
      Push(heap, item);
      Push(partner_heap, partner_item);
      holds_[a] = static_cast<int32_t>(s);
      Reject(worst.applicant);
      return worst.applicant;
    }
    const int32_t partner_capacity = (*partner_capacity_)[p];
    if (partner_count_[p] < partner_capacity) {
      Push(heap, item);
      Push(partner_heap, partner_item);
      ++offer_count_[o];
      ++partner_count_[p];
      holds_[a] = static_cast<int32_t>(s);
      return -1;
    }
    if (partner_capacity <= 0) {
      return a;
    }
    // The offer has room but the partner's cap is full: the lowest standing under the cap goes.
    Clean(partner_heap);
    const PartnerHeldProposal worst = partner_heap.front();
    if (!RanksAbove(partner_item, worst)) {
      return a;
    }
    PopWorst(partner_heap);
    --offer_count_[worst.offer];
    Push(heap, item);
    Push(partner_heap, partner_item);
    ++offer_count_[o];
    holds_[a] = static_cast<int32_t>(s);
    Reject(worst.held.applicant);
    return worst.held.applicant;
  }

  const AllocationInstance& instance_;
  std::vector<uint64_t> draws_;
  std::vector<uint32_t> slot_applicant_;
  std::vector<double> slot_priority_;    // NaN: not eligible
  std::vector<uint32_t> slot_standing_;  // under a partner's cap: position in the common order
  std::vector<uint32_t> common_order_;   // applicants by score, then lottery
  std::vector<uint32_t> rankers_;        // per offer: how many rank it

  const std::vector<int32_t>* offer_capacity_ = nullptr;
  const std::vector<int32_t>* partner_capacity_ = nullptr;
  std::vector<int32_t> holds_;  // per applicant: the preference (slot) it holds, or -1
  std::vector<uint32_t> next_;  // per applicant: the next preference to propose to
  std::vector<std::vector<HeldProposal>> offer_heaps_;
  std::vector<std::vector<PartnerHeldProposal>> partner_heaps_;
  std::vector<int32_t> offer_count_;
  std::vector<int32_t> partner_count_;
};

Allocation SolveWith(AllocationSolver& solver, const AllocationSolver::Capacities& capacities) {
  return solver.Run(capacities);
}

// Position of `offer` in the applicant's list (list length when absent).
size_t PreferencePosition(const AllocationInstance& instance, uint32_t applicant, int32_t offer) {
  const uint32_t begin = instance.pref_begin[applicant];
  const uint32_t end = instance.pref_begin[applicant + 1];
  for (uint32_t s = begin; s < end; ++s) {
    if (static_cast<int32_t>(instance.pref_offer[s]) == offer) {
      return s - begin;
    }
  }
  return end - begin;
}

WhatIfResult CompareAllocations(const AllocationInstance& instance, const Allocation& base,
                                const Allocation& changed) {
  WhatIfResult result;
  for (uint32_t a = 0; a < base.assignment.size(); ++a) {
    const int32_t from = base.assignment[a];
    const int32_t to = changed.assignment[a];
    if (from == to) {
      continue;
    }
    result.moves.push_back(Move{a, from, to});
    if (from < 0) {
      ++result.newly_placed;
    } else if (to >= 0 &&
               PreferencePosition(instance, a, to) < PreferencePosition(instance, a, from)) {
      ++result.improved;
    } else {
      ++result.worse;
    }
  }
  return result;
}

}  // namespace

Allocation Allocate(const AllocationInstance& instance) {
  AllocationSolver solver(instance);
  return SolveWith(solver, solver.InstanceCapacities());
}

std::vector<Explanation> ExplainAllocation(const AllocationInstance& instance,
                                           const Allocation& allocation) {
  AllocationSolver solver(instance);
  const size_t n = instance.applicant_count();
  if (allocation.assignment.size() != n) {
    throw std::logic_error("allocation does not fit the instance");
  }
  std::vector<Explanation> explanations(n);
  for (uint32_t a = 0; a < n; ++a) {
    auto& explanation = explanations[a];
    explanation.offer = allocation.assignment[a];
    for (uint32_t s = instance.pref_begin[a]; s < instance.pref_begin[a + 1]; ++s) {
      const uint32_t o = instance.pref_offer[s];
      if (static_cast<int32_t>(o) == allocation.assignment[a]) {
        break;
      }
      PreferenceExplanation why;
      why.offer = o;
      const double priority = solver.Priority(a, s);
      if (std::isnan(priority)) {
        why.reason = PreferenceExplanation::Reason::kNotEligible;
        explanation.higher.push_back(why);
        continue;
      }
      const auto& offer = instance.offers[o];
      if (allocation.offer_filled[o] >= offer.capacity) {
        why.reason = PreferenceExplanation::Reason::kOfferFull;
        why.cutoff = allocation.cutoffs[o];
        why.own = priority;
        why.lost_on_lottery = why.cutoff && *why.cutoff == priority;
      } else if (offer.partner >= 0 && allocation.partner_filled[offer.partner] >=
                                           instance.partners[offer.partner].capacity) {
        why.reason = PreferenceExplanation::Reason::kPartnerFull;
        why.partner = offer.partner;
        why.cutoff = allocation.partner_cutoffs[offer.partner];
        why.own = solver.Standing(s);
        why.lost_on_lottery = why.cutoff && *why.cutoff == why.own;
      } else {
        throw std::logic_error(fmt::format(
            "applicant {} was not given preference {} though it had a free place", a, o));
      }
      explanation.higher.push_back(why);
    }
  }
  return explanations;
}

WhatIfResult WhatIf(const AllocationInstance& instance, const Allocation& base,
                    const ExtraPlaces& extra) {
  AllocationSolver solver(instance);
  auto capacities = solver.InstanceCapacities();
  if (extra.offer >= 0) {
    if (static_cast<size_t>(extra.offer) >= capacities.offers.size()) {
      throw std::invalid_argument("what-if: unknown offer");
    }
    capacities.offers[extra.offer] += extra.places;
  }
  if (extra.partner >= 0) {
    if (static_cast<size_t>(extra.partner) >= capacities.partners.size()) {
      throw std::invalid_argument("what-if: unknown partner");
    }
    capacities.partners[extra.partner] += extra.places;
  }
  return CompareAllocations(instance, base, SolveWith(solver, capacities));
}

std::vector<OneMorePlace> RankOneMorePlace(const AllocationInstance& instance,
                                           const Allocation& base, size_t limit) {
  AllocationSolver solver(instance);
  // Only where someone was turned away can one more place change anything: with no rejection at
  // the offer, nor at any offer of its partner (whose cap grows too), the run with the extra place
  // makes the same proposals and the same choices. (An eligible preference ranked above the
  // place received was proposed to and rejected.)
  std::vector<char> turned_away(instance.offers.size(), 0);
  std::vector<char> partner_turned_away(instance.partners.size(), 0);
  for (uint32_t a = 0; a < instance.applicant_count(); ++a) {
    for (uint32_t s = instance.pref_begin[a]; s < instance.pref_begin[a + 1]; ++s) {
      const uint32_t o = instance.pref_offer[s];
      if (static_cast<int32_t>(o) == base.assignment[a]) {
        break;
      }
      if (!std::isnan(solver.Priority(a, s))) {
        turned_away[o] = 1;
        if (instance.offers[o].partner >= 0) {
          partner_turned_away[instance.offers[o].partner] = 1;
        }
      }
    }
  }
  const auto capacities = solver.InstanceCapacities();
  auto changed = capacities;
  std::vector<OneMorePlace> ranked;
  for (uint32_t o = 0; o < instance.offers.size(); ++o) {
    const int32_t p = instance.offers[o].partner;
    if (!turned_away[o] && (p < 0 || !partner_turned_away[p])) {
      continue;
    }
    ++changed.offers[o];
    if (p >= 0) {
      ++changed.partners[p];
    }
    auto effect = CompareAllocations(instance, base, SolveWith(solver, changed));
    changed.offers[o] = capacities.offers[o];
    if (p >= 0) {
      changed.partners[p] = capacities.partners[p];
    }
    if (effect.newly_placed > 0 || effect.improved > 0) {
      ranked.push_back(OneMorePlace{o, std::move(effect)});
    }
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const OneMorePlace& x, const OneMorePlace& y) {
    if (x.effect.newly_placed != y.effect.newly_placed) {
      return x.effect.newly_placed > y.effect.newly_placed;
    }
    return x.effect.improved > y.effect.improved;
  });
  if (ranked.size() > limit) {
    ranked.resize(limit);
  }
  return ranked;
}

}  // namespace weltcampus::exchange
