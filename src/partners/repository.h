#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/paging.h"
#include "partners/model.h"
#include "store/list_query.h"
#include "store/sql.h"

// SQL of the partners module. Functions run inside the caller's transaction; updates and deletes
// take the version the client read and fail with 404/412 when it does not match.
namespace weltcampus::partners::repository {

using store::Connection;

// Institutions
std::optional<Institution> FindInstitution(Connection& c, int64_t id);
// The whole register in id order, for imports that match rows against every institution at once.
std::vector<Institution> ListAllInstitutions(Connection& c);
const store::SortTable& InstitutionSorts();
// Adds the search of institutions (as `i`) by any part of their folded name, city, codes to a
// list's filter, served by the trigram index.
void SearchInstitutions(store::Filter& where, store::Backend backend,
                        const std::optional<std::string>& q);
store::Page<Institution> ListInstitutions(Connection& c, const InstitutionFilter& filter,
                                          const PageRequest& page);
void InsertInstitution(Connection& c, Institution& institution);
// Folds the search texts of every institution and agreement again (FoldForSearch), for a
// migration after the folding changed; rows whose text is already right are left alone.
void RefoldSearchTexts(Connection& c);
// Writes the collation keys of every institution's name, city and country, every agreement's
// titles, and their copies in partnerships and agreements (core/collation.h), for the code
// migration 0019_collation_keys_fill and again after the order changed; rows already right are
// left alone.
void WriteCollationKeys(Connection& c);
void UpdateInstitution(Connection& c, Institution& institution, int64_t expected_version);
void DeleteInstitution(Connection& c, int64_t id, int64_t expected_version);
std::optional<int64_t> FindInstitutionIdByErasmusCode(Connection& c, const std::string& code);
bool InstitutionHasPartnership(Connection& c, int64_t id);
bool InstitutionInAgreements(Connection& c, int64_t id);

// Partnerships
// `current_year` (an academic year) decides which agreements count as active.
std::optional<Partnership> FindPartnership(Connection& c, int64_t id, int current_year);
// The partner institution of a partnership; nothing when there is no such partnership.
std::optional<int64_t> FindPartnershipInstitution(Connection& c, int64_t id);
const store::SortTable& PartnershipSorts();
store::Page<Partnership> ListPartnerships(Connection& c, const PartnershipFilter& filter,
                                          const PageRequest& page, int current_year);
// Partnerships whose kept count of active agreements differs from a recount (none, unless a write
// bypassed the agreement repository): id, kept, counted.
struct Miscount {
  int64_t id;
  int64_t kept;
  int64_t counted;
};
std::vector<Miscount> MiscountedPartnerships(Connection& c);
// The copies of a partner's name and country kept with partnerships and agreements for sorting
// (db/migrations/0010_partner_sort_columns.sql) that differ from the institution's: a line each.
std::vector<std::string> StaleCopies(Connection& c);
// Writes the institution's name and country into the copies its partnership and agreements keep,
// where they differ: after an institution or a partnership is changed (a new partnership's
// INSERT copies them itself).
void CopyPartnerName(Connection& c, int64_t institution_id);
// The same for every partnership and agreement (after their partners' collation keys were written
// by a migration).
void CopyAllPartnerNames(Connection& c);

// Every partner matching the filter, in one answer, for the map.
std::vector<MapPoint> ListMapPoints(Connection& c, const PartnershipFilter& filter);

// The partner map's version (db/migrations/0007_partner_map_version.sql): how often what the map
// shows has changed. Every function here that writes a partnership, the institution of a partner
// or an agreement counts the change in the caller's transaction, so that a server holding a map
// knows with one small read whether it is current, whichever server made the change. A write to
// these tables outside these functions must call CountMapChange itself.
struct MapVersion {
  int64_t version = 0;
  std::string database_id;  // tells this database's versions from another's
};
MapVersion ReadMapVersion(Connection& c);
void CountMapChange(Connection& c);
// Counts a change of an institution only when it is a partner's (the map shows no other).
void CountMapChangeOfInstitution(Connection& c, int64_t institution_id);
// How an insert keeps what is counted from the rows (the partnership's active agreements, the
// partner map's version): at once, as every ordinary write does, or, for a bulk load of many
// records in one transaction (the demo), once at the end: the caller then calls
// RecountAfterBulkInsert before the transaction commits.
enum class KeptCounts { kNow, kAfterBulkInsert };
void InsertPartnership(Connection& c, Partnership& partnership,
                       KeptCounts counts = KeptCounts::kNow);
void UpdatePartnership(Connection& c, Partnership& partnership, int64_t expected_version);
void DeletePartnership(Connection& c, int64_t id, int64_t expected_version);
std::optional<int64_t> FindPartnershipIdByInstitution(Connection& c, int64_t institution_id);
// What keeps a partnership from being removed, named for the person ("agreement 12 “Erasmus+ IIA”",
// "joint structure “transCampus Office”", "2 contacts", "1 note"); empty when nothing does.
std::vector<std::string> PartnershipDependants(Connection& c, int64_t id);
// The countries the school has partners in, each with its number of partners, by code.
std::vector<std::pair<std::string, int64_t>> PartnerCountries(Connection& c);

// Agreements with their partners, contacts and quotas. Contacts and quotas are updated by id, so
// they keep their identity across edits.
std::optional<Agreement> FindAgreement(Connection& c, int64_t id);
// The agreements a condition on `a` (the agreement), `p` (its partnership) and `i` (the partner
// institution) selects, by partner name, with all their children: seven statements whatever the
// number (the children by batches of 500).
std::vector<Agreement> AgreementsWhere(Connection& c, const std::string& condition,
                                       const store::Params& params);
const store::SortTable& AgreementSorts();
// How a list gives the agreements' children: as records (the overview sums their places), or as
// the text kept with each agreement (Agreement::children_json: a list page, an export), which
// costs no query of the five child tables.
enum class AgreementChildren { kRecords, kKeptText };
store::Page<Agreement> ListAgreements(Connection& c, const AgreementFilter& filter,
                                      const PageRequest& page,
                                      AgreementChildren children = AgreementChildren::kRecords);
// Writes the children's text kept with every agreement (the code migration
// 0013_agreement_children_text).
void KeepAllChildrenTexts(Connection& c);
// The agreements whose kept children's text differs from their child rows: a line each (part of
// StaleCopies).
std::vector<std::string> StaleChildrenTexts(Connection& c);
void InsertAgreement(Connection& c, Agreement& agreement, KeptCounts counts = KeptCounts::kNow);
// Writes every agreement's title keys (the collation keys of the title each language reads) where
// they differ (part of WriteCollationKeys).
void WriteAgreementTitleKeys(Connection& c);
// After inserts with KeptCounts::kAfterBulkInsert: recounts every partnership's active agreements
// (writing those that differ) and counts one change of the partner map.
void RecountAfterBulkInsert(Connection& c);
void UpdateAgreement(Connection& c, Agreement& agreement, int64_t expected_version);
void DeleteAgreement(Connection& c, int64_t id, int64_t expected_version);

// A quota with what an exchange offer carved from it needs (issue 10: exchange's offers): its
// agreement's status, years and unit, the partnership, the partner's name and nomination deadlines.
struct QuotaInContext {
  Quota quota;
  int64_t agreement_id = 0;
  AgreementStatus status = AgreementStatus::kDraft;
  int first_academic_year = 0;
  int last_academic_year = 0;
  std::optional<int64_t> org_unit_id;
  int64_t partnership_id = 0;
  std::string partner_name;
  std::optional<std::string> nomination_deadline_winter;
  std::optional<std::string> nomination_deadline_summer;
};
std::optional<QuotaInContext> FindQuotaInContext(Connection& c, int64_t quota_id);
// The outgoing quotas of the categories given (student studies, traineeships, clinical stays) of
// the agreements active in an academic year, by partner name and quota position.
std::vector<QuotaInContext> OutgoingQuotasInYear(Connection& c, int academic_year,
                                                 const std::vector<QuotaCategory>& categories);
// A partnership's deadlines for receiving nominations ("MM-DD"): winter, summer.
std::pair<std::optional<std::string>, std::optional<std::string>> NominationDeadlines(
    Connection& c, int64_t partnership_id);

// Joint structures

// Home-page figures
struct Summary {
  std::vector<std::pair<Tier, int64_t>> partners_by_tier;
  int64_t partners = 0;
  int64_t active_agreements = 0;
  int64_t outgoing_places = 0;
  int64_t incoming_places = 0;
  int64_t countries = 0;
};
Summary LoadSummary(Connection& c, int current_year);

}  // namespace weltcampus::partners::repository
