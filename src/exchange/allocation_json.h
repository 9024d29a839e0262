#pragma once

// The allocation's instance file and result as JSON (`weltcampus allocation solve`,
// docs/allocation.md):
//
//   {"offers": [{"id": "o1", "capacity": 2, "priority": {"a1": 87.5}}],
//    "applicants": [{"id": "a1", "score": 80.0, "prefs": ["o2", "o1"]}],
//    "partners": [{"id": "p1", "capacity": 3, "offers": ["o1", "o2"]}],   (optional)
//    "seed": 7}
//
// gives {"seed": 7, "assignment": {"a1": "o1"}, "cutoffs": {"o1": 80.0, "o2": null}, ...}.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "exchange/allocation.h"

namespace weltcampus::exchange {

// Reads an instance; a wrong type, a missing or unknown member is an AllocationInputError naming
// the field. The references between ids are checked by IndexAllocationInput.
AllocationInput ReadAllocationInput(const nlohmann::json& document);

struct AllocationWhatIf {
  ExtraPlaces extra;
  WhatIfResult result;
};

// What the result's JSON holds beyond seed, assignment and cutoffs.
struct AllocationJsonParts {
  const std::vector<Explanation>* explanations = nullptr;
  const AllocationWhatIf* what_if = nullptr;
  const std::vector<OneMorePlace>* one_more_place = nullptr;
};

// A reason's name in the JSON: not_eligible, offer_full, partner_full.
std::string_view ReasonName(PreferenceExplanation::Reason reason);

// The result as JSON text, applicants and offers in the input's order.
std::string AllocationResultJson(const AllocationInput& input, const Allocation& allocation,
                                 const AllocationJsonParts& parts = {});

}  // namespace weltcampus::exchange
