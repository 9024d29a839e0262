#include "organisation/repository.h"

#include "core/date.h"
#include "store/filter.h"
#include "store/versioned.h"

namespace weltcampus::organisation::repository {

namespace {

OrgUnit FromRow(const store::Row& row) {
  return OrgUnit{row.Int("id"),
                 row.OptionalInt("parent_id"),
                 row.Text("name"),
                 row.OptionalText("name_de"),
                 kOrgUnitKindTable.FromStored(row.Text("kind")),
                 row.OptionalText("code"),
                 row.Int("version")};
}

store::Params FieldParams(const OrgUnit& unit) {
  store::Params params;
  params.Set("parent_id", unit.parent_id)
      .Set("name", unit.name)
      .Set("name_de", unit.name_de)
      .Set("kind", std::string(kOrgUnitKindTable.Name(unit.kind)))
      .Set("code", unit.code);
  return params;
}

const std::string kSelect =
    "SELECT id, parent_id, name, name_de, kind, code, version FROM org_units";

}  // namespace

std::optional<OrgUnit> FindOrgUnit(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kSelect) + " WHERE id = :id", store::Params().Set("id", id));
  return row ? std::optional<OrgUnit>(FromRow(*row)) : std::nullopt;
}

std::vector<OrgUnit> ListOrgUnits(Connection& c, const std::optional<std::string>& q) {
  std::vector<OrgUnit> units;
  store::Filter where;
  where.Contains(
      "(lower(name) LIKE :q ESCAPE '\\' OR lower(name_de) LIKE :q ESCAPE '\\' OR "
      "lower(code) LIKE :q ESCAPE '\\')",
      "q", q);
  for (const auto& row : c.Query(kSelect + where.Where() + " ORDER BY name, id", where.params())) {
    units.push_back(FromRow(row));
  }
  return units;
}

void InsertOrgUnit(Connection& c, OrgUnit& unit) {
  unit.id = c.Insert(
      "INSERT INTO org_units (parent_id, name, name_de, kind, code, version, created_at, "
      "updated_at) "
      "VALUES (:parent_id, :name, :name_de, :kind, :code, 1, :at, :at)",
      FieldParams(unit).Set("at", NowUtcTimestamp()));
  unit.version = 1;
}

void UpdateOrgUnit(Connection& c, OrgUnit& unit, int64_t expected_version) {
  unit.version = store::VersionedUpdate(
      c, "org_units", "Organisational unit", unit.id, expected_version,
      "parent_id = :parent_id, name = :name, name_de = :name_de, kind = :kind, code = :code",
      FieldParams(unit));
}

void DeleteOrgUnit(Connection& c, int64_t id, int64_t expected_version) {
  store::VersionedDelete(c, "org_units", "Organisational unit", id, expected_version);
}

std::optional<int64_t> FindOrgUnitIdByCode(Connection& c, const std::string& code) {
  auto row =
      c.QueryOne("SELECT id FROM org_units WHERE code = :code", store::Params().Set("code", code));
  return row ? std::optional<int64_t>(row->Int("id")) : std::nullopt;
}

bool HasSubUnits(Connection& c, int64_t id) {
  return c
      .QueryOne("SELECT id FROM org_units WHERE parent_id = :id LIMIT 1",
                store::Params().Set("id", id))
      .has_value();
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

bool IscedCodeKnown(Connection& c, const std::string& code) {
  return c
      .QueryOne("SELECT code FROM isced_fields WHERE code = :code",
                store::Params().Set("code", code))
      .has_value();
}

bool IscedTableEmpty(Connection& c) {
  return c.Count("SELECT COUNT(*) AS n FROM isced_fields") == 0;
}

std::vector<IscedField> ListIscedFields(Connection& c, const std::optional<std::string>& q,
                                        const std::optional<std::string>& level) {
  store::Filter where;
  where
      .Contains(
          "(code LIKE :q ESCAPE '\\' OR lower(label_en) LIKE :q ESCAPE '\\' OR lower(label_de) "
          "LIKE :q ESCAPE '\\')",
          "q", q)
      .Equal("level", level);
  std::vector<IscedField> fields;
  for (const auto& row : c.Query("SELECT code, level, label_en, label_de FROM isced_fields" +
                                     where.Where() + " ORDER BY code",
                                 where.params())) {
    fields.push_back(
        {row.Text("code"), row.Text("level"), row.Text("label_en"), row.OptionalText("label_de")});
  }
  return fields;
}

}  // namespace weltcampus::organisation::repository
