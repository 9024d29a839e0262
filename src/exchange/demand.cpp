#include "exchange/demand.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/academic_year.h"
#include "core/error.h"
#include "core/json_schema.h"
#include "exchange/allocation_runs.h"
#include "exchange/application_retention.h"
#include "organisation/repository.h"

namespace weltcampus::exchange {

namespace {

// The applications that count: submitted or checked.
constexpr const char* kDemandCounted = "a.status IN ('submitted', 'checked')";

// Per offer of the call: its places and how many counted applications rank it first and at all.
const std::string kDemandCallOffersSql =
    std::string(
        "SELECT o.id AS offer_id, o.partnership_id, o.partner_name, o.term, "
        "o.places AS places, "
        "COALESCE(SUM(CASE WHEN p.position = 1 THEN 1 ELSE 0 END), 0) AS first_preference, "
        "COUNT(p.offer_id) AS any_preference "
        "FROM call_offers o LEFT JOIN (SELECT p.offer_id, p.position FROM application_preferences "
        "p "
        "JOIN applications a ON a.id = p.application_id WHERE a.call_id = :call_id AND ") +
    kDemandCounted +
    ") p ON p.offer_id = o.id WHERE o.call_id = :call_id "
    "GROUP BY o.id, o.partnership_id, o.partner_name, o.partner_name_key, o.term, o.places "
    "ORDER BY o.partner_name_key, o.id";

// The places a run gave, per offer.
constexpr const char* kDemandRunPlacedSql =
    "SELECT offer_id, COUNT(*) AS placed FROM allocation_results WHERE run_id = :run_id AND "
    "offer_id IS NOT NULL GROUP BY offer_id";

// The newest run of a call that is not superseded, in SQL (as allocation_runs.h: LatestRunId).
constexpr const char* kDemandLatestRunOfCall =
    "(SELECT MAX(x.id) FROM allocation_runs x WHERE x.call_id = c.id AND x.status <> "
    "'superseded')";

// The counts kept of a purged call's offers (application_retention.h): read instead of its
// applications, which are gone.
constexpr const char* kDemandRetained = "LEFT JOIN retained_offer_counts k ON k.offer_id = o.id";

// Per partnership and year of the unit's places calls: places and preferences, per offer first.
const std::string kDemandYearsSql =
    std::string(
        "SELECT d.academic_year, d.partnership_id, MAX(d.partner_name) AS partner_name, "
        "SUM(d.places) AS places, SUM(d.first_preference) AS first_preference, "
        "SUM(d.any_preference) AS any_preference FROM (SELECT c.academic_year, o.partnership_id, "
        "o.partner_name, o.places AS places, "
        "CASE WHEN k.offer_id IS NOT NULL THEN k.first_preference ELSE "
        "(SELECT COUNT(*) FROM application_preferences p JOIN applications a ON a.id = "
        "p.application_id WHERE p.offer_id = o.id AND p.position = 1 AND ") +
    kDemandCounted +
    ") END AS first_preference, CASE WHEN k.offer_id IS NOT NULL THEN k.any_preference ELSE "
    "(SELECT COUNT(*) FROM application_preferences p JOIN applications a "
    "ON a.id = p.application_id WHERE p.offer_id = o.id AND " +
    kDemandCounted +
    ") END AS any_preference FROM calls c JOIN call_offers o ON o.call_id = c.id " +
    kDemandRetained +
    " WHERE c.org_unit_id = :unit AND c.kind = 'places' AND c.academic_year BETWEEN :from AND :to"
    ") d GROUP BY d.academic_year, d.partnership_id";

// The same grouping over the offers of calls with a run: placed and left empty in the latest.
const std::string kDemandYearsPlacedSql =
    std::string(
        "SELECT d.academic_year, d.partnership_id, SUM(d.placed) AS placed, "
        "SUM(CASE WHEN d.places > d.placed THEN d.places - d.placed ELSE 0 END) AS left_empty "
        "FROM (SELECT c.academic_year, o.partnership_id, o.places AS places, "
        "CASE WHEN k.offer_id IS NOT NULL THEN k.placed ELSE "
        "(SELECT COUNT(*) FROM allocation_results r WHERE r.run_id = ") +
    kDemandLatestRunOfCall +
    " AND r.offer_id = o.id) END AS placed FROM calls c JOIN call_offers o ON o.call_id = c.id " +
    kDemandRetained +
    " WHERE c.org_unit_id = :unit AND c.kind = 'places' AND c.academic_year BETWEEN :from AND :to "
    "AND " +
    kDemandLatestRunOfCall + " IS NOT NULL) d GROUP BY d.academic_year, d.partnership_id";

nlohmann::json OrNull(const std::optional<int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}
nlohmann::json OrNull(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

std::optional<int64_t> AddKnown(std::optional<int64_t> sum, const std::optional<int64_t>& value) {
  if (!value) {
    return sum;
  }
  return sum.value_or(0) + *value;
}

// A purged call's figures are the kept ones (its run's results of deleted applications are gone).
void UseRetained(CallDemand& demand, const RetainedCall& retained) {
  demand.run_id = retained.run_id;
  std::map<int64_t, const RetainedOffer*> kept;
  for (const auto& [id, offer] : retained.offers) {
    kept[id] = &offer;
  }
  for (auto& offer : demand.offers) {
    const auto found = kept.find(offer.offer_id);
    if (found == kept.end()) {  // an offer added after the purge: nobody applied for it
      offer.first_preference = 0;
      offer.any_preference = 0;
      continue;
    }
    offer.first_preference = found->second->first_preference;
    offer.any_preference = found->second->any_preference;
    offer.placed = found->second->placed;
    offer.left_empty = found->second->left_empty;
  }
}

}  // namespace

std::optional<double> Oversubscription(int64_t first_preference, int64_t places) {
  if (places <= 0) {
    return std::nullopt;
  }
  // Two decimals are enough for a ratio people read.
  return std::round(100.0 * static_cast<double>(first_preference) / static_cast<double>(places)) /
         100.0;
}

CallDemand LoadCallDemand(store::Connection& c, int64_t call_id) {
  store::Found(FindCall(c, call_id), "Call");
  CallDemand demand;
  demand.call_id = call_id;
  for (const auto& row : c.Query(kDemandCallOffersSql, store::Params().Set("call_id", call_id))) {
    demand.offers.push_back({row.Int("offer_id"), row.Int("partnership_id"),
                             row.Text("partner_name"), kOfferTermTable.FromStored(row.Text("term")),
                             row.Int("places"), row.Int("first_preference"),
                             row.Int("any_preference"), std::nullopt, std::nullopt});
  }
  demand.run_id = LatestRunId(c, call_id);
  if (auto retained = RetainedCountsOf(c, call_id)) {
    UseRetained(demand, *retained);
    return demand;
  }
  if (demand.run_id) {
    std::map<int64_t, int64_t> placed;
    for (const auto& row :
         c.Query(kDemandRunPlacedSql, store::Params().Set("run_id", *demand.run_id))) {
      placed[row.Int("offer_id")] = row.Int("placed");
    }
    for (auto& offer : demand.offers) {
      const auto found = placed.find(offer.offer_id);
      offer.placed = found == placed.end() ? 0 : found->second;
      offer.left_empty = std::max<int64_t>(0, offer.places - *offer.placed);
    }
  }
  return demand;
}

DemandOverYears LoadDemandOverYears(store::Connection& c, int64_t org_unit_id, int from, int to) {
  if (from > to) {
    throw ValidationError("from_year", "Must not be after to_year");
  }
  if (to - from > kMaxDemandYearsApart) {
    throw ValidationError("to_year", "At most " + std::to_string(kMaxDemandYearsApart) +
                                         " academic years after from_year");
  }
  if (!organisation::repository::FindOrgUnit(c, org_unit_id)) {
    throw ValidationError("org_unit_id", "No such organisational unit");
  }
  DemandOverYears demand;
  demand.org_unit_id = org_unit_id;
  demand.from = from;
  demand.to = to;
  const auto params = store::Params().Set("unit", org_unit_id).Set("from", from).Set("to", to);
  std::map<int64_t, PartnerDemand> partners;
  std::map<std::pair<int64_t, int>, YearDemand*> cells;
  for (const auto& row : c.Query(kDemandYearsSql, params)) {
    auto& partner = partners[row.Int("partnership_id")];
    partner.partnership_id = row.Int("partnership_id");
    partner.partner_name = std::max(partner.partner_name, row.Text("partner_name"));
    partner.years.push_back({static_cast<int>(row.Int("academic_year")), row.Int("places"),
                             row.Int("first_preference"), row.Int("any_preference"), std::nullopt,
                             std::nullopt});
  }
  for (auto& [id, partner] : partners) {
    std::sort(
        partner.years.begin(), partner.years.end(),
        [](const YearDemand& a, const YearDemand& b) { return a.academic_year < b.academic_year; });
    for (auto& year : partner.years) {
      cells[{id, year.academic_year}] = &year;
      partner.oversubscribed_years += year.first_preference > year.places ? 1 : 0;
    }
  }
  for (const auto& row : c.Query(kDemandYearsPlacedSql, params)) {
    const auto found =
        cells.find({row.Int("partnership_id"), static_cast<int>(row.Int("academic_year"))});
    if (found != cells.end()) {
      found->second->placed = AddKnown(found->second->placed, row.Int("placed"));
      found->second->left_empty = AddKnown(found->second->left_empty, row.Int("left_empty"));
    }
  }
  for (auto& [id, partner] : partners) {
    demand.partners.push_back(std::move(partner));
  }
  // Most over-subscribed years first, then first preferences per place over the range (first
  // preferences without places above any ratio; compared as cross products, no division), then
  // by name and id.
  const auto totals = [](const PartnerDemand& p) {
    std::pair<int64_t, int64_t> sum{0, 0};
    for (const auto& year : p.years) {
      sum.first += year.first_preference;
      sum.second += year.places;
    }
    return sum;
  };
  const auto shorter = [](std::pair<int64_t, int64_t> a, std::pair<int64_t, int64_t> b) {
    const bool a_none = a.second == 0 && a.first > 0;
    const bool b_none = b.second == 0 && b.first > 0;
    if (a_none || b_none) {
      return a_none != b_none ? (a_none ? 1 : -1) : (a.first > b.first) - (a.first < b.first);
    }
    const auto left = static_cast<__int128>(a.first) * b.second;
    const auto right = static_cast<__int128>(b.first) * a.second;
    return (left > right) - (left < right);
  };
  std::stable_sort(demand.partners.begin(), demand.partners.end(),
                   [&](const PartnerDemand& a, const PartnerDemand& b) {
                     if (a.oversubscribed_years != b.oversubscribed_years) {
                       return a.oversubscribed_years > b.oversubscribed_years;
                     }
                     if (const int order = shorter(totals(a), totals(b)); order != 0) {
                       return order > 0;
                     }
                     if (a.partner_name != b.partner_name) {
                       return a.partner_name < b.partner_name;
                     }
                     return a.partnership_id < b.partnership_id;
                   });
  return demand;
}

nlohmann::json ToJson(const CallDemand& demand) {
  nlohmann::json offers = nlohmann::json::array();
  int64_t places = 0, first = 0, any = 0;
  std::optional<int64_t> placed, left_empty;
  for (const auto& o : demand.offers) {
    offers.push_back({{"offer_id", o.offer_id},
                      {"partnership_id", o.partnership_id},
                      {"partner_name", o.partner_name},
                      {"term", kOfferTermTable.Name(o.term)},
                      {"places", o.places},
                      {"first_preference", o.first_preference},
                      {"any_preference", o.any_preference},
                      {"oversubscription", OrNull(Oversubscription(o.first_preference, o.places))},
                      {"placed", OrNull(o.placed)},
                      {"left_empty", OrNull(o.left_empty)}});
    places += o.places;
    first += o.first_preference;
    any += o.any_preference;
    placed = AddKnown(placed, o.placed);
    left_empty = AddKnown(left_empty, o.left_empty);
  }
  if (demand.run_id) {  // a run over a call without offers still placed nobody
    placed = placed.value_or(0);
    left_empty = left_empty.value_or(0);
  }
  return {{"call_id", demand.call_id},
          {"run_id", OrNull(demand.run_id)},
          {"offers", std::move(offers)},
          {"totals",
           {{"places", places},
            {"first_preference", first},
            {"any_preference", any},
            {"oversubscription", OrNull(Oversubscription(first, places))},
            {"placed", OrNull(placed)},
            {"left_empty", OrNull(left_empty)}}}};
}

nlohmann::json ToJson(const DemandOverYears& demand) {
  nlohmann::json partners = nlohmann::json::array();
  for (const auto& p : demand.partners) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto& y : p.years) {
      years.push_back({{"academic_year", AcademicYear(y.academic_year).ToString()},
                       {"places", y.places},
                       {"first_preference", y.first_preference},
                       {"any_preference", y.any_preference},
                       {"oversubscription", OrNull(Oversubscription(y.first_preference, y.places))},
                       {"placed", OrNull(y.placed)},
                       {"left_empty", OrNull(y.left_empty)}});
    }
    partners.push_back({{"partnership_id", p.partnership_id},
                        {"partner_name", p.partner_name},
                        {"oversubscribed_years", p.oversubscribed_years},
                        {"years", std::move(years)}});
  }
  return {{"org_unit_id", demand.org_unit_id},
          {"from_year", AcademicYear(demand.from).ToString()},
          {"to_year", AcademicYear(demand.to).ToString()},
          {"partners", std::move(partners)}};
}

namespace {

nlohmann::json DemandFigures(nlohmann::json properties) {
  using json_schema::Count;
  properties["places"] = Count();
  properties["first_preference"] = Count();
  properties["any_preference"] = Count();
  properties["oversubscription"] = json_schema::Nullable({{"type", "number"}, {"minimum", 0}});
  properties["placed"] = json_schema::Nullable(Count());
  properties["left_empty"] = json_schema::Nullable(Count());
  return json_schema::Closed(std::move(properties));
}

}  // namespace

NamedSchema CallDemandSchema() {
  using json_schema::ArrayOf;
  using json_schema::Closed;
  using json_schema::Id;
  nlohmann::json offer = DemandFigures({{"offer_id", Id()},
                                        {"partnership_id", Id()},
                                        {"partner_name", json_schema::Text()},
                                        {"term", {{"enum", kOfferTermTable.Json()}}}});
  nlohmann::json schema = Closed({{"call_id", Id()},
                                  {"run_id", json_schema::NullableId()},
                                  {"offers", ArrayOf(std::move(offer))},
                                  {"totals", DemandFigures(nlohmann::json::object())}});
  schema["description"] =
      "The demand for a call's offers, counts only. places: the offer's places plus its extra "
      "places; first_preference / any_preference: applications (submitted or checked) ranking the "
      "offer first / at all; oversubscription: first_preference / places (2 decimals), null "
      "without places; placed / left_empty: from the call's latest run that is not superseded "
      "(run_id), the places it gave and the places minus those (not below 0); null without a run.";
  return {"CallDemand", std::move(schema)};
}

NamedSchema DemandOverYearsSchema() {
  using json_schema::ArrayOf;
  using json_schema::Closed;
  using json_schema::Count;
  using json_schema::Id;
  const nlohmann::json year_text = {{"type", "string"}, {"pattern", "^[0-9]{4}/[0-9]{4}$"}};
  nlohmann::json schema = Closed(
      {{"org_unit_id", Id()},
       {"from_year", year_text},
       {"to_year", year_text},
       {"partners",
        ArrayOf(Closed({{"partnership_id", Id()},
                        {"partner_name", json_schema::Text()},
                        {"oversubscribed_years", Count()},
                        {"years", ArrayOf(DemandFigures({{"academic_year", year_text}}))}}))}});
  schema["description"] =
      "The demand per partnership and academic year over the unit's own places calls from_year.."
      "to_year, counted as in CallDemand and summed over the year's offers of the partner "
      "(placed / left_empty over the calls with a run; null when none has one). Partners with the "
      "most years whose first preferences exceed the places (oversubscribed_years) first, then "
      "the highest first preferences per place over the range.";
  return {"DemandOverYears", std::move(schema)};
}

}  // namespace weltcampus::exchange
