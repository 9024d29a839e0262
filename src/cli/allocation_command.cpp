// `weltcampus allocation solve FILE.json`: the allocation core on an instance file.

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "core/error.h"
#include "exchange/allocation.h"
#include "exchange/allocation_json.h"

namespace weltcampus::cli {
namespace {

// An instance of 10^6 applicants with 10 preferences each is about 150 MB.
constexpr std::uintmax_t kMaxInstanceFileBytes = 1024ULL * 1024 * 1024;

int PrintAllocationError(const ApiError& error) {
  std::cerr << error.ToJson().dump() << "\n";
  return 2;
}

// "offer:o1:2" or "partner:p1:1"; the id may hold colons.
exchange::ExtraPlaces ParseWhatIf(const std::string& text, const exchange::AllocationInput& input) {
  const auto first = text.find(':');
  const auto last = text.rfind(':');
  if (first == std::string::npos || first == last) {
    throw ValidationError("--what-if", "give offer:ID:K or partner:ID:K");
  }
  const std::string kind = text.substr(0, first);
  const std::string id = text.substr(first + 1, last - first - 1);
  exchange::ExtraPlaces extra;
  try {
    size_t used = 0;
    const std::string places = text.substr(last + 1);
    extra.places = std::stoi(places, &used);
    if (used != places.size() || extra.places < 1 || extra.places > 1'000'000) {
      throw std::invalid_argument("range");
    }
  } catch (const std::exception&) {
    throw ValidationError("--what-if", "K must be a whole number from 1 to 1000000");
  }
  auto find = [&](const auto& items) -> int32_t {
    for (size_t i = 0; i < items.size(); ++i) {
      if (items[i].id == id) {
        return static_cast<int32_t>(i);
      }
    }
    throw ValidationError("--what-if", fmt::format("unknown {} \"{}\"", kind, id));
  };
  if (kind == "offer") {
    extra.offer = find(input.offers);
  } else if (kind == "partner") {
    extra.partner = find(input.partners);
  } else {
    throw ValidationError("--what-if", "give offer:ID:K or partner:ID:K");
  }
  return extra;
}

}  // namespace

int SolveAllocation(const AllocationSolveOptions& options) {
  try {
    if (std::filesystem::file_size(options.file) > kMaxInstanceFileBytes) {
      throw ApiError(
          ErrorCode::kPayloadTooLarge,
          fmt::format("the instance file is larger than {} bytes", kMaxInstanceFileBytes));
    }
    std::ifstream stream(options.file, std::ios::binary);
    if (!stream) {
      throw ApiError(ErrorCode::kBadRequest, fmt::format("cannot read {}", options.file));
    }
    nlohmann::json document;
    try {
      document = nlohmann::json::parse(stream);
    } catch (const nlohmann::json::exception& error) {  // malformed, or a number out of range
      throw ApiError(ErrorCode::kBadRequest, fmt::format("not JSON: {}", error.what()));
    }
    const exchange::AllocationInput input = exchange::ReadAllocationInput(document);
    document = nullptr;
    const exchange::AllocationInstance instance = exchange::IndexAllocationInput(input);
    const exchange::Allocation allocation = exchange::Allocate(instance);

    exchange::AllocationJsonParts parts;
    std::vector<exchange::Explanation> explanations;
    if (options.explain) {
      explanations = exchange::ExplainAllocation(instance, allocation);
      parts.explanations = &explanations;
    }
    exchange::AllocationWhatIf what_if;
    if (!options.what_if.empty()) {
      what_if.extra = ParseWhatIf(options.what_if, input);
      what_if.result = exchange::WhatIf(instance, allocation, what_if.extra);
      parts.what_if = &what_if;
    }
    std::vector<exchange::OneMorePlace> one_more_place;
    if (options.one_more_place > 0) {
      one_more_place = exchange::RankOneMorePlace(instance, allocation, options.one_more_place);
      parts.one_more_place = &one_more_place;
    }
    std::cout << exchange::AllocationResultJson(input, allocation, parts) << "\n";
    return 0;
  } catch (const ApiError& error) {
    return PrintAllocationError(error);
  }
}

}  // namespace weltcampus::cli
