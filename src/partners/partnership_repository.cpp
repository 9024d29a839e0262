#include <fmt/format.h>

#include <stdexcept>
#include <tuple>

#include "core/date.h"
#include "partners/hooks.h"
#include "partners/repository.h"
#include "store/list_query.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

// The places are computed per row of a page, so a list never reads all agreements: a page is read
// in the order of an index and stops at its limit. Where a page must be sorted (a search with few
// matches, store::Filter::ScanAlternative), SQLite computes them for the matches only, and
// PostgreSQL after its sort. The count of active agreements is kept with the partnership.
constexpr const char* kPartnershipSelect =
    "SELECT p.id, p.institution_id, p.tier, p.since, p.responsible_person, p.objectives, "
    "p.objectives_de, p.notes, p.nomination_deadline_winter, p.nomination_deadline_summer, "
    "p.version, p.created_at, p.updated_at, i.name AS i_name, i.name_local AS i_name_local, "
    "i.country AS i_country, i.city AS i_city, i.erasmus_code AS i_erasmus_code, i.hei_id AS "
    "i_hei_id, i.latitude AS i_latitude, i.longitude AS i_longitude, "
    "p.active_agreements, "
    "(SELECT COALESCE(SUM(q.places_per_year), 0) FROM quotas q JOIN agreements a ON a.id = "
    "q.agreement_id WHERE a.partnership_id = p.id AND a.status = 'active' AND "
    "a.first_academic_year <= :year AND a.last_academic_year >= :year) AS places_per_year "
    "FROM partnerships p JOIN institutions i ON i.id = p.institution_id";

Partnership PartnershipFromRow(const store::Row& row) {
  Partnership partnership;
  partnership.id = row.Int("id");
  partnership.institution_id = row.Int("institution_id");
  partnership.tier = kTierTable.FromStored(row.Text("tier"));
  partnership.since = row.OptionalText("since");
  partnership.responsible_person = row.OptionalText("responsible_person");
  partnership.objectives = row.OptionalText("objectives");
  partnership.objectives_de = row.OptionalText("objectives_de");
  partnership.notes = row.OptionalText("notes");
  partnership.nomination_deadline_winter = row.OptionalText("nomination_deadline_winter");
  partnership.nomination_deadline_summer = row.OptionalText("nomination_deadline_summer");
  partnership.version = row.Int("version");
  partnership.created_at = row.Text("created_at");
  partnership.updated_at = row.Text("updated_at");
  Institution& institution = partnership.institution;
  institution.id = partnership.institution_id;
  institution.name = row.Text("i_name");
  institution.name_local = row.OptionalText("i_name_local");
  institution.country = row.Text("i_country");
  institution.city = row.OptionalText("i_city");
  institution.erasmus_code = row.OptionalText("i_erasmus_code");
  institution.hei_id = row.OptionalText("i_hei_id");
  institution.latitude = row.OptionalReal("i_latitude");
  institution.longitude = row.OptionalReal("i_longitude");
  partnership.active_agreements = row.Int("active_agreements");
  partnership.places_per_year = row.Int("places_per_year");
  return partnership;
}

store::Params PartnershipFieldParams(const Partnership& partnership) {
  store::Params params;
  params.Set("institution_id", partnership.institution_id)
      .Set("tier", kTierTable.Name(partnership.tier))
      .Set("since", partnership.since)
      .Set("responsible_person", partnership.responsible_person)
      .Set("objectives", partnership.objectives)
      .Set("objectives_de", partnership.objectives_de)
      .Set("notes", partnership.notes)
      .Set("nomination_deadline_winter", partnership.nomination_deadline_winter)
      .Set("nomination_deadline_summer", partnership.nomination_deadline_summer);
  return params;
}

// The conditions of a partner list, its values bound as parameters.
store::Filter FilterOf(const PartnershipFilter& filter, store::Backend backend) {
  store::Filter where;
  SearchInstitutions(where, backend, filter.q);
  where.Equal("p.partner_country", filter.country).Equal("p.tier", kTierTable.Name(filter.tier));
  store::Filter agreements;
  agreements.Equal("a.type", kAgreementTypeTable.Name(filter.agreement_type))
      .Equal("a.status", kAgreementStatusTable.Name(filter.agreement_status));
  where.AddWithin("EXISTS (SELECT 1 FROM agreements a WHERE a.partnership_id = p.id", agreements, ")");
  return where;
}

}  // namespace

std::optional<Partnership> FindPartnership(Connection& c, int64_t id, int current_year) {
  auto row = c.QueryOne(std::string(kPartnershipSelect) + " WHERE p.id = :id",
                        store::Params().Set("year", current_year).Set("id", id));
  return row ? std::optional<Partnership>(PartnershipFromRow(*row)) : std::nullopt;
}

std::optional<int64_t> FindPartnershipInstitution(Connection& c, int64_t id) {
  auto row = c.QueryOne("SELECT institution_id FROM partnerships WHERE id = :id",
                        store::Params().Set("id", id));
  return row ? std::optional<int64_t>(row->Int("institution_id")) : std::nullopt;
}

static_assert(kTiers.size() == 3 && kTiers[0] > kTiers[1] && kTiers[1] > kTiers[2],
              "the tier sort (p.tier DESC) needs the tiers' names in the strategy's order Z to A");

const store::SortTable& PartnershipSorts() {
  static const store::SortTable table(
      "p.id",
      // By the partner's name and country kept with the partnership
      // (db/migrations/0010_partner_sort_columns.sql), each sort in the order of an index.
      // Names by their collation keys (core/collation.h, 0019_collation_keys.sql), the country by
      // its name in the reader's language.
      {{"name", "p.partner_name_key $"},
       {"country", "p.partner_country_key_{lang} $, p.partner_name_key $"},
       // transCampus, strategic, then standard partners in ascending order: the order the
       // strategy names them in, which is the tiers' names from Z to A (asserted below).
       {"tier", "p.tier DESC $, p.partner_name_key $"},
       {"active_agreements", "p.active_agreements $, p.partner_name_key $"}});
  return table;
}

store::Page<Partnership> ListPartnerships(Connection& c, const PartnershipFilter& filter,
                                          const PageRequest& page, int current_year) {
  return store::ListPage(
      c,
      {kPartnershipSelect, "FROM partnerships p JOIN institutions i ON i.id = p.institution_id",
       store::Params().Set("year", current_year)},
      FilterOf(filter, c.backend()), PartnershipSorts(), page, PartnershipFromRow);
}

std::vector<Miscount> MiscountedPartnerships(Connection& c) {
  std::vector<Miscount> wrong;
  for (const auto& row : c.Query(
           "SELECT id, kept, counted FROM (SELECT p.id, p.active_agreements AS kept, (SELECT "
           "COUNT(*) FROM agreements a WHERE a.partnership_id = p.id AND a.status = 'active') AS "
           "counted FROM partnerships p) AS recount WHERE kept <> counted ORDER BY id")) {
    wrong.push_back({row.Int("id"), row.Int("kept"), row.Int("counted")});
  }
  return wrong;
}

std::vector<std::string> StaleCopies(Connection& c) {
  std::vector<std::string> stale;
  for (const auto& row : c.Query(
           "SELECT p.id, p.partner_name, p.partner_country, i.name, i.country FROM partnerships p "
           "JOIN institutions i ON i.id = p.institution_id WHERE p.partner_name <> i.name OR "
           "p.partner_country <> i.country OR p.partner_name_key <> i.name_key OR "
           "p.partner_country_key_en <> i.country_key_en OR p.partner_country_key_de <> "
           "i.country_key_de ORDER BY p.id")) {
    stale.push_back(
        fmt::format("partnership {}: partner {} ({}) kept, {} ({}) in institutions, or their keys",
                    row.Int("id"), row.Text("partner_name"), row.Text("partner_country"),
                    row.Text("name"), row.Text("country")));
  }
  for (const auto& row :
       c.Query("SELECT a.id, a.partner_name, p.partner_name AS actual FROM agreements a JOIN "
               "partnerships p ON p.id = a.partnership_id WHERE a.partner_name <> p.partner_name "
               "OR a.partner_name_key <> p.partner_name_key ORDER BY a.id")) {
    stale.push_back(fmt::format("agreement {}: partner {} kept, {} in its partnership",
                                row.Int("id"), row.Text("partner_name"), row.Text("actual")));
  }
  for (auto& line : StaleChildrenTexts(c)) {
    stale.push_back(std::move(line));
  }
  return stale;
}

std::vector<MapPoint> ListMapPoints(Connection& c, const PartnershipFilter& filter) {
  const auto where = FilterOf(filter, c.backend());
  std::vector<MapPoint> points;
  for (const auto& row : c.Query(
           std::string("SELECT p.id, p.tier, i.name, i.country, i.city, i.latitude, i.longitude, "
                       "p.active_agreements FROM partnerships p JOIN institutions i "
                       "ON i.id = p.institution_id") +
               where.Where() + " ORDER BY p.partner_name_key, p.id",
           where.params())) {
    points.push_back(MapPoint{row.Int("id"), kTierTable.FromStored(row.Text("tier")),
                              row.Text("name"), row.Text("country"), row.OptionalText("city"),
                              row.OptionalReal("latitude"), row.OptionalReal("longitude"),
                              row.Int("active_agreements")});
  }
  return points;
}

MapVersion ReadMapVersion(Connection& c) {
  const auto row = c.QueryOne("SELECT version, database_id FROM partner_map_version WHERE id = 1");
  if (!row) {
    throw std::runtime_error("partner_map_version has no row: the database is not migrated");
  }
  return {row->Int("version"), row->Text("database_id")};
}

void CountMapChange(Connection& c) {
  if (c.backend() == store::Backend::kPostgres) {
    // Once per transaction: the row is written once however many partners an import changes.
    c.Exec(
        "UPDATE partner_map_version SET version = version + 1, counted_by = txid_current() "
        "WHERE id = 1 AND counted_by IS DISTINCT FROM txid_current()");
  } else {
    c.Exec("UPDATE partner_map_version SET version = version + 1 WHERE id = 1");
  }
}

void CountMapChangeOfInstitution(Connection& c, int64_t institution_id) {
  const auto params = store::Params().Set("institution_id", institution_id);
  if (c.backend() == store::Backend::kPostgres) {
    c.Exec(
        "UPDATE partner_map_version SET version = version + 1, counted_by = txid_current() "
        "WHERE id = 1 AND counted_by IS DISTINCT FROM txid_current() AND EXISTS (SELECT 1 FROM "
        "partnerships WHERE institution_id = :institution_id)",
        params);
  } else {
    c.Exec(
        "UPDATE partner_map_version SET version = version + 1 WHERE id = 1 AND EXISTS (SELECT 1 "
        "FROM partnerships WHERE institution_id = :institution_id)",
        params);
  }
}

namespace {

// The partner's name and country and their collation keys, copied from the institution where they
// differ: of one institution's partnership (`institution_condition` binding :institution_id) or
// of all.
void CopyPartnerNames(Connection& c, const std::string& institution_condition,
                      const store::Params& params) {
  c.Exec(
      "UPDATE partnerships SET partner_name = i.name, partner_country = i.country, "
      "partner_name_key = i.name_key, partner_country_key_en = i.country_key_en, "
      "partner_country_key_de = i.country_key_de FROM institutions i WHERE " +
          institution_condition +
          "partnerships.institution_id = i.id AND (partnerships.partner_name <> i.name OR "
          "partnerships.partner_country <> i.country OR partnerships.partner_name_key <> "
          "i.name_key OR partnerships.partner_country_key_en <> i.country_key_en OR "
          "partnerships.partner_country_key_de <> i.country_key_de)",
      params);
  c.Exec(
      "UPDATE agreements SET partner_name = p.partner_name, partner_name_key = p.partner_name_key "
      "FROM partnerships p WHERE " +
          std::string(institution_condition.empty() ? ""
                                                    : "p.institution_id = :institution_id AND ") +
          "agreements.partnership_id = p.id AND (agreements.partner_name <> p.partner_name OR "
          "agreements.partner_name_key <> p.partner_name_key)",
      params);
}

}  // namespace

void CopyPartnerName(Connection& c, int64_t institution_id) {
  const auto params = store::Params().Set("institution_id", institution_id);
  CopyPartnerNames(c, "i.id = :institution_id AND ", params);
  // And the copies other modules keep (partners/hooks.h); an institution has one partnership.
  if (const auto row = c.QueryOne(
          "SELECT id, partner_name, partner_name_key FROM partnerships WHERE institution_id = "
          ":institution_id",
          params)) {
    RunPartnerNameCopies(
        c, {row->Int("id"), row->Text("partner_name"), row->Text("partner_name_key")});
  }
}

void CopyAllPartnerNames(Connection& c) { CopyPartnerNames(c, "", store::Params()); }

void InsertPartnership(Connection& c, Partnership& partnership, KeptCounts counts) {
  // With the partner's name and country copied (CopyPartnerName): the institution has no other
  // partnership (institution_id is unique) and the new one no agreements yet. An unknown
  // institution stays the foreign-key violation it was.
  partnership.id = c.Insert(
      "INSERT INTO partnerships (institution_id, partner_name, partner_country, partner_name_key, "
      "partner_country_key_en, partner_country_key_de, tier, since, responsible_person, "
      "objectives, objectives_de, notes, nomination_deadline_winter, nomination_deadline_summer, "
      "version, created_at, updated_at) VALUES "
      "(:institution_id, COALESCE((SELECT name FROM institutions WHERE id = :institution_id), ''), "
      "COALESCE((SELECT country FROM institutions WHERE id = :institution_id), ''), "
      "COALESCE((SELECT name_key FROM institutions WHERE id = :institution_id), ''), "
      "COALESCE((SELECT country_key_en FROM institutions WHERE id = :institution_id), ''), "
      "COALESCE((SELECT country_key_de FROM institutions WHERE id = :institution_id), ''), "
      ":tier, :since, :responsible_person, :objectives, :objectives_de, :notes, "
      ":nomination_deadline_winter, :nomination_deadline_summer, 1, :at, :at)",
      PartnershipFieldParams(partnership).Set("at", NowUtcTimestamp()));
  partnership.version = 1;
  if (counts == KeptCounts::kNow) {
    CountMapChange(c);
  }
}

void UpdatePartnership(Connection& c, Partnership& partnership, int64_t expected_version) {
  partnership.version = store::VersionedUpdate(
      c, "partnerships", "Partnership", partnership.id, expected_version,
      "institution_id = :institution_id, tier = :tier, since = :since, responsible_person = "
      ":responsible_person, objectives = :objectives, objectives_de = :objectives_de, "
      "notes = :notes, nomination_deadline_winter = :nomination_deadline_winter, "
      "nomination_deadline_summer = :nomination_deadline_summer",
      PartnershipFieldParams(partnership));
  CopyPartnerName(c, partnership.institution_id);
  CountMapChange(c);
}

void DeletePartnership(Connection& c, int64_t id, int64_t expected_version) {
  store::VersionedDelete(c, "partnerships", "Partnership", id, expected_version);
  CountMapChange(c);
}

std::optional<int64_t> FindPartnershipIdByInstitution(Connection& c, int64_t institution_id) {
  auto row = c.QueryOne("SELECT id FROM partnerships WHERE institution_id = :id",
                        store::Params().Set("id", institution_id));
  return row ? std::optional<int64_t>(row->Int("id")) : std::nullopt;
}

std::vector<std::pair<std::string, int64_t>> PartnerCountries(Connection& c) {
  std::vector<std::pair<std::string, int64_t>> countries;
  for (const auto& row :
       c.Query("SELECT i.country, COUNT(*) AS n FROM partnerships p JOIN institutions i ON i.id = "
               "p.institution_id GROUP BY i.country ORDER BY i.country")) {
    countries.emplace_back(row.Text("country"), row.Int("n"));
  }
  return countries;
}

std::vector<std::string> PartnershipDependants(Connection& c, int64_t id) {
  const auto params = store::Params().Set("id", id);
  std::vector<std::string> names;
  for (const auto& row :
       c.Query("SELECT id, title, type FROM agreements WHERE partnership_id = :id "
               "ORDER BY id LIMIT 10",
               params)) {
    names.push_back("agreement " + std::to_string(row.Int("id")) + " “" +
                    row.OptionalText("title").value_or(row.Text("type")) + "”");
  }
  for (const auto& row :
       c.Query("SELECT name FROM joint_structures WHERE partnership_id = :id ORDER BY id LIMIT 10",
               params)) {
    names.push_back("joint structure “" + row.Text("name") + "”");
  }
  for (const auto& [table, one, many] : {std::tuple{"partner_contacts", "contact", "contacts"},
                                         {"partner_notes", "note", "notes"}}) {
    // `table` is one of the two literals above.
    const auto count = c.QueryOne(std::string("SELECT COUNT(*) AS n FROM ") + table +
                                      " WHERE partnership_id = :id",
                                  params)
                           ->Int("n");
    if (count > 0) {
      names.push_back(std::to_string(count) + " " + (count == 1 ? one : many));
    }
  }
  return names;
}

Summary LoadSummary(Connection& c, int current_year) {
  Summary summary;
  for (const auto& row : c.Query("SELECT tier, COUNT(*) AS n FROM partnerships GROUP BY tier ORDER BY tier")) {
    summary.partners_by_tier.emplace_back(kTierTable.FromStored(row.Text("tier")), row.Int("n"));
    summary.partners += row.Int("n");
  }
  summary.active_agreements = c.Count("SELECT COUNT(*) AS n FROM agreements WHERE status = 'active'");
  summary.countries = c.Count(
      "SELECT COUNT(DISTINCT i.country) AS n FROM partnerships p JOIN institutions i ON i.id = "
      "p.institution_id");
  for (const auto& row : c.Query(
           "SELECT q.direction, COALESCE(SUM(q.places_per_year), 0) AS n FROM quotas q JOIN "
           "agreements a ON a.id = q.agreement_id WHERE a.status = 'active' AND "
           "a.first_academic_year <= :year AND a.last_academic_year >= :year GROUP BY q.direction",
           store::Params().Set("year", current_year))) {
    (kDirectionTable.FromStored(row.Text("direction")) == Direction::kOutgoing
         ? summary.outgoing_places
         : summary.incoming_places) = row.Int("n");
  }
  return summary;
}

}  // namespace weltcampus::partners::repository
