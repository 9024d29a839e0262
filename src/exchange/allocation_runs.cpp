#include "exchange/allocation_runs.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/error.h"
#include "exchange/allocation_json.h"
#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange/eligibility.h"
#include "exchange/scoring.h"
#include "exchange/students.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

CallInput BuildCallInput(store::Connection& c, const Call& call, const RoundBasis& basis,
                         uint64_t seed) {
  const auto weights = WeightsOf(call);
  CallInput out;
  out.input.seed = seed;
  auto offers = OffersOfCall(c, call.id);
  std::sort(offers.begin(), offers.end(),
            [](const Offer& a, const Offer& b) { return a.id < b.id; });
  std::vector<OfferRequirements> requirements;
  // Each offer ranks by its own weights where it has them (CheckOffer: all three), else the call's.
  std::vector<ScoreWeights> offer_weights;
  for (const auto& offer : offers) {
    ScoreWeights own = weights;
    if (offer.weight_grade && offer.weight_language && offer.weight_committee) {
      own.grade = *offer.weight_grade;
      own.language = *offer.weight_language;
      own.committee = *offer.weight_committee;
    }
    offer_weights.push_back(std::move(own));
    const auto taken = basis.taken.find(offer.id);
    // The partner's extra places are part of the offer's places (CheckOffer), not on top.
    const int64_t capacity = offer.places - (taken == basis.taken.end() ? 0 : taken->second);
    OfferInput entry;
    entry.id = applications::OfferKey(offer.id);
    entry.capacity = std::max<int64_t>(0, capacity);
    entry.priority.emplace();
    out.input.offers.push_back(std::move(entry));
    out.offer_ids.push_back(offer.id);
    requirements.push_back(RequirementsOf(offer, StayPeriodOf(call.academic_year, offer.term)));
  }
  for (const auto& application : applications::CheckedOfCall(c, call.id, basis.applications)) {
    const auto student = store::Found(StudentTable().Find(c, application.student_id), "Student");
    const auto facts = StudentFactsOf(c, student);
    const auto applicant =
        ApplicantOf(student, facts, application.committee_points, application.criteria_points);
    const double common = CommonScore(weights, applicant).total;
    const std::string key = applications::ApplicationKey(application.id);
    for (size_t i = 0; i < offers.size(); ++i) {
      if (IneligibilityReasons(facts, requirements[i]).empty()) {
        const ScoreWeights& own = offer_weights[i];
        const double total =
            OfferScore(own, applicant, offers[i].language, offers[i].cefr_level).total;
        out.input.offers[i].priority->emplace_back(key, AllocationValue(own, applicant, total));
      }
    }
    ApplicantInput entry;
    entry.id = key;
    entry.score = AllocationValue(weights, applicant, common);
    const auto refused = basis.refused.find(application.id);
    for (const int64_t offer_id : application.preferences) {
      if (refused == basis.refused.end() || !refused->second.contains(offer_id)) {
        entry.prefs.push_back(applications::OfferKey(offer_id));
      }
    }
    out.input.applicants.push_back(std::move(entry));
    out.application_ids.push_back(application.id);
    out.scores.push_back(common);
  }
  return out;
}

std::string AllocationInputJson(const AllocationInput& input) {
  nlohmann::json offers = nlohmann::json::array();
  for (const auto& offer : input.offers) {
    nlohmann::json entry = {{"id", offer.id}, {"capacity", offer.capacity}};
    if (offer.priority) {
      nlohmann::json priority = nlohmann::json::object();
      for (const auto& [id, value] : *offer.priority) {
        priority[id] = value;
      }
      entry["priority"] = std::move(priority);
    }
    offers.push_back(std::move(entry));
  }
  nlohmann::json applicants = nlohmann::json::array();
  for (const auto& applicant : input.applicants) {
    applicants.push_back(
        {{"id", applicant.id}, {"score", applicant.score}, {"prefs", applicant.prefs}});
  }
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& partner : input.partners) {
    partners.push_back(
        {{"id", partner.id}, {"capacity", partner.capacity}, {"offers", partner.offers}});
  }
  return nlohmann::json{{"offers", std::move(offers)},
                        {"applicants", std::move(applicants)},
                        {"partners", std::move(partners)},
                        {"seed", input.seed}}
      .dump();
}

CallInstance CallInstanceOf(const AllocationInput& input) {
  CallInstance out;
  out.instance = IndexAllocationInput(input);
  for (const auto& offer : input.offers) {
    out.offer_ids.push_back(applications::IdOfKey(offer.id));
  }
  for (const auto& applicant : input.applicants) {
    out.application_ids.push_back(applications::IdOfKey(applicant.id));
  }
  return out;
}

CallInstance RunInstance(store::Connection& c, int64_t run_id) {
  const std::string text = runs::Input(c, run_id);
  try {
    const auto json = nlohmann::json::parse(text);
    if (json.contains("budget_days")) {
      throw ValidationError("run",
                            "This run is of a funding call: it grants months within a budget and "
                            "has no places or offers");
    }
    return CallInstanceOf(ReadAllocationInput(json));
  } catch (const nlohmann::json::exception&) {
    throw ApiError(ErrorCode::kInternal, "The stored input of this run is damaged");
  }
}

std::optional<int64_t> LatestRunId(store::Connection& c, int64_t call_id) {
  const auto row = c.QueryOne(
      "SELECT id FROM allocation_runs WHERE call_id = :call AND status <> :superseded "
      "ORDER BY id DESC LIMIT 1",
      store::Params()
          .Set("call", call_id)
          .Set("superseded", kRunStatusTable.Name(RunStatus::kSuperseded)));
  if (!row) {
    return std::nullopt;
  }
  return row->Int("id");
}

}  // namespace weltcampus::exchange
