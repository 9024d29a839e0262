#include <map>

#include "core/date.h"
#include "partners/repository.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

// The figures are computed per row of a page, so a list never reads all agreements.
constexpr const char* kSelect =
    "SELECT p.id, p.institution_id, p.tier, p.since, p.responsible_person, p.objectives, p.notes, "
    "p.version, p.created_at, p.updated_at, i.name AS i_name, i.name_local AS i_name_local, "
    "i.country AS i_country, i.city AS i_city, i.erasmus_code AS i_erasmus_code, i.hei_id AS "
    "i_hei_id, i.latitude AS i_latitude, i.longitude AS i_longitude, "
    "(SELECT COUNT(*) FROM agreements a WHERE a.partnership_id = p.id AND a.status = 'active') AS "
    "active_agreements, "
    "(SELECT COALESCE(SUM(q.places_per_year), 0) FROM quotas q JOIN agreements a ON a.id = "
    "q.agreement_id WHERE a.partnership_id = p.id AND a.status = 'active' AND "
    "a.first_academic_year <= :year AND a.last_academic_year >= :year) AS places_per_year "
    "FROM partnerships p JOIN institutions i ON i.id = p.institution_id";

Partnership FromRow(const store::Row& row) {
  Partnership partnership;
  partnership.id = row.Int("id");
  partnership.institution_id = row.Int("institution_id");
  partnership.tier = row.Text("tier");
  partnership.since = row.OptionalText("since");
  partnership.responsible_person = row.OptionalText("responsible_person");
  partnership.objectives = row.OptionalText("objectives");
  partnership.notes = row.OptionalText("notes");
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

store::Params FieldParams(const Partnership& partnership) {
  store::Params params;
  params.Set("institution_id", partnership.institution_id)
      .Set("tier", partnership.tier)
      .Set("since", partnership.since)
      .Set("responsible_person", partnership.responsible_person)
      .Set("objectives", partnership.objectives)
      .Set("notes", partnership.notes)
      .Set("at", NowUtcTimestamp());
  return params;
}

// The WHERE clause of a partner list, its values bound into params.
std::string FilterSql(const PartnershipFilter& filter, store::Params& params) {
  std::string where = " WHERE 1 = 1";
  if (filter.q) {
    where += " AND i.search_text LIKE :q ESCAPE '\\'";
    params.Set("q", store::ContainsPattern(*filter.q));
  }
  if (filter.country) {
    where += " AND i.country = :country";
    params.Set("country", *filter.country);
  }
  if (filter.tier) {
    where += " AND p.tier = :tier";
    params.Set("tier", *filter.tier);
  }
  if (filter.agreement_type || filter.agreement_status) {
    where += " AND EXISTS (SELECT 1 FROM agreements a WHERE a.partnership_id = p.id";
    if (filter.agreement_type) {
      where += " AND a.type = :agreement_type";
      params.Set("agreement_type", *filter.agreement_type);
    }
    if (filter.agreement_status) {
      where += " AND a.status = :agreement_status";
      params.Set("agreement_status", *filter.agreement_status);
    }
    where += ")";
  }
  return where;
}

}  // namespace

std::optional<Partnership> FindPartnership(Connection& c, int64_t id, int current_year) {
  auto row = c.QueryOne(std::string(kSelect) + " WHERE p.id = :id",
                        store::Params().Set("year", current_year).Set("id", id));
  return row ? std::optional<Partnership>(FromRow(*row)) : std::nullopt;
}

std::pair<std::vector<Partnership>, int64_t> ListPartnerships(Connection& c,
                                                              const PartnershipFilter& filter,
                                                              const PageRequest& page,
                                                              int current_year) {
  store::Params params;
  const std::string where = FilterSql(filter, params);
  const int64_t total = c.Count(
      "SELECT COUNT(*) AS n FROM partnerships p JOIN institutions i ON i.id = p.institution_id" + where,
      params);
  const std::string direction = page.descending ? " DESC" : " ASC";
  std::string from = " FROM partnerships p JOIN institutions i ON i.id = p.institution_id";
  std::string order = "i.name" + direction;
  if (page.sort == "country") {
    order = "i.country" + direction + ", i.name" + direction;
  } else if (page.sort == "tier") {
    // Strategic partners first in ascending order: the order the strategy names them in.
    order = "CASE p.tier WHEN 'transcampus' THEN 0 WHEN 'strategic' THEN 1 ELSE 2 END" + direction +
            ", i.name ASC";
  } else if (page.sort == "active_agreements") {
    from += " LEFT JOIN (SELECT partnership_id, COUNT(*) AS n FROM agreements WHERE status = 'active' "
            "GROUP BY partnership_id) ac ON ac.partnership_id = p.id";
    order = "COALESCE(ac.n, 0)" + direction + ", i.name ASC";
  }
  // First the ids of one page, then the figures for those rows only: the per-row subqueries of
  // kSelect would otherwise run for every partner before sorting.
  params.Set("limit", page.limit).Set("offset", page.offset);
  std::vector<int64_t> ids;
  for (const auto& row : c.Query("SELECT p.id AS id" + from + where + " ORDER BY " + order + ", p.id" +
                                     " LIMIT :limit OFFSET :offset",
                                 params)) {
    ids.push_back(row.Int("id"));
  }
  std::vector<Partnership> items;
  if (ids.empty()) {
    return {std::move(items), total};
  }
  std::string in_list;
  store::Params detail_params;
  detail_params.Set("year", current_year);
  for (size_t i = 0; i < ids.size(); ++i) {
    in_list += (i == 0 ? ":p" : ", :p") + std::to_string(i);
    detail_params.Set("p" + std::to_string(i), ids[i]);
  }
  std::map<int64_t, Partnership> by_id;
  for (const auto& row : c.Query(std::string(kSelect) + " WHERE p.id IN (" + in_list + ")", detail_params)) {
    auto partnership = FromRow(row);
    by_id.emplace(partnership.id, std::move(partnership));
  }
  for (int64_t id : ids) {
    items.push_back(std::move(by_id.at(id)));
  }
  return {std::move(items), total};
}

std::vector<MapPoint> ListMapPoints(Connection& c, const PartnershipFilter& filter) {
  store::Params params;
  const std::string where = FilterSql(filter, params);
  std::vector<MapPoint> points;
  for (const auto& row : c.Query(
           "SELECT p.id, p.tier, i.name, i.country, i.city, i.latitude, i.longitude, COALESCE(ac.n, 0) "
           "AS active_agreements FROM partnerships p JOIN institutions i ON i.id = p.institution_id "
           "LEFT JOIN (SELECT partnership_id, COUNT(*) AS n FROM agreements WHERE status = 'active' "
           "GROUP BY partnership_id) ac ON ac.partnership_id = p.id" +
               where + " ORDER BY i.name, p.id",
           params)) {
    points.push_back(MapPoint{row.Int("id"), row.Text("tier"), row.Text("name"), row.Text("country"),
                              row.OptionalText("city"), row.OptionalReal("latitude"),
                              row.OptionalReal("longitude"), row.Int("active_agreements")});
  }
  return points;
}

void InsertPartnership(Connection& c, Partnership& partnership) {
  partnership.id = c.Insert(
      "INSERT INTO partnerships (institution_id, tier, since, responsible_person, objectives, notes, "
      "version, created_at, updated_at) VALUES (:institution_id, :tier, :since, :responsible_person, "
      ":objectives, :notes, 1, :at, :at)",
      FieldParams(partnership));
  partnership.version = 1;
}

void UpdatePartnership(Connection& c, Partnership& partnership, int64_t expected_version) {
  auto params = FieldParams(partnership);
  params.Set("id", partnership.id).Set("version", expected_version);
  store::RequireChanged(
      c.Exec("UPDATE partnerships SET institution_id = :institution_id, tier = :tier, since = :since, "
             "responsible_person = :responsible_person, objectives = :objectives, notes = :notes, "
             "version = version + 1, updated_at = :at WHERE id = :id AND version = :version",
             params),
      c, "partnerships", partnership.id, "partnership");
  partnership.version = expected_version + 1;
}

void DeletePartnership(Connection& c, int64_t id, int64_t expected_version) {
  store::RequireChanged(c.Exec("DELETE FROM partnerships WHERE id = :id AND version = :version",
                               store::Params().Set("id", id).Set("version", expected_version)),
                        c, "partnerships", id, "partnership");
}

std::optional<int64_t> FindPartnershipIdByInstitution(Connection& c, int64_t institution_id) {
  auto row = c.QueryOne("SELECT id FROM partnerships WHERE institution_id = :id",
                        store::Params().Set("id", institution_id));
  return row ? std::optional<int64_t>(row->Int("id")) : std::nullopt;
}

bool PartnershipHasDependants(Connection& c, int64_t id) {
  const auto params = store::Params().Set("id", id);
  return c.QueryOne("SELECT id FROM agreements WHERE partnership_id = :id LIMIT 1", params) ||
         c.QueryOne("SELECT id FROM joint_structures WHERE partnership_id = :id LIMIT 1", params);
}

Summary LoadSummary(Connection& c, int current_year) {
  Summary summary;
  for (const auto& row : c.Query("SELECT tier, COUNT(*) AS n FROM partnerships GROUP BY tier ORDER BY tier")) {
    summary.partners_by_tier.emplace_back(row.Text("tier"), row.Int("n"));
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
    (row.Text("direction") == "outgoing" ? summary.outgoing_places : summary.incoming_places) =
        row.Int("n");
  }
  return summary;
}

}  // namespace weltcampus::partners::repository
