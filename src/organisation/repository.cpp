#include "organisation/repository.h"

#include "organisation/org_units.h"
#include "store/filter.h"

namespace weltcampus::organisation::repository {

std::optional<OrgUnit> FindOrgUnit(Connection& c, int64_t id) { return OrgUnitTable().Find(c, id); }

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
