#include "exchange/funding_runs.h"

#include <map>
#include <set>

#include "core/error.h"
#include "exchange/applications.h"
#include "exchange/applications_service.h"
#include "exchange/funding.h"
#include "exchange/funding_ranking.h"
#include "exchange/scoring.h"
#include "exchange/students.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

namespace {

FundingInput FundingInputOf(const std::string& text) {
  try {
    const auto json = nlohmann::json::parse(text);
    FundingInput input;
    input.seed = json.at("seed").get<uint64_t>();
    input.budget_days = json.at("budget_days").get<int64_t>();
    for (const auto& entry : json.at("applicants")) {
      input.applicants.push_back({entry.at("id").get<std::string>(),
                                  entry.at("score").get<double>(), entry.at("shown").get<double>(),
                                  entry.at("days").get<int64_t>(),
                                  entry.at("eligible").get<bool>()});
    }
    return input;
  } catch (const nlohmann::json::exception&) {
    throw ApiError(ErrorCode::kInternal, "The stored input of this funding run is damaged");
  }
}

std::string FundingInputJson(const FundingInput& input) {
  nlohmann::json applicants = nlohmann::json::array();
  for (const auto& applicant : input.applicants) {
    applicants.push_back({{"id", applicant.id},
                          {"score", applicant.value},
                          {"shown", applicant.score},
                          {"days", applicant.days},
                          {"eligible", applicant.eligible}});
  }
  return nlohmann::json{{"offers", nlohmann::json::array()},
                        {"applicants", std::move(applicants)},
                        {"partners", nlohmann::json::array()},
                        {"seed", input.seed},
                        {"budget_days", input.budget_days}}
      .dump();
}

nlohmann::json NullOr(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

ComputedRun ComputeFundingRun(store::Connection& c, const Call& call, const RoundBasis& basis,
                              uint64_t seed) {
  const auto weights = WeightsOf(call);
  FundingInput built;
  built.seed = seed;
  built.budget_days = std::max<int64_t>(0, call.funded_months.value_or(0) * 30 - basis.taken_days);
  std::vector<std::vector<IneligibilityReason>> reasons;
  for (const auto& application : applications::CheckedOfCall(c, call.id, basis.applications)) {
    const auto student = store::Found(StudentTable().Find(c, application.student_id), "Student");
    const auto facts = StudentFactsOf(c, student);
    const auto applicant =
        ApplicantOf(student, facts, application.committee_points, application.criteria_points);
    const double common = CommonScore(weights, applicant).total;
    // Without a stay (never through the routes) the stay is of 0 days: too short.
    const PlannedStay stay = application.stay.value_or(PlannedStay{});
    reasons.push_back(FundingIneligibilityReasons(facts, stay, call.academic_year));
    built.applicants.push_back({applications::ApplicationKey(application.id),
                                AllocationValue(weights, applicant, common), common, stay.days,
                                reasons.back().empty()});
  }
  if (built.applicants.empty()) {
    throw ValidationError("applications", basis.round == 1
                                              ? "This call has no checked applications to rank"
                                              : "No applicant of earlier rounds is left unfunded");
  }
  // Ranked from the input as stored, so that the run is what its input gives.
  ComputedRun out;
  out.input = FundingInputJson(built);
  const auto input = FundingInputOf(out.input);
  const auto ranking = RankForFunding(input);

  out.run.call_id = call.id;
  out.run.round = basis.round;
  out.run.seed = seed;
  out.run.applicants = static_cast<int64_t>(input.applicants.size());
  out.run.budget_days = input.budget_days;
  out.run.days_granted = ranking.days_granted;
  for (size_t i = 0; i < input.applicants.size(); ++i) {
    const auto& applicant = input.applicants[i];
    const auto& outcome = ranking.outcomes[i];
    nlohmann::json why = nlohmann::json::array();
    for (const auto& reason : reasons[i]) {
      why.push_back(ToJson(reason));
    }
    RunResult result;
    result.application_id = applications::IdOfKey(applicant.id);
    result.score = applicant.score;
    result.days_granted = outcome.days_granted;
    result.explanation = nlohmann::json{
        {"rank", outcome.rank ? nlohmann::json(*outcome.rank) : nlohmann::json()},
        {"status", kFundingStatusTable.Name(outcome.status)},
        {"days_asked", applicant.days},
        {"budget_left_before", outcome.budget_left_before},
        {"cutoff", NullOr(outcome.cutoff)},
        {"lost_on_lottery", outcome.lost_on_lottery},
        {"reasons", why}}.dump();
    out.run.placed += outcome.days_granted > 0 ? 1 : 0;
    out.results.push_back(std::move(result));
  }
  return out;
}

bool RepeatFundingRun(store::Connection& c, int64_t run_id) {
  const auto input = FundingInputOf(runs::Input(c, run_id));
  const auto ranking = RankForFunding(input);
  std::map<int64_t, int64_t> stored;
  for (const auto& result : runs::AllResults(c, run_id)) {
    stored[result.application_id] = result.days_granted.value_or(-1);
  }
  if (stored.size() != input.applicants.size()) {
    return false;
  }
  for (size_t i = 0; i < input.applicants.size(); ++i) {
    const auto it = stored.find(applications::IdOfKey(input.applicants[i].id));
    if (it == stored.end() || it->second != ranking.outcomes[i].days_granted) {
      return false;
    }
  }
  return true;
}

nlohmann::json FundingOfRun(const AllocationRun& run) {
  if (!run.budget_days) {
    return nullptr;
  }
  const int64_t granted = run.days_granted.value_or(0);
  const int64_t left = *run.budget_days - granted;
  return {{"budget_days", *run.budget_days},
          {"budget_months", MonthsOfDays(*run.budget_days)},
          {"days_granted", granted},
          {"months_granted", MonthsOfDays(granted)},
          {"days_left", left},
          {"months_left", MonthsOfDays(left)}};
}

nlohmann::json FundingOfRunSchema() {
  const nlohmann::json integer = {{"type", "integer"}};
  const nlohmann::json number = {{"type", "number"}};
  const nlohmann::json funding = {{"type", "object"},
                                  {"additionalProperties", false},
                                  {"required",
                                   {"budget_days", "budget_months", "days_granted",
                                    "months_granted", "days_left", "months_left"}},
                                  {"properties",
                                   {{"budget_days", integer},
                                    {"budget_months", number},
                                    {"days_granted", integer},
                                    {"months_granted", number},
                                    {"days_left", integer},
                                    {"months_left", number}}}};
  return {{"anyOf", {funding, {{"type", "null"}}}}};
}

nlohmann::json FundingOfResult(const RunResult& result) {
  if (!result.days_granted) {
    return nullptr;
  }
  auto facts = nlohmann::json::parse(result.explanation, nullptr, false);
  if (!facts.is_object()) {
    facts = nlohmann::json::object();
  }
  const int64_t asked = facts.value("days_asked", int64_t{0});
  return {
      {"rank", facts.value("rank", nlohmann::json())},
      {"status",
       facts.value("status", std::string(kFundingStatusTable.Name(FundingStatus::kNotEligible)))},
      {"days_asked", asked},
      {"months_asked", MonthsOfDays(asked)},
      {"days_granted", *result.days_granted},
      {"months_granted", MonthsOfDays(*result.days_granted)},
      {"cutoff", facts.value("cutoff", nlohmann::json())},
      {"lost_on_lottery", facts.value("lost_on_lottery", false)},
      {"reasons", facts.value("reasons", nlohmann::json::array())}};
}

nlohmann::json FundingOfResultSchema() {
  const nlohmann::json integer = {{"type", "integer"}};
  const nlohmann::json number = {{"type", "number"}};
  const nlohmann::json funding = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required",
       {"rank", "status", "days_asked", "months_asked", "days_granted", "months_granted", "cutoff",
        "lost_on_lottery", "reasons"}},
      {"properties",
       {{"rank", {{"type", {"integer", "null"}}}},
        {"status", {{"type", "string"}, {"enum", kFundingStatusTable.Json()}}},
        {"days_asked", integer},
        {"months_asked", number},
        {"days_granted", integer},
        {"months_granted", number},
        {"cutoff", {{"type", {"number", "null"}}}},
        {"lost_on_lottery", {{"type", "boolean"}}},
        {"reasons", {{"type", "array"}, {"items", IneligibilityReasonSchema()}}}}}};
  return {{"anyOf", {funding, {{"type", "null"}}}}};
}

}  // namespace weltcampus::exchange
