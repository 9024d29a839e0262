#include "exchange/allocation_json.h"

#include <fmt/format.h>

#include <initializer_list>
#include <string_view>

#include "core/json_writer.h"

namespace weltcampus::exchange {
namespace {

using AllocJson = nlohmann::json;

const AllocJson& AllocationObject(const AllocJson& value, const std::string& field,
                                  std::initializer_list<std::string_view> members) {
  if (!value.is_object()) {
    throw AllocationInputError(field, "must be an object");
  }
  for (const auto& [key, member] : value.items()) {
    bool known = false;
    for (std::string_view name : members) {
      known = known || key == name;
    }
    if (!known) {
      throw AllocationInputError(field.empty() ? key : field + "." + key, "unknown member");
    }
  }
  return value;
}

std::string AllocationMemberField(const std::string& field, std::string_view key) {
  return field.empty() ? std::string(key) : fmt::format("{}.{}", field, key);
}

const AllocJson* AllocationMember(const AllocJson& object, std::string_view key) {
  const auto found = object.find(key);
  return found == object.end() || found->is_null() ? nullptr : &*found;
}

const AllocJson& RequiredAllocationMember(const AllocJson& object, const std::string& field,
                                          std::string_view key) {
  const AllocJson* member = AllocationMember(object, key);
  if (member == nullptr) {
    throw AllocationInputError(AllocationMemberField(field, key), "is required");
  }
  return *member;
}

const AllocJson& AllocationArray(const AllocJson& value, const std::string& field, size_t limit) {
  if (!value.is_array()) {
    throw AllocationInputError(field, "must be an array");
  }
  if (value.size() > limit) {
    throw AllocationInputError(field,
                               fmt::format("at most {} items (got {})", limit, value.size()));
  }
  return value;
}

std::string AllocationText(const AllocJson& value, const std::string& field) {
  if (!value.is_string()) {
    throw AllocationInputError(field, "must be a string");
  }
  return value.get<std::string>();
}

int64_t AllocationInteger(const AllocJson& value, const std::string& field) {
  if (value.is_number_unsigned()) {
    const auto number = value.get<uint64_t>();
    if (number > static_cast<uint64_t>(INT64_MAX)) {
      throw AllocationInputError(field, "is too large");
    }
    return static_cast<int64_t>(number);
  }
  if (!value.is_number_integer()) {
    throw AllocationInputError(field, "must be an integer");
  }
  return value.get<int64_t>();
}

// Numbers only; a finite value is checked by IndexAllocationInput (a number too large for a double
// reads as infinity).
double AllocationNumber(const AllocJson& value, const std::string& field) {
  if (!value.is_number()) {
    throw AllocationInputError(field, "must be a number");
  }
  return value.get<double>();
}

std::vector<std::string> AllocationIdList(const AllocJson& value, const std::string& field,
                                          size_t limit) {
  std::vector<std::string> ids;
  const AllocJson& array = AllocationArray(value, field, limit);
  ids.reserve(array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    ids.push_back(AllocationText(array[i], fmt::format("{}[{}]", field, i)));
  }
  return ids;
}

void WriteOfferOrNull(JsonWriter& out, const AllocationInput& input, int32_t offer) {
  if (offer < 0) {
    out.Null();
  } else {
    out.String(input.offers[offer].id);
  }
}

void WriteWhatIfResult(JsonWriter& out, const AllocationInput& input, const WhatIfResult& result) {
  out.Key("newly_placed").Int(result.newly_placed);
  out.Key("improved").Int(result.improved);
  out.Key("worse").Int(result.worse);
  out.Key("moves").BeginArray();
  for (const auto& move : result.moves) {
    out.BeginObject().Key("applicant").String(input.applicants[move.applicant].id);
    out.Key("from");
    WriteOfferOrNull(out, input, move.from);
    out.Key("to");
    WriteOfferOrNull(out, input, move.to);
    out.EndObject();
  }
  out.EndArray();
}

}  // namespace

std::string_view ReasonName(PreferenceExplanation::Reason reason) {
  switch (reason) {
    case PreferenceExplanation::Reason::kNotEligible:
      return "not_eligible";
    case PreferenceExplanation::Reason::kOfferFull:
      return "offer_full";
    case PreferenceExplanation::Reason::kPartnerFull:
      return "partner_full";
  }
  return "unknown";
}

AllocationInput ReadAllocationInput(const AllocJson& document) {
  const AllocJson& root =
      AllocationObject(document, "", {"offers", "applicants", "partners", "seed"});
  AllocationInput input;

  const AllocJson& offers = AllocationArray(RequiredAllocationMember(root, "", "offers"), "offers",
                                            AllocationLimits::kMaxOffers);
  input.offers.reserve(offers.size());
  for (size_t o = 0; o < offers.size(); ++o) {
    const std::string field = fmt::format("offers[{}]", o);
    const AllocJson& item = AllocationObject(offers[o], field, {"id", "capacity", "priority"});
    OfferInput offer;
    offer.id = AllocationText(RequiredAllocationMember(item, field, "id"), field + ".id");
    offer.capacity =
        AllocationInteger(RequiredAllocationMember(item, field, "capacity"), field + ".capacity");
    if (const AllocJson* priority = AllocationMember(item, "priority")) {
      const std::string priority_field = field + ".priority";
      if (!priority->is_object()) {
        throw AllocationInputError(priority_field, "must be an object of applicant ids and scores");
      }
      offer.priority.emplace();
      offer.priority->reserve(priority->size());
      for (const auto& [applicant, score] : priority->items()) {
        offer.priority->emplace_back(
            applicant, AllocationNumber(score, fmt::format("{}.{}", priority_field, applicant)));
      }
    }
    input.offers.push_back(std::move(offer));
  }

  const AllocJson& applicants = AllocationArray(RequiredAllocationMember(root, "", "applicants"),
                                                "applicants", AllocationLimits::kMaxApplicants);
  input.applicants.reserve(applicants.size());
  for (size_t a = 0; a < applicants.size(); ++a) {
    const std::string field = fmt::format("applicants[{}]", a);
    const AllocJson& item = AllocationObject(applicants[a], field, {"id", "score", "prefs"});
    ApplicantInput applicant;
    applicant.id = AllocationText(RequiredAllocationMember(item, field, "id"), field + ".id");
    applicant.score =
        AllocationNumber(RequiredAllocationMember(item, field, "score"), field + ".score");
    if (const AllocJson* prefs = AllocationMember(item, "prefs")) {
      applicant.prefs =
          AllocationIdList(*prefs, field + ".prefs", AllocationLimits::kMaxPreferences);
    }
    input.applicants.push_back(std::move(applicant));
  }

  if (const AllocJson* partners = AllocationMember(root, "partners")) {
    AllocationArray(*partners, "partners", AllocationLimits::kMaxPartners);
    for (size_t p = 0; p < partners->size(); ++p) {
      const std::string field = fmt::format("partners[{}]", p);
      const AllocJson& item = AllocationObject((*partners)[p], field, {"id", "capacity", "offers"});
      PartnerInput partner;
      partner.id = AllocationText(RequiredAllocationMember(item, field, "id"), field + ".id");
      partner.capacity =
          AllocationInteger(RequiredAllocationMember(item, field, "capacity"), field + ".capacity");
      partner.offers = AllocationIdList(RequiredAllocationMember(item, field, "offers"),
                                        field + ".offers", AllocationLimits::kMaxOffers);
      input.partners.push_back(std::move(partner));
    }
  }

  const AllocJson& seed = RequiredAllocationMember(root, "", "seed");
  if (seed.is_number_unsigned()) {
    input.seed = seed.get<uint64_t>();
  } else if (seed.is_number_integer() && seed.get<int64_t>() >= 0) {
    input.seed = static_cast<uint64_t>(seed.get<int64_t>());
  } else {
    throw AllocationInputError("seed", "must be an integer from 0 to 2^64-1");
  }
  return input;
}

std::string AllocationResultJson(const AllocationInput& input, const Allocation& allocation,
                                 const AllocationJsonParts& parts) {
  std::string text;
  JsonWriter out(text);
  out.BeginObject();
  out.Key("seed").Value(nlohmann::json(allocation.seed));
  out.Key("assignment").BeginObject();
  for (size_t a = 0; a < input.applicants.size(); ++a) {
    out.Key(input.applicants[a].id);
    WriteOfferOrNull(out, input, allocation.assignment[a]);
  }
  out.EndObject();
  out.Key("cutoffs").BeginObject();
  for (size_t o = 0; o < input.offers.size(); ++o) {
    out.Key(input.offers[o].id).Value(allocation.cutoffs[o]);
  }
  out.EndObject();
  if (!input.partners.empty()) {
    out.Key("partner_cutoffs").BeginObject();
    for (size_t p = 0; p < input.partners.size(); ++p) {
      out.Key(input.partners[p].id).Value(allocation.partner_cutoffs[p]);
    }
    out.EndObject();
  }
  if (parts.explanations != nullptr) {
    out.Key("explanations").BeginObject();
    for (size_t a = 0; a < input.applicants.size(); ++a) {
      const auto& explanation = (*parts.explanations)[a];
      out.Key(input.applicants[a].id).BeginObject().Key("offer");
      WriteOfferOrNull(out, input, explanation.offer);
      out.Key("higher").BeginArray();
      for (const auto& why : explanation.higher) {
        out.BeginObject().Key("offer").String(input.offers[why.offer].id);
        out.Key("reason").String(ReasonName(why.reason));
        if (why.partner >= 0) {
          out.Key("partner").String(input.partners[why.partner].id);
        }
        if (why.reason != PreferenceExplanation::Reason::kNotEligible) {
          out.Key("cutoff").Value(why.cutoff);
          out.Key(why.reason == PreferenceExplanation::Reason::kPartnerFull ? "standing"
                                                                            : "priority")
              .Number(why.own);
          out.Key("lottery").Bool(why.lost_on_lottery);
        }
        out.EndObject();
      }
      out.EndArray().EndObject();
    }
    out.EndObject();
  }
  if (parts.what_if != nullptr) {
    const auto& extra = parts.what_if->extra;
    out.Key("what_if").BeginObject();
    if (extra.offer >= 0) {
      out.Key("offer").String(input.offers[extra.offer].id);
    }
    if (extra.partner >= 0) {
      out.Key("partner").String(input.partners[extra.partner].id);
    }
    out.Key("places").Int(extra.places);
    WriteWhatIfResult(out, input, parts.what_if->result);
    out.EndObject();
  }
  if (parts.one_more_place != nullptr) {
    out.Key("one_more_place").BeginArray();
    for (const auto& entry : *parts.one_more_place) {
      out.BeginObject().Key("offer").String(input.offers[entry.offer].id);
      WriteWhatIfResult(out, input, entry.effect);
      out.EndObject();
    }
    out.EndArray();
  }
  out.EndObject();
  return text;
}

}  // namespace weltcampus::exchange
