#include <algorithm>
#include <cmath>
#include <map>

#include "core/academic_year.h"
#include "core/error.h"
#include "exchange/allocation_runs.h"
#include "exchange/calls.h"
#include "organisation/repository.h"
#include "partners/repository.h"

// The rules of offers carved from the partners' quotas (issue 10, item 2). The partners module's
// rows are read through partners::repository only.
namespace weltcampus::exchange {

namespace {

using partners::QuotaCategory;
using partners::repository::QuotaInContext;

// Student stays: studies and traineeships, and medicine's clinical stays (electives, tertials).
const std::vector<QuotaCategory>& StudentCategories() {
  static const std::vector<QuotaCategory> categories = {
      QuotaCategory::kStudentStudies, QuotaCategory::kStudentTraineeship,
      QuotaCategory::kClinicalElective, QuotaCategory::kFinalYearTertial};
  return categories;
}

std::string YearName(int year) { return AcademicYear(year).ToString(); }

std::string TermName(OfferTerm term) {
  switch (term) {
    case OfferTerm::kWinter:
      return "winter semester";
    case OfferTerm::kSummer:
      return "summer semester";
    case OfferTerm::kFullYear:
      break;
  }
  return "full year";
}

Call CallOf(store::Connection& c, int64_t call_id) {
  return store::Found(FindCall(c, call_id), "Call");
}

// The agreement's unit is the call's or one below it, or the agreement has none.
bool UnitFits(store::Connection& c, const std::optional<int64_t>& agreement_unit,
              int64_t call_unit) {
  if (!agreement_unit) {
    return true;
  }
  const auto chain = organisation::repository::OrgUnitAncestors(c, *agreement_unit);
  return std::find(chain.begin(), chain.end(), call_unit) != chain.end();
}

// Why a quota cannot give offers to the call; nothing when it can.
std::optional<std::string> Unusable(store::Connection& c, const QuotaInContext& q,
                                    const Call& call) {
  if (q.quota.direction != partners::Direction::kOutgoing) {
    return "This quota is for incoming students; offers are carved from outgoing quotas";
  }
  const auto& categories = StudentCategories();
  if (std::find(categories.begin(), categories.end(), q.quota.category) == categories.end()) {
    return "This quota is for staff mobility; offers are carved from student quotas";
  }
  if (q.status != partners::AgreementStatus::kActive) {
    return "The agreement of this quota is not active (it is " +
           std::string(partners::kAgreementStatusTable.Name(q.status)) + ")";
  }
  if (call.academic_year < q.first_academic_year || call.academic_year > q.last_academic_year) {
    return "The agreement of this quota is not in force in " + YearName(call.academic_year) +
           " (it runs from " + YearName(q.first_academic_year) + " to " +
           YearName(q.last_academic_year) + ")";
  }
  if (!UnitFits(c, q.org_unit_id, call.org_unit_id)) {
    return "The agreement of this quota belongs to an organisational unit outside the call's";
  }
  return std::nullopt;
}

struct Carved {
  int64_t places = 0;
  int64_t places_in_call = 0;
  double months = 0;
};

// What the offers of the call's academic year take of each quota (or of one), leaving out one
// offer (the one being changed).
std::map<int64_t, Carved> CarvedInYear(store::Connection& c, int academic_year, int64_t call_id,
                                       std::optional<int64_t> quota_id, int64_t except_offer) {
  std::map<int64_t, Carved> carved;
  store::Params params;
  params.Set("year", static_cast<int64_t>(academic_year)).Set("except", except_offer);
  std::string sql =
      "SELECT o.quota_id, o.call_id, o.places, o.extra_places, o.months_per_place FROM "
      "call_offers o JOIN calls k ON k.id = o.call_id WHERE k.academic_year = :year AND o.id <> "
      ":except";
  if (quota_id) {
    sql += " AND o.quota_id = :quota";
    params.Set("quota", *quota_id);
  }
  for (const auto& row : c.Query(sql, params)) {
    Carved& entry = carved[row.Int("quota_id")];
    const int64_t places = row.Int("places") - row.Int("extra_places");
    entry.places += places;
    if (row.Int("call_id") == call_id) {
      entry.places_in_call += places;
    }
    entry.months += static_cast<double>(places) * row.OptionalReal("months_per_place").value_or(0);
  }
  return carved;
}

std::optional<partners::LanguageRequirement> FirstLanguage(const partners::Quota& quota) {
  return quota.languages.empty() ? std::nullopt
                                 : std::optional<partners::LanguageRequirement>(quota.languages[0]);
}

std::string FormatMonths(double months) {
  std::string text = std::to_string(std::round(months * 10) / 10);
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  return text;
}

void CheckEligibilityNarrows(const Offer& offer, const partners::Quota& quota) {
  if (!quota.eqf_levels.empty()) {
    for (const int level : offer.eqf_levels) {
      if (std::find(quota.eqf_levels.begin(), quota.eqf_levels.end(), level) ==
          quota.eqf_levels.end()) {
        throw ValidationError("eqf_levels", "EQF level " + std::to_string(level) +
                                                " is not one of the quota's; an offer may only "
                                                "narrow its quota's levels");
      }
    }
  }
  if (quota.isced_code &&
      (!offer.isced_code || offer.isced_code->rfind(*quota.isced_code, 0) != 0)) {
    throw ValidationError("isced_code", "The quota is for the field " + *quota.isced_code +
                                            "; an offer may only name that field or one within it");
  }
  if (!quota.languages.empty()) {
    const auto requirement = std::find_if(
        quota.languages.begin(), quota.languages.end(),
        [&](const partners::LanguageRequirement& r) { return offer.language == r.language; });
    if (requirement == quota.languages.end()) {
      throw ValidationError("language", "The quota requires " + quota.languages[0].language +
                                            "; an offer may only ask for one of the quota's "
                                            "languages");
    }
    const auto wanted = kCefrLevelTable.Parse(requirement->cefr);
    if (wanted && (!offer.cefr_level || *offer.cefr_level < *wanted)) {
      throw ValidationError("cefr_level", "The quota asks for " + requirement->language + " at " +
                                              requirement->cefr +
                                              "; an offer may not ask for less");
    }
  }
  if (offer.cefr_level && !offer.language) {
    throw ValidationError("language", "Name the language of the CEFR level");
  }
}

// "<partner> wants nominations for the <term> by <date>" when the partner's deadline for the term
// falls before the call's nomination date; nothing otherwise.
std::optional<std::string> DeadlineConflict(const Call& call, OfferTerm term,
                                            const std::string& partner,
                                            const std::optional<std::string>& winter,
                                            const std::optional<std::string>& summer) {
  const auto deadline = NominationDeadlineOn(call.academic_year, term, winter, summer);
  if (!deadline || *deadline >= call.nomination_by) {
    return std::nullopt;
  }
  return partner + " wants nominations for the " + TermName(term) + " by " + *deadline;
}

void CheckMonths(const Offer& offer, QuotaCategory category) {
  const double most = offer.term == OfferTerm::kFullYear ? 12 : 6;
  if (offer.months_per_place > most) {
    throw ValidationError("months_per_place", "A stay of the " + TermName(offer.term) +
                                                  " lasts at most " + FormatMonths(most) +
                                                  " months");
  }
  if (category == QuotaCategory::kStudentStudies && offer.months_per_place < 2) {
    throw ValidationError("months_per_place", "A study stay lasts at least 2 months");
  }
}

}  // namespace

std::optional<std::string> NominationDeadlineOn(int academic_year, OfferTerm term,
                                                const std::optional<std::string>& winter,
                                                const std::optional<std::string>& summer) {
  const auto& deadline = term == OfferTerm::kSummer ? summer : winter;
  if (!deadline || !IsMonthDay(*deadline)) {
    return std::nullopt;
  }
  // The term begins on 1 October of the academic year (winter, full year) or 1 April of the next
  // calendar year (summer); the deadline is the last such day before it.
  const int begins_year = term == OfferTerm::kSummer ? academic_year + 1 : academic_year;
  const std::string begins_day = term == OfferTerm::kSummer ? "04-01" : "10-01";
  int year = *deadline < begins_day ? begins_year : begins_year - 1;
  std::string day = *deadline;
  if (day == "02-29" && !IsLeapYear(year)) {
    day = "02-28";
  }
  return std::to_string(year) + "-" + day;
}

void DeriveOffer(store::Connection& c, Offer& offer) {
  const Call call = CallOf(c, offer.call_id);
  if (call.kind != CallKind::kPlaces) {
    throw ValidationError("call_id", "A funding call has no offers: students organise their stays");
  }
  const auto q = partners::repository::FindQuotaInContext(c, offer.quota_id);
  if (!q) {
    throw ValidationError("quota_id", "No quota with this id");
  }
  if (const auto why = Unusable(c, *q, call)) {
    throw ValidationError("quota_id", *why);
  }
  offer.agreement_id = q->agreement_id;
  offer.partnership_id = q->partnership_id;
  offer.partner_name = q->partner_name;
  if (offer.eqf_levels.empty()) {
    offer.eqf_levels = q->quota.eqf_levels;
  }
  if (!offer.isced_code) {
    offer.isced_code = q->quota.isced_code;
  }
  const auto first = FirstLanguage(q->quota);
  if (!offer.language && first) {
    offer.language = first->language;
  }
  if (offer.language && !offer.cefr_level) {
    for (const auto& requirement : q->quota.languages) {
      if (requirement.language == *offer.language) {
        offer.cefr_level = kCefrLevelTable.Parse(requirement.cefr);
      }
    }
  }
}

namespace {

// The places of an offer that students have accepted in a published run: they stay theirs.
int64_t AcceptedPlaces(store::Connection& c, int64_t offer_id) {
  return c
      .QueryOne(
          "SELECT COUNT(*) AS n FROM allocation_results r JOIN allocation_runs u ON u.id = "
          "r.run_id WHERE r.offer_id = :offer AND r.response = :accepted AND u.status = "
          ":published",
          store::Params()
              .Set("offer", offer_id)
              .Set("accepted", kPlaceResponseTable.Name(PlaceResponse::kAccepted))
              .Set("published", kRunStatusTable.Name(RunStatus::kPublished)))
      ->Int("n");
}

// An offer's own weights: none (the call's) or all three, summing to what the call's optional
// criteria leave (100 without any). `where` names the offer in a message about the call.
void CheckOfferWeights(const Call& call, const Offer& offer, const std::string& where = {}) {
  const int given = (offer.weight_grade ? 1 : 0) + (offer.weight_language ? 1 : 0) +
                    (offer.weight_committee ? 1 : 0);
  if (given == 0) {
    return;
  }
  if (given != 3) {
    throw ValidationError("weight_grade",
                          "An offer's own weights are all three (grade, language, committee "
                          "points) or none, to rank as the call does");
  }
  const int64_t sum = *offer.weight_grade + *offer.weight_language + *offer.weight_committee;
  const int64_t main = WeightOfMainCriteria(call);
  if (sum != main) {
    throw ValidationError(
        "weight_grade",
        "The offer's weights of grade, language and committee points must sum to " +
            std::to_string(main) +
            (main == 100 ? std::string()
                         : " (100 less the weights of the call's optional criteria)") +
            ", not " + std::to_string(sum) + where);
  }
}

}  // namespace

void CheckOffer(store::Connection& c, const Offer& offer) {
  const Call call = CallOf(c, offer.call_id);
  if (offer.id > 0) {
    if (const int64_t accepted = AcceptedPlaces(c, offer.id); offer.places < accepted) {
      throw ApiError(ErrorCode::kConflict,
                     std::to_string(accepted) +
                         " students have accepted a place of this offer: it " + "keeps at least " +
                         std::to_string(accepted) + " places",
                     "places");
    }
  }
  const auto q = store::Found(partners::repository::FindQuotaInContext(c, offer.quota_id), "Quota");
  if (offer.extra_places > offer.places) {
    throw ValidationError("extra_places",
                          "The partner's extra places are part of the offer's places (" +
                              std::to_string(offer.places) + ")");
  }
  CheckMonths(offer, q.quota.category);
  CheckEligibilityNarrows(offer, q.quota);
  CheckOfferWeights(call, offer);

  const auto carved = CarvedInYear(c, call.academic_year, call.id, offer.quota_id, offer.id);
  const Carved before = carved.count(offer.quota_id) ? carved.at(offer.quota_id) : Carved{};
  const int64_t places = offer.places - offer.extra_places;
  if (before.places + places > q.quota.places_per_year) {
    throw ValidationError(
        "places",
        "The quota has " + std::to_string(q.quota.places_per_year) +
            " places a year; the offers of " + YearName(call.academic_year) + " already take " +
            std::to_string(before.places) + ", so at most " +
            std::to_string(std::max<int64_t>(0, q.quota.places_per_year - before.places)) +
            " more (add the partner's agreed places as extra_places)");
  }
  if (q.quota.months_per_place) {
    const double available =
        static_cast<double>(q.quota.places_per_year) * *q.quota.months_per_place;
    const double months = before.months + static_cast<double>(places) * offer.months_per_place;
    if (months > available + 1e-9) {
      throw ValidationError("months_per_place",
                            "The quota has " + FormatMonths(available) + " months a year (" +
                                std::to_string(q.quota.places_per_year) + " places of " +
                                FormatMonths(*q.quota.months_per_place) +
                                " months); the offers of " + YearName(call.academic_year) +
                                " would take " + FormatMonths(months));
    }
  }
  if (const auto conflict =
          DeadlineConflict(call, offer.term, q.partner_name, q.nomination_deadline_winter,
                           q.nomination_deadline_summer)) {
    throw ValidationError("term",
                          *conflict + ", before this call's nomination date " + call.nomination_by);
  }
}

// On a call's update: its nomination date against the deadlines of its offers' partners.
void CheckCallAgainstOffers(store::Connection& c, const Call& call) {
  const auto stored = FindCall(c, call.id);
  const auto offers = OffersOfCall(c, call.id);
  if (!stored || offers.empty()) {
    return;
  }
  if (call.kind != CallKind::kPlaces) {
    throw ValidationError("kind", "This call has offers; a funding call has none");
  }
  if (call.academic_year != stored->academic_year) {
    throw ValidationError("academic_year", "This call has offers carved from the quotas of " +
                                               YearName(stored->academic_year) +
                                               "; remove them first");
  }
  for (const auto& offer : offers) {
    CheckOfferWeights(call, offer, " (offer " + std::to_string(offer.id) + ")");
    const auto [winter, summer] =
        partners::repository::NominationDeadlines(c, offer.partnership_id);
    if (const auto conflict =
            DeadlineConflict(call, offer.term, offer.partner_name, winter, summer)) {
      throw ValidationError("nomination_by",
                            *conflict + " (offer " + std::to_string(offer.id) + ")");
    }
  }
}

std::vector<UsableQuota> UsableQuotas(store::Connection& c, const Call& call) {
  std::vector<UsableQuota> usable;
  if (call.kind != CallKind::kPlaces) {
    return usable;
  }
  const auto carved = CarvedInYear(c, call.academic_year, call.id, std::nullopt, 0);
  std::map<int64_t, bool> unit_fits;
  for (const auto& q :
       partners::repository::OutgoingQuotasInYear(c, call.academic_year, StudentCategories())) {
    if (q.org_unit_id) {
      const auto [it, inserted] = unit_fits.try_emplace(*q.org_unit_id, false);
      if (inserted) {
        it->second = UnitFits(c, q.org_unit_id, call.org_unit_id);
      }
      if (!it->second) {
        continue;
      }
    }
    UsableQuota entry;
    entry.quota_id = q.quota.id;
    entry.agreement_id = q.agreement_id;
    entry.partnership_id = q.partnership_id;
    entry.partner_name = q.partner_name;
    entry.category = std::string(partners::kQuotaCategoryTable.Name(q.quota.category));
    entry.isced_code = q.quota.isced_code;
    entry.eqf_levels = q.quota.eqf_levels;
    if (const auto first = FirstLanguage(q.quota)) {
      entry.language = first->language;
      entry.cefr_level = first->cefr;
    }
    entry.places_per_year = q.quota.places_per_year;
    entry.months_per_place = q.quota.months_per_place;
    const auto found = carved.find(q.quota.id);
    if (found != carved.end()) {
      entry.carved = found->second.places;
      entry.carved_in_call = found->second.places_in_call;
      entry.months_used = found->second.months;
    }
    entry.withheld = std::max<int64_t>(0, entry.places_per_year - entry.carved);
    if (q.quota.months_per_place) {
      entry.months_available =
          static_cast<double>(q.quota.places_per_year) * *q.quota.months_per_place;
    }
    entry.nomination_deadline_winter = q.nomination_deadline_winter;
    entry.nomination_deadline_summer = q.nomination_deadline_summer;
    usable.push_back(std::move(entry));
  }
  return usable;
}

void CheckOffersFitQuota(store::Connection& c, const partners::Quota& quota) {
  struct Year {
    int64_t places = 0;
    double months = 0;
    std::vector<int64_t> offers;
  };
  std::map<int, Year> years;
  for (const auto& row : c.Query(
           "SELECT k.academic_year, o.id, o.places, o.extra_places, o.months_per_place FROM "
           "call_offers o JOIN calls k ON k.id = o.call_id WHERE o.quota_id = :quota ORDER BY o.id",
           store::Params().Set("quota", quota.id))) {
    Year& year = years[static_cast<int>(row.Int("academic_year"))];
    const int64_t places = row.Int("places") - row.Int("extra_places");
    year.places += places;
    year.months += static_cast<double>(places) * row.OptionalReal("months_per_place").value_or(0);
    year.offers.push_back(row.Int("id"));
  }
  for (const auto& [academic_year, year] : years) {
    const double available = quota.months_per_place ? static_cast<double>(quota.places_per_year) *
                                                          *quota.months_per_place
                                                    : year.months;
    if (year.places <= quota.places_per_year && year.months <= available + 1e-9) {
      continue;
    }
    std::string named;
    nlohmann::json referrers = nlohmann::json::array();
    for (const int64_t offer : year.offers) {
      named += (named.empty() ? "" : ", ") + std::to_string(offer);
      referrers.push_back("exchange offer " + std::to_string(offer));
    }
    const std::string what = year.places > quota.places_per_year
                                 ? std::to_string(year.places) + " places, more than the " +
                                       std::to_string(quota.places_per_year) +
                                       " a year it would have"
                                 : FormatMonths(year.months) + " months, more than the " +
                                       FormatMonths(available) + " a year it would have";
    throw ApiError(ErrorCode::kConflict,
                   "Quota " + std::to_string(quota.id) + ": the exchange offers of " +
                       YearName(academic_year) + " (" + named + ") take " + what +
                       "; reduce or remove those offers first",
                   "quotas")
        .WithDetail("referenced_by", std::move(referrers));
  }
}

void CopyPartnerNameToOffers(store::Connection& c, const partners::PartnerName& partner) {
  c.Exec(
      "UPDATE call_offers SET partner_name = :name, partner_name_key = :name_key WHERE "
      "partnership_id = :partnership AND (partner_name <> :name OR partner_name_key <> "
      ":name_key)",
      store::Params()
          .Set("name", partner.name)
          .Set("name_key", partner.name_key)
          .Set("partnership", partner.partnership_id));
}

}  // namespace weltcampus::exchange
