#pragma once

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/record_schema.h"
#include "core/world_regions.h"
#include "http/router.h"
#include "partners/model.h"
#include "store/database.h"
#include "store/sql.h"

namespace weltcampus::partners {

// The partnerships over the years, for the dean's home and the evaluation (issue 9): per academic
// year, how many partnerships were active, new and ended, by world region and by agreement type.
//
// What counts: an agreement that is or was in force, that is signed, active or expired. Drafts and
// negotiations never count; a terminated agreement does not either, since the register keeps no
// date of its termination (it may have ended before its first year, or have been a draft).
// For a year Y:
// - active: partnerships with a counting agreement whose years cover Y (first <= Y <= last);
// - new: partnerships whose first counting agreement (the earliest first year) begins in Y;
// - ended: partnerships whose counting agreements all ended by Y - 1, the last of them in Y - 1:
//   active in Y - 1, and no counting agreement in Y or later.
// A partnership with a gap between two agreements is not active in the gap, but neither ended
// nor new around it: active(Y) - active(Y - 1) = new(Y) - ended(Y) only without gaps. Years
// after the current one count what is known today (signed agreements, planned ends).
// By region: the partnership's region (core/world_regions.h, from its institution's country);
// every partnership has one, so the regions add up to the totals. By type: the same three
// counts over each type's agreements alone (a partnership is new in a type when its first
// counting agreement of that type begins); a partnership with agreements of two types counts in
// both, so the types may add up to more than the totals.
struct TrendCounts {
  int64_t active = 0;
  int64_t new_partnerships = 0;
  int64_t ended = 0;
};

struct TrendYear {
  int academic_year = 0;
  TrendCounts total;
  std::array<TrendCounts, kWorldRegionTable.values().size()> by_region{};
  std::array<TrendCounts, kAgreementTypeTable.values().size()> by_type{};
};

struct PartnershipTrends {
  int from = 0;
  int to = 0;
  std::vector<TrendYear> years;  // from .. to, one each
};

// The longest range one request may ask for, in academic years.
inline constexpr int kMaxTrendYears = 30;
// The range without ?from= and ?to=: this many years up to the current one.
inline constexpr int kDefaultTrendYears = 10;

// The statuses of the agreements that count (above).
inline constexpr std::array<AgreementStatus, 3> kCountedStatuses = {
    AgreementStatus::kSigned, AgreementStatus::kActive, AgreementStatus::kExpired};

// Counts the years from..to (at most kMaxTrendYears) in a few grouped queries.
PartnershipTrends LoadPartnershipTrends(store::Connection& c, int from, int to);

nlohmann::json ToJson(const PartnershipTrends& trends);
NamedSchema PartnershipTrendsSchema();

// GET /api/v1/partnerships/trends (indicators:read).
void RegisterTrendsRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::partners
