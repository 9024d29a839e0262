#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <span>

#include "core/collation.h"
#include "core/date.h"
#include "core/text.h"
#include "partners/hooks.h"
#include "partners/repository.h"
#include "partners/schemas.h"
#include "store/child_rows.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

constexpr const char* kAgreementFrom =
    "FROM agreements a JOIN partnerships p ON p.id = a.partnership_id "
    "JOIN institutions i ON i.id = p.institution_id";
constexpr const char* kAgreementColumns =
    "SELECT a.id, a.partnership_id, a.title, a.title_de, a.type, a.status, a.first_academic_year, "
    "a.last_academic_year, a.ends_on, a.org_unit_id, a.version, a.created_at, a.updated_at, "
    "i.name AS institution_name, i.country AS institution_country, a.predecessor_id, "
    "(SELECT s.id FROM agreements s WHERE s.predecessor_id = a.id) AS successor_id ";

const store::ChildTable kQuotas{"quotas", "agreement_id", "Quota", "quotas"};
const store::ChildTable kContacts{"agreement_contacts", "agreement_id", "Contact", "contacts"};

Agreement AgreementFromRow(const store::Row& row) {
  Agreement agreement;
  agreement.id = row.Int("id");
  agreement.partnership_id = row.Int("partnership_id");
  agreement.title = row.OptionalText("title");
  agreement.title_de = row.OptionalText("title_de");
  agreement.type = kAgreementTypeTable.FromStored(row.Text("type"));
  agreement.status = kAgreementStatusTable.FromStored(row.Text("status"));
  agreement.first_academic_year = static_cast<int>(row.Int("first_academic_year"));
  agreement.last_academic_year = static_cast<int>(row.Int("last_academic_year"));
  agreement.ends_on = row.Text("ends_on");
  agreement.org_unit_id = row.OptionalInt("org_unit_id");
  agreement.version = row.Int("version");
  agreement.created_at = row.Text("created_at");
  agreement.updated_at = row.Text("updated_at");
  agreement.institution_name = row.Text("institution_name");
  agreement.institution_country = row.Text("institution_country");
  agreement.predecessor_id = row.OptionalInt("predecessor_id");
  agreement.successor_id = row.OptionalInt("successor_id");
  return agreement;
}

// Loads partners, contacts and quotas (with their levels and languages) for the given agreements
// with one query each: a page costs the same five statements whatever its size.
void LoadChildren(Connection& c, std::span<Agreement> agreements) {
  if (agreements.empty()) {
    return;
  }
  std::map<int64_t, Agreement*> by_id;
  std::vector<int64_t> ids;
  for (auto& agreement : agreements) {
    by_id[agreement.id] = &agreement;
    ids.push_back(agreement.id);
  }
  store::Params params;
  const std::string in_list = store::InList(ids, params, "a");
  for (const auto& row : c.Query("SELECT agreement_id, institution_id FROM agreement_partners WHERE "
                                 "agreement_id IN (" + in_list + ") ORDER BY agreement_id, position",
                                 params)) {
    by_id[row.Int("agreement_id")]->partner_institution_ids.push_back(row.Int("institution_id"));
  }
  for (const auto& row : c.Query("SELECT id, agreement_id, name, email, phone, role FROM "
                                 "agreement_contacts WHERE agreement_id IN (" + in_list +
                                     ") ORDER BY agreement_id, position, id",
                                 params)) {
    by_id[row.Int("agreement_id")]->contacts.push_back(
        Contact{row.Int("id"), row.Text("name"), row.OptionalText("email"),
                row.OptionalText("phone"), row.OptionalText("role")});
  }
  std::map<int64_t, Quota*> quotas;
  for (const auto& row : c.Query(
           "SELECT id, agreement_id, direction, category, isced_code, places_per_year, "
           "months_per_place, days_per_place FROM quotas WHERE agreement_id IN (" + in_list +
               ") ORDER BY agreement_id, position, id",
           params)) {
    Quota quota;
    quota.id = row.Int("id");
    quota.direction = kDirectionTable.FromStored(row.Text("direction"));
    quota.category = kQuotaCategoryTable.FromStored(row.Text("category"));
    quota.isced_code = row.OptionalText("isced_code");
    quota.places_per_year = row.Int("places_per_year");
    quota.months_per_place = row.OptionalReal("months_per_place");
    quota.days_per_place = row.OptionalInt("days_per_place");
    by_id[row.Int("agreement_id")]->quotas.push_back(std::move(quota));
  }
  for (auto& agreement : agreements) {
    for (auto& quota : agreement.quotas) {
      quotas[quota.id] = &quota;
    }
  }
  const std::string quota_subquery = "SELECT id FROM quotas WHERE agreement_id IN (" + in_list + ")";
  for (const auto& row : c.Query("SELECT quota_id, eqf_level FROM quota_eqf_levels WHERE quota_id IN (" +
                                     quota_subquery + ") ORDER BY quota_id, eqf_level",
                                 params)) {
    quotas.at(row.Int("quota_id"))->eqf_levels.push_back(static_cast<int>(row.Int("eqf_level")));
  }
  for (const auto& row : c.Query("SELECT quota_id, language, cefr FROM quota_languages WHERE quota_id "
                                 "IN (" + quota_subquery + ") ORDER BY quota_id, position",
                                 params)) {
    quotas.at(row.Int("quota_id"))->languages.push_back({row.Text("language"), row.Text("cefr")});
  }
}

store::Params QuotaParams(const Quota& quota, int64_t position) {
  store::Params params;
  params.Set("position", position)
      .Set("direction", kDirectionTable.Name(quota.direction))
      .Set("category", kQuotaCategoryTable.Name(quota.category))
      .Set("isced_code", quota.isced_code)
      .Set("places", quota.places_per_year)
      .Set("months", quota.months_per_place)
      .Set("days", quota.days_per_place);
  return params;
}

void WriteQuotaRows(Connection& c, const Quota& quota) {
  const auto id = store::Params().Set("id", quota.id);
  c.Exec("DELETE FROM quota_eqf_levels WHERE quota_id = :id", id);
  c.Exec("DELETE FROM quota_languages WHERE quota_id = :id", id);
  for (int level : quota.eqf_levels) {
    c.Exec("INSERT INTO quota_eqf_levels (quota_id, eqf_level) VALUES (:id, :level)",
           store::Params().Set("id", quota.id).Set("level", level));
  }
  for (size_t i = 0; i < quota.languages.size(); ++i) {
    c.Exec("INSERT INTO quota_languages (quota_id, position, language, cefr) VALUES (:id, "
           ":position, :language, :cefr)",
           store::Params()
               .Set("id", quota.id)
               .Set("position", static_cast<int64_t>(i))
               .Set("language", quota.languages[i].language)
               .Set("cefr", quota.languages[i].cefr));
  }
}

store::Params ContactParams(const Contact& contact, int64_t position) {
  store::Params params;
  params.Set("position", position)
      .Set("name", contact.name)
      .Set("email", contact.email)
      .Set("phone", contact.phone)
      .Set("role", contact.role);
  return params;
}

void WriteChildren(Connection& c, Agreement& agreement) {
  c.Exec("DELETE FROM agreement_partners WHERE agreement_id = :id",
         store::Params().Set("id", agreement.id));
  for (size_t i = 0; i < agreement.partner_institution_ids.size(); ++i) {
    c.Exec("INSERT INTO agreement_partners (agreement_id, institution_id, position) VALUES (:id, "
           ":institution, :position)",
           store::Params()
               .Set("id", agreement.id)
               .Set("institution", agreement.partner_institution_ids[i])
               .Set("position", static_cast<int64_t>(i)));
  }
  store::SyncChildren(
      c, kContacts, agreement.id, agreement.contacts,
      [&](Contact& contact, int64_t position) {
        c.Exec("UPDATE agreement_contacts SET position = :position, name = :name, email = :email, "
               "phone = :phone, role = :role WHERE id = :id",
               ContactParams(contact, position).Set("id", contact.id));
      },
      [&](Contact& contact, int64_t position) {
        contact.id = c.Insert(
            "INSERT INTO agreement_contacts (agreement_id, position, name, email, phone, role) "
            "VALUES (:agreement, :position, :name, :email, :phone, :role)",
            ContactParams(contact, position).Set("agreement", agreement.id));
      });
  store::SyncChildren(
      c, kQuotas, agreement.id, agreement.quotas,
      [&](Quota& quota, int64_t position) {
        c.Exec("UPDATE quotas SET position = :position, direction = :direction, category = "
               ":category, isced_code = :isced_code, places_per_year = :places, months_per_place = "
               ":months, days_per_place = :days WHERE id = :id",
               QuotaParams(quota, position).Set("id", quota.id));
        WriteQuotaRows(c, quota);
        RunQuotaChecks(c, quota);
      },
      [&](Quota& quota, int64_t position) {
        quota.id = c.Insert(
            "INSERT INTO quotas (agreement_id, position, direction, category, isced_code, "
            "places_per_year, months_per_place, days_per_place) VALUES (:agreement, :position, "
            ":direction, :category, :isced_code, :places, :months, :days)",
            QuotaParams(quota, position).Set("agreement", agreement.id));
        WriteQuotaRows(c, quota);
      });
}

// The children of a new agreement, which has none stored yet: one multi-row INSERT per table
// (store::Connection::InsertRows) instead of SyncChildren's statement per row.
void InsertChildren(Connection& c, Agreement& agreement) {
  std::vector<store::Params> rows;
  for (size_t i = 0; i < agreement.partner_institution_ids.size(); ++i) {
    rows.push_back(store::Params()
                       .Set("agreement_id", agreement.id)
                       .Set("institution_id", agreement.partner_institution_ids[i])
                       .Set("position", static_cast<int64_t>(i)));
  }
  c.InsertRows("agreement_partners", rows);
  rows.clear();
  for (size_t i = 0; i < agreement.contacts.size(); ++i) {
    const auto& contact = agreement.contacts[i];
    rows.push_back(store::Params()
                       .Set("agreement_id", agreement.id)
                       .Set("position", static_cast<int64_t>(i))
                       .Set("name", contact.name)
                       .Set("email", contact.email)
                       .Set("phone", contact.phone)
                       .Set("role", contact.role));
  }
  for (const auto& row : c.InsertRows("agreement_contacts", rows, "id, position")) {
    agreement.contacts.at(static_cast<size_t>(row.Int("position"))).id = row.Int("id");
  }
  rows.clear();
  for (size_t i = 0; i < agreement.quotas.size(); ++i) {
    const auto& quota = agreement.quotas[i];
    rows.push_back(store::Params()
                       .Set("agreement_id", agreement.id)
                       .Set("position", static_cast<int64_t>(i))
                       .Set("direction", kDirectionTable.Name(quota.direction))
                       .Set("category", kQuotaCategoryTable.Name(quota.category))
                       .Set("isced_code", quota.isced_code)
                       .Set("places_per_year", quota.places_per_year)
                       .Set("months_per_place", quota.months_per_place)
                       .Set("days_per_place", quota.days_per_place));
  }
  for (const auto& row : c.InsertRows("quotas", rows, "id, position")) {
    agreement.quotas.at(static_cast<size_t>(row.Int("position"))).id = row.Int("id");
  }
  rows.clear();
  std::vector<store::Params> languages;
  for (const auto& quota : agreement.quotas) {
    for (int level : quota.eqf_levels) {
      rows.push_back(store::Params().Set("quota_id", quota.id).Set("eqf_level", level));
    }
    for (size_t i = 0; i < quota.languages.size(); ++i) {
      languages.push_back(store::Params()
                              .Set("quota_id", quota.id)
                              .Set("position", static_cast<int64_t>(i))
                              .Set("language", quota.languages[i].language)
                              .Set("cefr", quota.languages[i].cefr));
    }
  }
  c.InsertRows("quota_eqf_levels", rows);
  c.InsertRows("quota_languages", languages);
}

// The collation key of the title a reader of one language sees: their own, else the other
// (0019_collation_keys.sql); none without a title.
std::optional<std::string> TitleKey(const std::optional<std::string>& own,
                                    const std::optional<std::string>& other) {
  const auto& title = own ? own : other;
  return title ? std::optional(CollationKey(*title)) : std::nullopt;
}

store::Params AgreementFieldParams(const Agreement& agreement) {
  store::Params params;
  params.Set("partnership_id", agreement.partnership_id)
      .Set("title_key_en", TitleKey(agreement.title, agreement.title_de))
      .Set("title_key_de", TitleKey(agreement.title_de, agreement.title))
      .Set("title", agreement.title)
      .Set("title_de", agreement.title_de)
      // Both titles are found by a search, in either language.
      .Set("search_text",
           FoldForSearch(agreement.title.value_or("") + " " + agreement.title_de.value_or("")))
      .Set("type", kAgreementTypeTable.Name(agreement.type))
      .Set("status", kAgreementStatusTable.Name(agreement.status))
      .Set("first_year", static_cast<int64_t>(agreement.first_academic_year))
      .Set("last_year", static_cast<int64_t>(agreement.last_academic_year))
      .Set("ends_on", agreement.ends_on)
      .Set("org_unit_id", agreement.org_unit_id);
  return params;
}

}  // namespace

const store::SortTable& AgreementSorts() {
  static const store::SortTable table(
      // By the partner's name kept with the agreement
      // (db/migrations/0010_partner_sort_columns.sql), each sort in the order of an index.
      // Names and titles by their collation keys (core/collation.h, 0019_collation_keys.sql),
      // the title the reader's language shows.
      "a.id", {{"last_academic_year", "a.last_academic_year $, a.partner_name_key $"},
               {"title", "a.title_key_{lang} $"},
               {"status", "a.status $, a.partner_name_key $"},
               {"institution", "a.partner_name_key $"},
               {"ends_on", "a.ends_on $, a.partner_name_key $"}});
  return table;
}


std::optional<Agreement> FindAgreement(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kAgreementColumns) + kAgreementFrom + " WHERE a.id = :id",
                        store::Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  std::vector<Agreement> one{AgreementFromRow(*row)};
  LoadChildren(c, one);
  return std::move(one.front());
}

std::vector<Agreement> AgreementsWhere(Connection& c, const std::string& condition,
                                       const store::Params& params) {
  std::vector<Agreement> found;
  for (const auto& row : c.Query(std::string(kAgreementColumns) + kAgreementFrom + " WHERE " +
                                     condition + " ORDER BY a.partner_name_key, a.id",
                                 params)) {
    found.push_back(AgreementFromRow(row));
  }
  // The children by batches of ids, so that a statement's list of parameters stays short.
  constexpr size_t kBatch = 500;
  for (size_t first = 0; first < found.size(); first += kBatch) {
    LoadChildren(
        c, std::span<Agreement>(found).subspan(first, std::min(kBatch, found.size() - first)));
  }
  return found;
}

store::Page<Agreement> ListAgreements(Connection& c, const AgreementFilter& filter,
                                      const PageRequest& page, AgreementChildren children) {
  store::Filter where;
  // By the partner's name (as SearchInstitutions) or the title, through their trigram indexes.
  where
      .IndexedContains(
          c.backend(), "(i.search_text LIKE :q ESCAPE '\\' OR a.search_text LIKE :q ESCAPE '\\')",
          "(i.id IN (SELECT rowid FROM institutions_search WHERE institutions_search MATCH :q) OR "
          "a.id IN (SELECT rowid FROM agreements_search WHERE agreements_search MATCH :q))",
          "q", filter.q)
      .Equal("a.partnership_id", filter.partnership_id)
      .Add(
          "EXISTS (SELECT 1 FROM agreement_partners ap WHERE ap.agreement_id = a.id AND "
          "ap.institution_id = :institution_id)",
          "institution_id", filter.institution_id)
      .Equal("a.type", kAgreementTypeTable.Name(filter.type))
      .Equal("a.status", kAgreementStatusTable.Name(filter.status))
      .Add("a.first_academic_year <= :year AND a.last_academic_year >= :year", "year",
           filter.academic_year)
      .Add("a.ends_on <= :ends_before", "ends_before", filter.ends_before);
  if (filter.without_successor) {
    where.Add("NOT EXISTS (SELECT 1 FROM agreements s WHERE s.predecessor_id = a.id)");
  }
  if (filter.only_in_force) {
    // Word for word the condition of the index agreements_in_force_ends (migration 0010).
    where.Add("a.status IN ('signed', 'active')");
  }
  if (children == AgreementChildren::kRecords) {
    auto result =
        store::ListPage(c, {std::string(kAgreementColumns) + kAgreementFrom, kAgreementFrom}, where,
                        AgreementSorts(), page, AgreementFromRow);
    LoadChildren(c, result.items);
    return result;
  }
  auto result = store::ListPage(
      c, {std::string(kAgreementColumns) + ", a.children_json " + kAgreementFrom, kAgreementFrom},
      where, AgreementSorts(), page, [](const store::Row& row) {
        Agreement agreement = AgreementFromRow(row);
        agreement.children_json = row.Text("children_json");
        return agreement;
      });
  // An agreement written before its text was kept (none after the migration that writes them).
  if (std::any_of(result.items.begin(), result.items.end(),
                  [](const Agreement& agreement) { return agreement.children_json.empty(); })) {
    for (auto& agreement : result.items) {
      agreement.children_json.clear();
    }
    LoadChildren(c, result.items);
  }
  return result;
}

namespace {

// The partnership's count of active agreements (db/migrations/0006_kept_counts.sql), after a
// write of one of its agreements in the same transaction.
void RecountActiveAgreements(Connection& c, int64_t partnership_id) {
  c.Exec(
      "UPDATE partnerships SET active_agreements = (SELECT COUNT(*) FROM agreements a WHERE "
      "a.partnership_id = :id AND a.status = 'active') WHERE id = :id",
      store::Params().Set("id", partnership_id));
}

// The children's text kept with the agreement (db/migrations/0012_agreement_children_text.sql),
// after its child rows are written in the same transaction.
void KeepChildrenText(Connection& c, const Agreement& agreement) {
  c.Exec("UPDATE agreements SET children_json = :text WHERE id = :id",
         store::Params().Set("text", AgreementChildrenText(agreement)).Set("id", agreement.id));
}

// Every agreement with its child rows, in batches by id.
template <typename F>
void ForEachAgreementsChildren(Connection& c, F f) {
  int64_t after = 0;
  for (;;) {
    std::vector<Agreement> batch;
    for (const auto& row :
         c.Query("SELECT id, children_json FROM agreements WHERE id > :after ORDER BY id LIMIT 500",
                 store::Params().Set("after", after))) {
      Agreement agreement;
      agreement.id = row.Int("id");
      agreement.children_json = row.Text("children_json");
      batch.push_back(std::move(agreement));
    }
    if (batch.empty()) {
      return;
    }
    LoadChildren(c, batch);
    for (const auto& agreement : batch) {
      f(agreement);
    }
    after = batch.back().id;
  }
}

std::optional<int64_t> PartnershipOfAgreement(Connection& c, int64_t id) {
  const auto row = c.QueryOne("SELECT partnership_id FROM agreements WHERE id = :id",
                              store::Params().Set("id", id));
  return row ? std::optional<int64_t>(row->Int("partnership_id")) : std::nullopt;
}

}  // namespace

void InsertAgreement(Connection& c, Agreement& agreement, KeptCounts counts) {
  agreement.id = c.Insert(
      "INSERT INTO agreements (partnership_id, partner_name, partner_name_key, title, title_de, "
      "title_key_en, title_key_de, search_text, type, status, first_academic_year, "
      "last_academic_year, ends_on, org_unit_id, predecessor_id, version, created_at, updated_at) "
      "VALUES (:partnership_id, (SELECT partner_name FROM partnerships WHERE id = "
      ":partnership_id), (SELECT partner_name_key FROM partnerships WHERE id = :partnership_id), "
      ":title, :title_de, :title_key_en, :title_key_de, :search_text, :type, :status, "
      ":first_year, :last_year, :ends_on, :org_unit_id, :predecessor_id, 1, :at, :at)",
      AgreementFieldParams(agreement)
          .Set("predecessor_id", agreement.predecessor_id)
          .Set("at", NowUtcTimestamp()));
  agreement.version = 1;
  InsertChildren(c, agreement);
  KeepChildrenText(c, agreement);
  if (counts == KeptCounts::kNow) {
    RecountActiveAgreements(c, agreement.partnership_id);
    CountMapChange(c);
  }
}

void RecountAfterBulkInsert(Connection& c) {
  c.Exec(
      "UPDATE partnerships SET active_agreements = (SELECT COUNT(*) FROM agreements a WHERE "
      "a.partnership_id = partnerships.id AND a.status = 'active') WHERE active_agreements <> "
      "(SELECT COUNT(*) FROM agreements a WHERE a.partnership_id = partnerships.id AND a.status "
      "= 'active')");
  CountMapChange(c);
}

void UpdateAgreement(Connection& c, Agreement& agreement, int64_t expected_version) {
  const auto before = PartnershipOfAgreement(c, agreement.id);
  agreement.version = store::VersionedUpdate(
      c, "agreements", "Agreement", agreement.id, expected_version,
      "partnership_id = :partnership_id, partner_name = (SELECT partner_name FROM partnerships "
      "WHERE id = :partnership_id), partner_name_key = (SELECT partner_name_key FROM "
      "partnerships WHERE id = :partnership_id), title = :title, title_de = :title_de, "
      "title_key_en = :title_key_en, title_key_de = :title_key_de, "
      "search_text = :search_text, type = :type, "
      "status = :status, "
      "first_academic_year = :first_year, last_academic_year = :last_year, ends_on = :ends_on, "
      "org_unit_id = :org_unit_id",
      AgreementFieldParams(agreement));
  WriteChildren(c, agreement);
  KeepChildrenText(c, agreement);
  RecountActiveAgreements(c, agreement.partnership_id);
  if (before && *before != agreement.partnership_id) {
    RecountActiveAgreements(c, *before);
  }
  CountMapChange(c);
}

void WriteAgreementTitleKeys(Connection& c) {
  for (const auto& row :
       c.Query("SELECT id, title, title_de, title_key_en, title_key_de FROM agreements")) {
    const auto title = row.OptionalText("title");
    const auto title_de = row.OptionalText("title_de");
    const auto key_en = TitleKey(title, title_de);
    const auto key_de = TitleKey(title_de, title);
    if (key_en != row.OptionalText("title_key_en") || key_de != row.OptionalText("title_key_de")) {
      c.Exec("UPDATE agreements SET title_key_en = :en, title_key_de = :de WHERE id = :id",
             store::Params().Set("en", key_en).Set("de", key_de).Set("id", row.Int("id")));
    }
  }
}

void KeepAllChildrenTexts(Connection& c) {
  ForEachAgreementsChildren(c, [&](const Agreement& agreement) { KeepChildrenText(c, agreement); });
}

std::vector<std::string> StaleChildrenTexts(Connection& c) {
  std::vector<std::string> stale;
  ForEachAgreementsChildren(c, [&](const Agreement& agreement) {
    if (agreement.children_json != AgreementChildrenText(agreement)) {
      stale.push_back(
          fmt::format("agreement {}: its kept children differ from its child rows", agreement.id));
    }
  });
  return stale;
}

void DeleteAgreement(Connection& c, int64_t id, int64_t expected_version) {
  // Quotas go with their agreement (ON DELETE CASCADE): refuse while other records use one.
  for (const auto& row : c.Query("SELECT id FROM quotas WHERE agreement_id = :id",
                                 store::Params().Set("id", id))) {
    store::RefuseIfReferenced(c, "quotas", row.Int("id"), "Quota");
  }
  const auto partnership = PartnershipOfAgreement(c, id);
  store::VersionedDelete(c, "agreements", "Agreement", id, expected_version);
  if (partnership) {
    RecountActiveAgreements(c, *partnership);
  }
  CountMapChange(c);
}

}  // namespace weltcampus::partners::repository
