#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/enum_table.h"
#include "core/json_writer.h"
#include "core/record_schema.h"
#include "exchange/students.h"
#include "http/router.h"
#include "partners/hooks.h"
#include "partners/model.h"
#include "store/database.h"
#include "store/record_table.h"

// Calls and offers (issue 10, item 2): the international office's yearly call for outgoing
// exchange places of an organisational unit, with its timeline and its published selection
// criteria, and the offers carved from the active agreements' outgoing student quotas for the
// call's year. Records of the kit (kit/records.h): calls at /api/v1/calls, offers as records of a
// call (/api/v1/calls/{id}/offers, /api/v1/offers/{id}); exchange:calls to read (staff and
// students: calls and offers are public facts), exchange:write to change.
namespace weltcampus::exchange {

enum class CallKind { kPlaces, kFunding };
inline constexpr EnumTable<CallKind, 2> kCallKindTable("call_kind",
                                                       {{{CallKind::kPlaces, "places"},
                                                         {CallKind::kFunding, "funding"}}});

enum class OfferTerm { kFullYear, kWinter, kSummer };
inline constexpr EnumTable<OfferTerm, 3> kOfferTermTable("offer_term",
                                                         {{{OfferTerm::kFullYear, "full_year"},
                                                           {OfferTerm::kWinter, "winter"},
                                                           {OfferTerm::kSummer, "summer"}}});

// Secondary rules for ties, in the order given; then one seeded lottery.
enum class TieRule { kFirstStayFirst, kHigherSemesterFirst };
inline constexpr EnumTable<TieRule, 2> kTieRuleTable(
    "tie_rule", {{{TieRule::kFirstStayFirst, "first_stay_first"},
                  {TieRule::kHigherSemesterFirst, "higher_semester_first"}}});

// An optional criterion of a call's published selection criteria (issue 10, item 2), beside grade,
// language and committee points: e.g. social engagement or a second interview, scored by the
// office or the committee in points per application, with its weight in percent.
struct CallCriterion {
  std::string code;  // [a-z][a-z0-9_]*, unique in its call: the key of an application's points
  std::string name;
  std::optional<std::string> name_de;
  int64_t weight = 0;       // percent, 1..100
  int64_t points_max = 10;  // 1..100
};
inline constexpr size_t kMaxCallCriteria = 5;

struct Call {
  int64_t id = 0;
  int academic_year = 0;  // the calendar year it starts in: 2027 for 2027/2028
  int64_t org_unit_id = 0;
  CallKind kind = CallKind::kPlaces;
  std::string title;
  std::optional<std::string> title_de;
  // The timeline, ISO dates in this order: applications open ≤ close ≤ selection ≤ publication ≤
  // deadline to accept or decline a place ≤ nomination to the partners.
  std::string applications_open;
  std::string applications_close;
  std::string selection_by;
  std::string publication_on;
  std::string accept_by;
  std::string nomination_by;
  int64_t max_preferences = 5;  // 1..10
  int64_t objection_days = 7;   // 0..30
  // The published selection criteria: weights in percent, summing to 100 with the optional
  // criteria's.
  int64_t weight_grade = 50;
  int64_t weight_language = 25;
  int64_t weight_committee = 25;
  int64_t committee_points_max = 10;  // 1..100
  std::vector<CallCriterion> criteria;
  std::vector<TieRule> tie_rules;
  // Funding calls: the budget of funded months.
  std::optional<int64_t> funded_months;
  // Read-only here: set by the first allocation run, then kept.
  std::optional<int64_t> lottery_seed;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct Offer {
  int64_t id = 0;
  int64_t call_id = 0;
  int64_t quota_id = 0;
  // Copied from the quota (its agreement and partnership) and the partner's name, for lists.
  int64_t agreement_id = 0;
  int64_t partnership_id = 0;
  std::string partner_name;
  OfferTerm term = OfferTerm::kWinter;
  int64_t places = 1;
  int64_t extra_places = 0;  // agreed by the partner beyond the quota
  double months_per_place = 5;
  // Eligibility, defaulting from the quota and only narrowing it.
  std::vector<int> eqf_levels;
  std::optional<std::string> isced_code;
  std::optional<std::string> language;
  std::optional<CefrLevel> cefr_level;
  bool requires_first_state_exam = false;
  // How this offer ranks its applicants, when not as the call does: all three or none
  // (CheckOffer). They share what the call's optional criteria leave (100 minus their weights):
  // the optional criteria weigh the same at every offer.
  std::optional<int64_t> weight_grade;
  std::optional<int64_t> weight_language;
  std::optional<int64_t> weight_committee;
  int64_t version = 1;
  std::string created_at;
  std::string updated_at;
};

struct StayPeriod {
  std::string starts_on;
  std::string ends_on;
};

// The home university's semesters: winter 1 Oct Y – 31 Mar Y+1, summer 1 Apr – 30 Sep Y+1, full
// year 1 Oct Y – 30 Sep Y+1.
StayPeriod StayPeriodOf(int academic_year, OfferTerm term);

// The weight the call leaves to grade, language and committee points: 100 minus its optional
// criteria's weights.
int64_t WeightOfMainCriteria(const Call& call);

const RecordSchema<Call>& CallSchema();
const RecordSchema<Offer>& OfferSchema();
const store::RecordTable<Call>& CallTable();
const store::RecordTable<Offer>& OfferTable();
void WriteJson(const Call& call, JsonWriter& out);
void WriteJson(const Offer& offer, JsonWriter& out);
nlohmann::json ToJson(const Call& call);
nlohmann::json ToJson(const Offer& offer);

std::optional<Call> FindCall(store::Connection& c, int64_t id);
std::vector<Offer> OffersOfCall(store::Connection& c, int64_t call_id);
std::optional<Offer> FindOffer(store::Connection& c, int64_t id);

// The call rules, run before every create and update: the timeline in order, weights 0..100
// summing to 100 with the optional criteria's (their codes unique), the unit exists, funded months
// only for funding calls; on an update, the nomination date against the offers' partners'
// nomination deadlines.
void CheckCall(store::Connection& c, const Call& call);
// The part of the call rules that concerns its offers (offers.cpp): a call with offers keeps its
// kind and year, and its nomination date is not after a partner's deadline for an offer's term.
void CheckCallAgainstOffers(store::Connection& c, const Call& call);

// The date by which a partner wants our nominations for a term of an academic year: the last
// day of its "MM-DD" deadline (winter: full-year and winter stays; summer: summer stays) before
// the term begins; nothing without a deadline.
std::optional<std::string> NominationDeadlineOn(int academic_year, OfferTerm term,
                                                const std::optional<std::string>& winter,
                                                const std::optional<std::string>& summer);

// The offer rules, run before every create and update of an offer: `DeriveOffer` reads the quota
// (an outgoing student quota of an agreement active in the call's year, of the call's unit or a
// unit below it, or of none), copies its agreement, partnership and partner name and fills the
// eligibility the client left out from the quota's; `CheckOffer` keeps the offers of the quota in
// the call's year within its places and months, the eligibility within the quota's, the months
// per place within the term, and the call's nomination date within the partner's deadline.
void DeriveOffer(store::Connection& c, Offer& offer);
void CheckOffer(store::Connection& c, const Offer& offer);
// The other way round, when an agreement's edit changes a quota (partners/hooks.h): the
// offers already carved from it in each academic year must still fit its places and months a year;
// 409 naming the year, what its offers take and the offers otherwise.
void CheckOffersFitQuota(store::Connection& c, const partners::Quota& quota);
// The partner's name and its collation key that offers keep for their lists, after the partner
// register changed them (partners::DeclarePartnerNameCopy).
void CopyPartnerNameToOffers(store::Connection& c, const partners::PartnerName& partner);

// A quota a call's offers may be carved from, with what is carved of it in the call's year.
struct UsableQuota {
  int64_t quota_id = 0;
  int64_t agreement_id = 0;
  int64_t partnership_id = 0;
  std::string partner_name;
  std::string category;  // the quota's category, by its API name
  std::optional<std::string> isced_code;
  std::vector<int> eqf_levels;
  std::optional<std::string> language;  // the quota's first language requirement
  std::optional<std::string> cefr_level;
  int64_t places_per_year = 0;
  std::optional<double> months_per_place;
  int64_t carved = 0;          // places (without the partner's extra ones) in this year's offers
  int64_t carved_in_call = 0;  // of them, in this call's offers
  int64_t withheld = 0;        // places not carved into offers
  double months_used = 0;
  std::optional<double> months_available;  // places × months per place, where the quota has months
  std::optional<std::string> nomination_deadline_winter;
  std::optional<std::string> nomination_deadline_summer;
};
std::vector<UsableQuota> UsableQuotas(store::Connection& c, const Call& call);
NamedSchema UsableQuotaSchema();
void WriteJson(const UsableQuota& quota, JsonWriter& out);

// The enumerations of calls and offers, for GET /api/v1/enumerations.
nlohmann::json CallEnumerations();

// Calls, their offers and the overview of a call's usable quotas.
void RegisterCallRoutes(http::Router& router, store::Database& database);

}  // namespace weltcampus::exchange
