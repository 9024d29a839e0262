// Checking an allocation's input by ids and indexing it (allocation.h).

#include <fmt/format.h>

#include <cmath>
#include <string_view>
#include <unordered_map>

#include "exchange/allocation.h"

namespace weltcampus::exchange {
namespace {

using AllocationIds = std::unordered_map<std::string_view, uint32_t>;

void CheckAllocationId(const std::string& id, const std::string& field) {
  if (id.empty()) {
    throw AllocationInputError(field, "must not be empty");
  }
  if (id.size() > AllocationLimits::kMaxIdLength) {
    throw AllocationInputError(
        field, fmt::format("must be at most {} characters", AllocationLimits::kMaxIdLength));
  }
}

void CheckAllocationCount(size_t count, size_t limit, const char* field, const char* what) {
  if (count > limit) {
    throw AllocationInputError(field, fmt::format("at most {} {} (got {})", limit, what, count));
  }
}

int32_t CheckedCapacity(int64_t capacity, const std::string& field) {
  if (capacity < 0) {
    throw AllocationInputError(field, fmt::format("must not be negative (got {})", capacity));
  }
  if (capacity > AllocationLimits::kMaxCapacity) {
    throw AllocationInputError(field, fmt::format("must be at most {} (got {})",
                                                  AllocationLimits::kMaxCapacity, capacity));
  }
  return static_cast<int32_t>(capacity);
}

void CheckFiniteScore(double value, const std::string& field) {
  if (!std::isfinite(value)) {
    throw AllocationInputError(field, "must be a finite number");
  }
}

// AllocationIds to indices, refusing a repeated one.
template <typename T>
AllocationIds IndexAllocationIds(const std::vector<T>& items, const char* list, const char* what) {
  AllocationIds ids;
  ids.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string field = fmt::format("{}[{}].id", list, i);
    CheckAllocationId(items[i].id, field);
    if (!ids.emplace(items[i].id, static_cast<uint32_t>(i)).second) {
      throw AllocationInputError(field, fmt::format("duplicate {} id \"{}\"", what, items[i].id));
    }
  }
  return ids;
}

}  // namespace

AllocationInstance IndexAllocationInput(const AllocationInput& input) {
  CheckAllocationCount(input.offers.size(), AllocationLimits::kMaxOffers, "offers", "offers");
  CheckAllocationCount(input.applicants.size(), AllocationLimits::kMaxApplicants, "applicants",
                       "applicants");
  CheckAllocationCount(input.partners.size(), AllocationLimits::kMaxPartners, "partners",
                       "partners");
  const AllocationIds offer_ids = IndexAllocationIds(input.offers, "offers", "offer");
  const AllocationIds applicant_ids =
      IndexAllocationIds(input.applicants, "applicants", "applicant");
  const AllocationIds partner_ids = IndexAllocationIds(input.partners, "partners", "partner");

  AllocationInstance instance;
  instance.seed = input.seed;
  instance.offers.resize(input.offers.size());
  size_t priority_entries = 0;
  std::vector<uint32_t> listed_by(input.applicants.size(), UINT32_MAX);
  for (size_t o = 0; o < input.offers.size(); ++o) {
    const auto& offer = input.offers[o];
    auto& indexed = instance.offers[o];
    indexed.capacity = CheckedCapacity(offer.capacity, fmt::format("offers[{}].capacity", o));
    if (!offer.priority) {
      continue;
    }
    const std::string field = fmt::format("offers[{}].priority", o);
    priority_entries += offer.priority->size();
    if (priority_entries > AllocationLimits::kMaxPriorityEntriesTotal) {
      throw AllocationInputError(field, fmt::format("at most {} priority entries in all",
                                                    AllocationLimits::kMaxPriorityEntriesTotal));
    }
    indexed.ranks_by_priority = true;
    indexed.priority.reserve(offer.priority->size());
    for (const auto& [applicant_id, priority] : *offer.priority) {
      const auto found = applicant_ids.find(applicant_id);
      if (found == applicant_ids.end()) {
        throw AllocationInputError(field, fmt::format("unknown applicant \"{}\"", applicant_id));
      }
      if (!std::isfinite(priority)) {
        throw AllocationInputError(
            field, fmt::format("the priority of \"{}\" must be a finite number", applicant_id));
      }
      if (listed_by[found->second] == o) {
        throw AllocationInputError(field,
                                   fmt::format("applicant \"{}\" listed twice", applicant_id));
      }
      listed_by[found->second] = static_cast<uint32_t>(o);
      indexed.priority.emplace_back(found->second, priority);
    }
  }

  for (size_t p = 0; p < input.partners.size(); ++p) {
    const auto& partner = input.partners[p];
    instance.partners.push_back(
        {CheckedCapacity(partner.capacity, fmt::format("partners[{}].capacity", p))});
    for (size_t i = 0; i < partner.offers.size(); ++i) {
      const std::string field = fmt::format("partners[{}].offers[{}]", p, i);
      const auto found = offer_ids.find(partner.offers[i]);
      if (found == offer_ids.end()) {
        throw AllocationInputError(field, fmt::format("unknown offer \"{}\"", partner.offers[i]));
      }
      auto& offer = instance.offers[found->second];
      if (offer.partner >= 0) {
        throw AllocationInputError(
            field, fmt::format("offer \"{}\" is already under partner \"{}\"", partner.offers[i],
                               input.partners[offer.partner].id));
      }
      offer.partner = static_cast<int32_t>(p);
    }
  }

  size_t preferences = 0;
  for (const auto& applicant : input.applicants) {
    preferences += applicant.prefs.size();
  }
  CheckAllocationCount(preferences, AllocationLimits::kMaxPreferencesTotal, "applicants",
                       "preferences in all");
  instance.scores.reserve(input.applicants.size());
  instance.pref_begin.reserve(input.applicants.size() + 1);
  instance.pref_offer.reserve(preferences);
  instance.pref_begin.push_back(0);
  std::vector<uint32_t> ranked_by(input.offers.size(), UINT32_MAX);
  for (size_t a = 0; a < input.applicants.size(); ++a) {
    const auto& applicant = input.applicants[a];
    CheckFiniteScore(applicant.score, fmt::format("applicants[{}].score", a));
    instance.scores.push_back(applicant.score);
    if (applicant.prefs.size() > AllocationLimits::kMaxPreferences) {
      throw AllocationInputError(
          fmt::format("applicants[{}].prefs", a),
          fmt::format("at most {} preferences (got {})", AllocationLimits::kMaxPreferences,
                      applicant.prefs.size()));
    }
    for (size_t i = 0; i < applicant.prefs.size(); ++i) {
      const auto found = offer_ids.find(applicant.prefs[i]);
      if (found == offer_ids.end()) {
        throw AllocationInputError(fmt::format("applicants[{}].prefs[{}]", a, i),
                                   fmt::format("unknown offer \"{}\"", applicant.prefs[i]));
      }
      if (ranked_by[found->second] == a) {
        throw AllocationInputError(fmt::format("applicants[{}].prefs[{}]", a, i),
                                   fmt::format("offer \"{}\" ranked twice", applicant.prefs[i]));
      }
      ranked_by[found->second] = static_cast<uint32_t>(a);
      instance.pref_offer.push_back(found->second);
    }
    instance.pref_begin.push_back(static_cast<uint32_t>(instance.pref_offer.size()));
  }
  return instance;
}

}  // namespace weltcampus::exchange
