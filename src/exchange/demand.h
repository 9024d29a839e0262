#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/record_schema.h"
#include "exchange/calls.h"
#include "http/router.h"
#include "store/database.h"

// The demand for exchange places (issue 10, item 7): counts only, nobody named. Per offer of a
// call, how many applications rank it first and at all against its places, and what the call's
// latest allocation run placed there; over the years, the same per partner and academic year of a
// unit's places calls, so that the office sees where places are short year after year.
//
// Counted are applications with status submitted or checked (drafts, incomplete and withdrawn
// ones do not count). Places are an offer's places plus the extra places its partner agreed to.
// placed and left_empty come from the call's latest run that is not superseded
// (allocation_runs.h: LatestRunId): placed, the applicants that run gave the offer; left_empty,
// the offer's places minus those (never below 0; after a later round, whose run holds only that
// round's placements, the figures are that round's). Both are null without a run.
namespace weltcampus::exchange {

struct OfferDemand {
  int64_t offer_id = 0;
  int64_t partnership_id = 0;
  std::string partner_name;
  OfferTerm term = OfferTerm::kWinter;
  int64_t places = 0;
  int64_t first_preference = 0;
  int64_t any_preference = 0;
  std::optional<int64_t> placed;
  std::optional<int64_t> left_empty;
};

struct CallDemand {
  int64_t call_id = 0;
  std::optional<int64_t> run_id;    // the run placed and left_empty come from
  std::vector<OfferDemand> offers;  // by partner name, then id
};

// One call's demand in two grouped statements (and a third to find its latest run). 404 for a
// call that does not exist.
CallDemand LoadCallDemand(store::Connection& c, int64_t call_id);

// first_preference / places, null without places.
std::optional<double> Oversubscription(int64_t first_preference, int64_t places);

struct YearDemand {
  int academic_year = 0;
  int64_t places = 0;
  int64_t first_preference = 0;
  int64_t any_preference = 0;
  std::optional<int64_t> placed;      // over the year's calls with a run
  std::optional<int64_t> left_empty;  // likewise
};

struct PartnerDemand {
  int64_t partnership_id = 0;
  std::string partner_name;
  std::vector<YearDemand> years;     // the years with offers of the partner, ascending
  int64_t oversubscribed_years = 0;  // years whose first preferences exceed the places
};

struct DemandOverYears {
  int64_t org_unit_id = 0;
  int from = 0;
  int to = 0;
  // Partners with the most over-subscribed years first, then the highest first preferences per
  // place over the range, then by name.
  std::vector<PartnerDemand> partners;
};

// At most this many academic years apart (from..to inclusive: 11 years).
inline constexpr int kMaxDemandYearsApart = 10;

// The places calls of the unit itself (not of the units below it) from..to, two grouped
// statements. 422 naming the field for a range out of order or too long.
DemandOverYears LoadDemandOverYears(store::Connection& c, int64_t org_unit_id, int from, int to);

nlohmann::json ToJson(const CallDemand& demand);
nlohmann::json ToJson(const DemandOverYears& demand);
NamedSchema CallDemandSchema();
NamedSchema DemandOverYearsSchema();

// GET /api/v1/calls/{id}/demand and GET /api/v1/exchange/demand (exchange:read).
void RegisterDemandRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
