#include "core/date.h"
#include "partners/repository.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

OrgUnit FromRow(const store::Row& row) {
  return OrgUnit{row.Int("id"),          row.OptionalInt("parent_id"), row.Text("name"),
                 row.OptionalText("name_de"), row.Text("kind"),        row.OptionalText("code"),
                 row.Int("version")};
}

store::Params FieldParams(const OrgUnit& unit) {
  store::Params params;
  params.Set("parent_id", unit.parent_id)
      .Set("name", unit.name)
      .Set("name_de", unit.name_de)
      .Set("kind", unit.kind)
      .Set("code", unit.code)
      .Set("at", NowUtcTimestamp());
  return params;
}

constexpr const char* kSelect = "SELECT id, parent_id, name, name_de, kind, code, version FROM org_units";

}  // namespace

std::optional<OrgUnit> FindOrgUnit(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kSelect) + " WHERE id = :id", store::Params().Set("id", id));
  return row ? std::optional<OrgUnit>(FromRow(*row)) : std::nullopt;
}

std::vector<OrgUnit> ListOrgUnits(Connection& c, const std::optional<std::string>& q) {
  std::vector<OrgUnit> units;
  store::Params params;
  std::string sql = kSelect;
  if (q) {
    sql += " WHERE lower(name) LIKE :q ESCAPE '\\' OR lower(name_de) LIKE :q ESCAPE '\\' OR lower(code) LIKE :q ESCAPE '\\'";
    params.Set("q", store::ContainsPattern(*q));
  }
  for (const auto& row : c.Query(sql + " ORDER BY name, id", params)) {
    units.push_back(FromRow(row));
  }
  return units;
}

void InsertOrgUnit(Connection& c, OrgUnit& unit) {
  unit.id = c.Insert(
      "INSERT INTO org_units (parent_id, name, name_de, kind, code, version, created_at, updated_at) "
      "VALUES (:parent_id, :name, :name_de, :kind, :code, 1, :at, :at)",
      FieldParams(unit));
  unit.version = 1;
}

void UpdateOrgUnit(Connection& c, OrgUnit& unit, int64_t expected_version) {
  auto params = FieldParams(unit);
  params.Set("id", unit.id).Set("version", expected_version);
  store::RequireChanged(
      c.Exec("UPDATE org_units SET parent_id = :parent_id, name = :name, name_de = :name_de, kind = "
             ":kind, code = :code, version = version + 1, updated_at = :at WHERE id = :id AND "
             "version = :version",
             params),
      c, "org_units", unit.id, "organisational unit");
  unit.version = expected_version + 1;
}

void DeleteOrgUnit(Connection& c, int64_t id, int64_t expected_version) {
  store::RequireChanged(c.Exec("DELETE FROM org_units WHERE id = :id AND version = :version",
                               store::Params().Set("id", id).Set("version", expected_version)),
                        c, "org_units", id, "organisational unit");
}

std::optional<int64_t> FindOrgUnitIdByCode(Connection& c, const std::string& code) {
  auto row = c.QueryOne("SELECT id FROM org_units WHERE code = :code", store::Params().Set("code", code));
  return row ? std::optional<int64_t>(row->Int("id")) : std::nullopt;
}

bool OrgUnitInUse(Connection& c, int64_t id) {
  const auto params = store::Params().Set("id", id);
  return c.QueryOne("SELECT id FROM org_units WHERE parent_id = :id LIMIT 1", params) ||
         c.QueryOne("SELECT id FROM agreements WHERE org_unit_id = :id LIMIT 1", params);
}

std::vector<int64_t> OrgUnitAncestors(Connection& c, int64_t id) {
  std::vector<int64_t> chain;
  std::optional<int64_t> current = id;
  // The tree is shallow; the bound guards against a cycle already in the data.
  while (current && chain.size() < 64) {
    chain.push_back(*current);
    auto row = c.QueryOne("SELECT parent_id FROM org_units WHERE id = :id",
                          store::Params().Set("id", *current));
    current = row ? row->OptionalInt("parent_id") : std::nullopt;
  }
  return chain;
}

}  // namespace weltcampus::partners::repository
