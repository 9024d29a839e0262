#include <map>
#include <sstream>

#include "core/date.h"
#include "partners/repository.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.partnership_id, a.title, a.type, a.status, a.first_academic_year, "
    "a.last_academic_year, a.ends_on, a.org_unit_id, a.version, a.created_at, a.updated_at, "
    "i.name AS institution_name, i.country AS institution_country FROM agreements a "
    "JOIN partnerships p ON p.id = a.partnership_id JOIN institutions i ON i.id = p.institution_id";

Agreement FromRow(const store::Row& row) {
  Agreement agreement;
  agreement.id = row.Int("id");
  agreement.partnership_id = row.Int("partnership_id");
  agreement.title = row.OptionalText("title");
  agreement.type = row.Text("type");
  agreement.status = row.Text("status");
  agreement.first_academic_year = static_cast<int>(row.Int("first_academic_year"));
  agreement.last_academic_year = static_cast<int>(row.Int("last_academic_year"));
  agreement.ends_on = row.Text("ends_on");
  agreement.org_unit_id = row.OptionalInt("org_unit_id");
  agreement.version = row.Int("version");
  agreement.created_at = row.Text("created_at");
  agreement.updated_at = row.Text("updated_at");
  agreement.institution_name = row.Text("institution_name");
  agreement.institution_country = row.Text("institution_country");
  return agreement;
}

std::string JoinLevels(const std::vector<int>& levels) {
  std::string text;
  for (int level : levels) {
    text += (text.empty() ? "" : ",") + std::to_string(level);
  }
  return text;
}

std::vector<int> SplitLevels(const std::string& text) {
  std::vector<int> levels;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    if (!part.empty()) {
      levels.push_back(std::stoi(part));
    }
  }
  return levels;
}

// "en:B2,de:B1": languages are always read and written with their quota.
std::string JoinLanguages(const std::vector<LanguageRequirement>& languages) {
  std::string text;
  for (const auto& language : languages) {
    text += (text.empty() ? "" : ",") + language.language + ":" + language.cefr;
  }
  return text;
}

std::vector<LanguageRequirement> SplitLanguages(const std::string& text) {
  std::vector<LanguageRequirement> languages;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const auto colon = part.find(':');
    if (colon != std::string::npos) {
      languages.push_back({part.substr(0, colon), part.substr(colon + 1)});
    }
  }
  return languages;
}

// Loads partners, contacts and quotas for the given agreements with one query each.
void LoadChildren(Connection& c, std::vector<Agreement>& agreements) {
  if (agreements.empty()) {
    return;
  }
  std::map<int64_t, Agreement*> by_id;
  std::string in_list;
  store::Params params;
  for (size_t i = 0; i < agreements.size(); ++i) {
    by_id[agreements[i].id] = &agreements[i];
    const std::string name = "a" + std::to_string(i);
    in_list += (i == 0 ? ":" : ", :") + name;
    params.Set(name, agreements[i].id);
  }
  for (const auto& row : c.Query("SELECT agreement_id, institution_id FROM agreement_partners WHERE "
                                 "agreement_id IN (" + in_list + ") ORDER BY agreement_id, position",
                                 params)) {
    by_id[row.Int("agreement_id")]->partner_institution_ids.push_back(row.Int("institution_id"));
  }
  for (const auto& row : c.Query("SELECT agreement_id, name, email, phone, role FROM agreement_contacts "
                                 "WHERE agreement_id IN (" + in_list + ") ORDER BY agreement_id, position",
                                 params)) {
    by_id[row.Int("agreement_id")]->contacts.push_back(
        Contact{row.Text("name"), row.OptionalText("email"), row.OptionalText("phone"),
                row.OptionalText("role")});
  }
  for (const auto& row : c.Query(
           "SELECT id, agreement_id, direction, category, isced_code, eqf_levels, places_per_year, "
           "months_per_place, days_per_place, languages FROM quotas WHERE agreement_id IN (" +
               in_list + ") ORDER BY agreement_id, position",
           params)) {
    Quota quota;
    quota.id = row.Int("id");
    quota.direction = row.Text("direction");
    quota.category = row.Text("category");
    quota.isced_code = row.OptionalText("isced_code");
    quota.eqf_levels = SplitLevels(row.Text("eqf_levels"));
    quota.places_per_year = row.Int("places_per_year");
    quota.months_per_place = row.OptionalReal("months_per_place");
    quota.days_per_place = row.OptionalInt("days_per_place");
    quota.languages = SplitLanguages(row.Text("languages"));
    by_id[row.Int("agreement_id")]->quotas.push_back(std::move(quota));
  }
}

void WriteChildren(Connection& c, Agreement& agreement) {
  const auto id_param = store::Params().Set("id", agreement.id);
  c.Exec("DELETE FROM agreement_partners WHERE agreement_id = :id", id_param);
  c.Exec("DELETE FROM agreement_contacts WHERE agreement_id = :id", id_param);
  c.Exec("DELETE FROM quotas WHERE agreement_id = :id", id_param);
  for (size_t i = 0; i < agreement.partner_institution_ids.size(); ++i) {
    c.Exec("INSERT INTO agreement_partners (agreement_id, institution_id, position) VALUES (:id, "
           ":institution, :position)",
           store::Params()
               .Set("id", agreement.id)
               .Set("institution", agreement.partner_institution_ids[i])
               .Set("position", static_cast<int64_t>(i)));
  }
  for (size_t i = 0; i < agreement.contacts.size(); ++i) {
    const Contact& contact = agreement.contacts[i];
    c.Exec("INSERT INTO agreement_contacts (agreement_id, position, name, email, phone, role) VALUES "
           "(:id, :position, :name, :email, :phone, :role)",
           store::Params()
               .Set("id", agreement.id)
               .Set("position", static_cast<int64_t>(i))
               .Set("name", contact.name)
               .Set("email", contact.email)
               .Set("phone", contact.phone)
               .Set("role", contact.role));
  }
  for (size_t i = 0; i < agreement.quotas.size(); ++i) {
    Quota& quota = agreement.quotas[i];
    quota.id = c.Insert(
        "INSERT INTO quotas (agreement_id, position, direction, category, isced_code, eqf_levels, "
        "places_per_year, months_per_place, days_per_place, languages) VALUES (:id, :position, "
        ":direction, :category, :isced_code, :eqf_levels, :places, :months, :days, :languages)",
        store::Params()
            .Set("id", agreement.id)
            .Set("position", static_cast<int64_t>(i))
            .Set("direction", quota.direction)
            .Set("category", quota.category)
            .Set("isced_code", quota.isced_code)
            .Set("eqf_levels", JoinLevels(quota.eqf_levels))
            .Set("places", quota.places_per_year)
            .Set("months", quota.months_per_place)
            .Set("days", quota.days_per_place)
            .Set("languages", JoinLanguages(quota.languages)));
  }
}

store::Params FieldParams(const Agreement& agreement) {
  store::Params params;
  params.Set("partnership_id", agreement.partnership_id)
      .Set("title", agreement.title)
      .Set("type", agreement.type)
      .Set("status", agreement.status)
      .Set("first_year", static_cast<int64_t>(agreement.first_academic_year))
      .Set("last_year", static_cast<int64_t>(agreement.last_academic_year))
      .Set("ends_on", agreement.ends_on)
      .Set("org_unit_id", agreement.org_unit_id)
      .Set("at", NowUtcTimestamp());
  return params;
}

}  // namespace

std::optional<Agreement> FindAgreement(Connection& c, int64_t id) {
  auto row = c.QueryOne(std::string(kSelect) + " WHERE a.id = :id", store::Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  std::vector<Agreement> one{FromRow(*row)};
  LoadChildren(c, one);
  return std::move(one.front());
}

std::pair<std::vector<Agreement>, int64_t> ListAgreements(Connection& c,
                                                          const AgreementFilter& filter,
                                                          const PageRequest& page) {
  std::string where = " WHERE 1 = 1";
  store::Params params;
  if (filter.q) {
    where += " AND (i.search_text LIKE :q ESCAPE '\\' OR lower(a.title) LIKE :q ESCAPE '\\')";
    params.Set("q", store::ContainsPattern(*filter.q));
  }
  if (filter.partnership_id) {
    where += " AND a.partnership_id = :partnership_id";
    params.Set("partnership_id", *filter.partnership_id);
  }
  if (filter.institution_id) {
    where += " AND EXISTS (SELECT 1 FROM agreement_partners ap WHERE ap.agreement_id = a.id AND "
             "ap.institution_id = :institution_id)";
    params.Set("institution_id", *filter.institution_id);
  }
  if (filter.type) {
    where += " AND a.type = :type";
    params.Set("type", *filter.type);
  }
  if (filter.status) {
    where += " AND a.status = :status";
    params.Set("status", *filter.status);
  }
  if (filter.academic_year) {
    where += " AND a.first_academic_year <= :year AND a.last_academic_year >= :year";
    params.Set("year", static_cast<int64_t>(*filter.academic_year));
  }
  if (filter.ends_before) {
    where += " AND a.ends_on <= :ends_before";
    params.Set("ends_before", *filter.ends_before);
  }
  if (filter.only_in_force) {
    where += " AND a.status IN ('signed', 'active')";
  }
  const int64_t total = c.Count(
      "SELECT COUNT(*) AS n FROM agreements a JOIN partnerships p ON p.id = a.partnership_id JOIN "
      "institutions i ON i.id = p.institution_id" + where,
      params);
  const std::string direction = page.descending ? " DESC" : " ASC";
  std::string order = "a.last_academic_year" + direction + ", i.name ASC";
  if (page.sort == "title") {
    order = "a.title" + direction;
  } else if (page.sort == "status") {
    order = "a.status" + direction + ", i.name ASC";
  } else if (page.sort == "institution") {
    order = "i.name" + direction;
  } else if (page.sort == "ends_on") {
    order = "a.ends_on" + direction + ", i.name ASC";
  }
  params.Set("limit", page.limit).Set("offset", page.offset);
  std::vector<Agreement> items;
  for (const auto& row : c.Query(std::string(kSelect) + where + " ORDER BY " + order + ", a.id" +
                                     direction + " LIMIT :limit OFFSET :offset",
                                 params)) {
    items.push_back(FromRow(row));
  }
  LoadChildren(c, items);
  return {std::move(items), total};
}

void InsertAgreement(Connection& c, Agreement& agreement) {
  agreement.id = c.Insert(
      "INSERT INTO agreements (partnership_id, title, type, status, first_academic_year, "
      "last_academic_year, ends_on, org_unit_id, version, created_at, updated_at) VALUES "
      "(:partnership_id, :title, :type, :status, :first_year, :last_year, :ends_on, :org_unit_id, 1, "
      ":at, :at)",
      FieldParams(agreement));
  agreement.version = 1;
  WriteChildren(c, agreement);
}

void UpdateAgreement(Connection& c, Agreement& agreement, int64_t expected_version) {
  auto params = FieldParams(agreement);
  params.Set("id", agreement.id).Set("version", expected_version);
  store::RequireChanged(
      c.Exec("UPDATE agreements SET partnership_id = :partnership_id, title = :title, type = :type, "
             "status = :status, first_academic_year = :first_year, last_academic_year = :last_year, "
             "ends_on = :ends_on, org_unit_id = :org_unit_id, version = version + 1, updated_at = :at "
             "WHERE id = :id AND version = :version",
             params),
      c, "agreements", agreement.id, "agreement");
  agreement.version = expected_version + 1;
  WriteChildren(c, agreement);
}

void DeleteAgreement(Connection& c, int64_t id, int64_t expected_version) {
  store::RequireChanged(c.Exec("DELETE FROM agreements WHERE id = :id AND version = :version",
                               store::Params().Set("id", id).Set("version", expected_version)),
                        c, "agreements", id, "agreement");
}

}  // namespace weltcampus::partners::repository
