#include <algorithm>
#include <map>
#include <tuple>

#include "partners/repository.h"

// Quotas with their agreement's and partnership's facts, for the offers the exchange carves from
// them (issue 10). Read through FindAgreement and AgreementsWhere, so a quota is what the
// agreement's answer shows.
namespace weltcampus::partners::repository {

namespace {

// A partner's nomination deadlines for the winter and the summer term ("MM-DD").
using Deadlines = std::pair<std::optional<std::string>, std::optional<std::string>>;

QuotaInContext InContext(const Agreement& agreement, const Quota& quota,
                         const Deadlines& deadlines) {
  QuotaInContext found;
  found.quota = quota;
  found.agreement_id = agreement.id;
  found.status = agreement.status;
  found.first_academic_year = agreement.first_academic_year;
  found.last_academic_year = agreement.last_academic_year;
  found.org_unit_id = agreement.org_unit_id;
  found.partnership_id = agreement.partnership_id;
  found.partner_name = agreement.institution_name;
  std::tie(found.nomination_deadline_winter, found.nomination_deadline_summer) = deadlines;
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
      return InContext(*agreement, quota, NominationDeadlines(c, agreement->partnership_id));
    }
  }
  return std::nullopt;
}

std::vector<QuotaInContext> OutgoingQuotasInYear(Connection& c, int academic_year,
                                                 const std::vector<QuotaCategory>& categories) {
  // One query for the agreements, five for their children, one for their partners' deadlines.
  const std::string condition =
      "a.status = 'active' AND a.first_academic_year <= :year AND a.last_academic_year >= :year "
      "AND EXISTS (SELECT 1 FROM quotas q WHERE q.agreement_id = a.id AND q.direction = "
      "'outgoing')";
  const auto params = store::Params().Set("year", static_cast<int64_t>(academic_year));
  std::map<int64_t, Deadlines> deadlines;
  for (const auto& row : c.Query(
           "SELECT p.id, p.nomination_deadline_winter, p.nomination_deadline_summer FROM "
           "partnerships p WHERE EXISTS (SELECT 1 FROM agreements a WHERE a.partnership_id = p.id "
           "AND " +
               condition + ")",
           params)) {
    deadlines[row.Int("id")] = {row.OptionalText("nomination_deadline_winter"),
                                row.OptionalText("nomination_deadline_summer")};
  }
  std::vector<QuotaInContext> found;
  for (const auto& agreement : AgreementsWhere(c, condition, params)) {
    for (const auto& quota : agreement.quotas) {
      if (quota.direction == Direction::kOutgoing &&
          std::find(categories.begin(), categories.end(), quota.category) != categories.end()) {
        found.push_back(InContext(agreement, quota, deadlines[agreement.partnership_id]));
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
