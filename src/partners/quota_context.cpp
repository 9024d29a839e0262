#include <algorithm>
#include <tuple>

#include "partners/repository.h"

// Quotas with their agreement's and partnership's facts, for the offers the exchange carves from
// them (issue 10). Read through FindAgreement, so a quota is what the agreement's answer shows.
namespace weltcampus::partners::repository {

namespace {

QuotaInContext InContext(Connection& c, const Agreement& agreement, const Quota& quota) {
  QuotaInContext found;
  found.quota = quota;
  found.agreement_id = agreement.id;
  found.status = agreement.status;
  found.first_academic_year = agreement.first_academic_year;
  found.last_academic_year = agreement.last_academic_year;
  found.org_unit_id = agreement.org_unit_id;
  found.partnership_id = agreement.partnership_id;
  found.partner_name = agreement.institution_name;
  std::tie(found.nomination_deadline_winter, found.nomination_deadline_summer) =
      NominationDeadlines(c, agreement.partnership_id);
  return found;
}

}  // namespace

std::optional<QuotaInContext> FindQuotaInContext(Connection& c, int64_t quota_id) {
  const auto row = c.QueryOne("SELECT agreement_id FROM quotas WHERE id = :id",
                              store::Params().Set("id", quota_id));
  if (!row) {
    return std::nullopt;
  }
  const auto agreement = FindAgreement(c, row->Int("agreement_id"));
  if (!agreement) {
    return std::nullopt;
  }
  for (const auto& quota : agreement->quotas) {
    if (quota.id == quota_id) {
      return InContext(c, *agreement, quota);
    }
  }
  return std::nullopt;
}

std::vector<QuotaInContext> OutgoingQuotasInYear(Connection& c, int academic_year,
                                                 const std::vector<QuotaCategory>& categories) {
  std::vector<QuotaInContext> found;
  const auto rows = c.Query(
      "SELECT a.id FROM agreements a WHERE a.status = 'active' AND a.first_academic_year <= :year "
      "AND a.last_academic_year >= :year AND EXISTS (SELECT 1 FROM quotas q WHERE "
      "q.agreement_id = a.id AND q.direction = 'outgoing') ORDER BY a.partner_name_key, a.id",
      store::Params().Set("year", static_cast<int64_t>(academic_year)));
  for (const auto& row : rows) {
    const auto agreement = FindAgreement(c, row.Int("id"));
    if (!agreement) {
      continue;
    }
    for (const auto& quota : agreement->quotas) {
      if (quota.direction == Direction::kOutgoing &&
          std::find(categories.begin(), categories.end(), quota.category) != categories.end()) {
        found.push_back(InContext(c, *agreement, quota));
      }
    }
  }
  return found;
}

std::pair<std::optional<std::string>, std::optional<std::string>> NominationDeadlines(
    Connection& c, int64_t partnership_id) {
  const auto row = c.QueryOne(
      "SELECT nomination_deadline_winter, nomination_deadline_summer FROM partnerships WHERE id = "
      ":id",
      store::Params().Set("id", partnership_id));
  if (!row) {
    return {};
  }
  return {row->OptionalText("nomination_deadline_winter"),
          row->OptionalText("nomination_deadline_summer")};
}

}  // namespace weltcampus::partners::repository
