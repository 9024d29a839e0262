#include <algorithm>
#include <cctype>

#include "core/collation.h"
#include "core/date.h"
#include "core/text.h"
#include "partners/repository.h"
#include "store/list_query.h"
#include "store/versioned.h"

namespace weltcampus::partners::repository {

namespace {

constexpr const char* kInstitutionColumns =
    "i.id, i.name, i.name_local, i.country, i.city, i.website, i.erasmus_code, i.pic, i.oid, "
    "i.ror_id, i.hei_id, i.type, i.latitude, i.longitude, i.source, i.version, i.created_at, "
    "i.updated_at";

Institution InstitutionFromRow(const store::Row& row) {
  Institution institution;
  institution.id = row.Int("id");
  institution.name = row.Text("name");
  institution.name_local = row.OptionalText("name_local");
  institution.country = row.Text("country");
  institution.city = row.OptionalText("city");
  institution.website = row.OptionalText("website");
  institution.erasmus_code = row.OptionalText("erasmus_code");
  institution.pic = row.OptionalText("pic");
  institution.oid = row.OptionalText("oid");
  institution.ror_id = row.OptionalText("ror_id");
  institution.hei_id = row.OptionalText("hei_id");
  institution.type = kInstitutionTypeTable.FromStored(row.Text("type"));
  institution.latitude = row.OptionalReal("latitude");
  institution.longitude = row.OptionalReal("longitude");
  institution.source = row.Text("source");
  institution.version = row.Int("version");
  institution.created_at = row.Text("created_at");
  institution.updated_at = row.Text("updated_at");
  return institution;
}

std::string SearchText(const Institution& institution) {
  std::string text = institution.name;
  for (const auto* part : {&institution.name_local, &institution.erasmus_code, &institution.city,
                           &institution.hei_id}) {
    if (*part) {
      text += ' ';
      text += **part;
    }
  }
  return FoldForSearch(text);
}

// The collation keys a list sorts institutions by (0019_collation_keys.sql).
struct InstitutionKeys {
  std::string name;
  std::optional<std::string> city;
  std::string country_en;
  std::string country_de;

  explicit InstitutionKeys(const Institution& institution)
      : name(CollationKey(institution.name)),
        city(institution.city ? std::optional(CollationKey(*institution.city)) : std::nullopt),
        country_en(CountryCollationKey(institution.country, "en")),
        country_de(CountryCollationKey(institution.country, "de")) {}
  bool operator==(const InstitutionKeys&) const = default;
  store::Params& SetInto(store::Params& params) const {
    return params.Set("name_key", name)
        .Set("city_key", city)
        .Set("country_key_en", country_en)
        .Set("country_key_de", country_de);
  }
};

store::Params InstitutionFieldParams(const Institution& institution) {
  store::Params params;
  InstitutionKeys(institution).SetInto(params);
  params.Set("name", institution.name)
      .Set("name_local", institution.name_local)
      .Set("search_text", SearchText(institution))
      .Set("country", institution.country)
      .Set("city", institution.city)
      .Set("website", institution.website)
      .Set("erasmus_code", institution.erasmus_code)
      .Set("pic", institution.pic)
      .Set("oid", institution.oid)
      .Set("ror_id", institution.ror_id)
      .Set("hei_id", institution.hei_id)
      .Set("type", kInstitutionTypeTable.Name(institution.type))
      .Set("latitude", institution.latitude)
      .Set("longitude", institution.longitude)
      .Set("source", institution.source);
  return params;
}

}  // namespace

std::optional<Institution> FindInstitution(Connection& c, int64_t id) {
  auto row = c.QueryOne(
      std::string("SELECT ") + kInstitutionColumns + " FROM institutions i WHERE i.id = :id",
      store::Params().Set("id", id));
  if (!row) {
    return std::nullopt;
  }
  return InstitutionFromRow(*row);
}

std::vector<Institution> ListAllInstitutions(Connection& c) {
  std::vector<Institution> institutions;
  for (const auto& row : c.Query(std::string("SELECT ") + kInstitutionColumns +
                                 " FROM institutions i ORDER BY i.id")) {
    institutions.push_back(InstitutionFromRow(row));
  }
  return institutions;
}

void RefoldSearchTexts(Connection& c) {
  for (const auto& row : c.Query(std::string("SELECT ") + kInstitutionColumns +
                                 ", i.search_text FROM institutions i")) {
    const std::string folded = SearchText(InstitutionFromRow(row));
    if (folded != row.Text("search_text")) {
      c.Exec("UPDATE institutions SET search_text = :text WHERE id = :id",
             store::Params().Set("text", folded).Set("id", row.Int("id")));
    }
  }
  for (const auto& row : c.Query("SELECT id, title, search_text FROM agreements")) {
    const std::string folded = FoldForSearch(row.OptionalText("title").value_or(""));
    if (folded != row.Text("search_text")) {
      c.Exec("UPDATE agreements SET search_text = :text WHERE id = :id",
             store::Params().Set("text", folded).Set("id", row.Int("id")));
    }
  }
}

const store::SortTable& InstitutionSorts() {
  // By collation keys (core/collation.h), the country by its name in the reader's language.
  static const store::SortTable table("i.id", {{"name", "i.name_key $"},
                                               {"country", "i.country_key_{lang} $, i.name_key $"},
                                               {"city", "i.city_key $, i.name_key $"}});
  return table;
}

void WriteCollationKeys(Connection& c) {
  for (const auto& row : c.Query(std::string("SELECT ") + kInstitutionColumns +
                                 ", i.name_key, i.city_key, i.country_key_en, i.country_key_de "
                                 "FROM institutions i")) {
    const Institution institution = InstitutionFromRow(row);
    const InstitutionKeys keys(institution);
    InstitutionKeys stored = keys;
    stored.name = row.Text("name_key");
    stored.city = row.OptionalText("city_key");
    stored.country_en = row.Text("country_key_en");
    stored.country_de = row.Text("country_key_de");
    if (stored != keys) {
      store::Params params;
      c.Exec(
          "UPDATE institutions SET name_key = :name_key, city_key = :city_key, country_key_en = "
          ":country_key_en, country_key_de = :country_key_de WHERE id = :id",
          keys.SetInto(params).Set("id", institution.id));
    }
  }
  WriteAgreementTitleKeys(c);
  CopyAllPartnerNames(c);
}

void SearchInstitutions(store::Filter& where, store::Backend backend,
                        const std::optional<std::string>& q) {
  where.IndexedContains(
      backend, "i.search_text LIKE :q ESCAPE '\\'",
      "i.id IN (SELECT rowid FROM institutions_search WHERE institutions_search MATCH :q)", "q", q);
}

store::Page<Institution> ListInstitutions(Connection& c, const InstitutionFilter& filter,
                                          const PageRequest& page) {
  store::Filter where;
  SearchInstitutions(where, c.backend(), filter.q);
  where.Equal("i.country", filter.country).Equal("i.type", kInstitutionTypeTable.Name(filter.type));
  if (filter.has_erasmus_code) {
    where.Add(*filter.has_erasmus_code ? "i.erasmus_code IS NOT NULL" : "i.erasmus_code IS NULL");
  }
  if (filter.partner) {
    where.Add(std::string(*filter.partner ? "" : "NOT ") +
              "EXISTS (SELECT 1 FROM partnerships p WHERE p.institution_id = i.id)");
  }
  return store::ListPage(c,
                         {std::string("SELECT ") + kInstitutionColumns + " FROM institutions i",
                          "FROM institutions i"},
                         where, InstitutionSorts(), page, InstitutionFromRow);
}

void InsertInstitution(Connection& c, Institution& institution) {
  institution.created_at = institution.updated_at = NowUtcTimestamp();
  institution.version = 1;
  auto params = InstitutionFieldParams(institution);
  params.Set("created_at", institution.created_at).Set("updated_at", institution.updated_at);
  institution.id = c.Insert(
      "INSERT INTO institutions (name, name_local, search_text, country, city, website, "
      "erasmus_code, pic, oid, ror_id, hei_id, type, latitude, longitude, source, name_key, "
      "city_key, country_key_en, country_key_de, version, created_at, updated_at) VALUES (:name, "
      ":name_local, :search_text, :country, :city, :website, :erasmus_code, :pic, :oid, :ror_id, "
      ":hei_id, :type, :latitude, :longitude, :source, :name_key, :city_key, :country_key_en, "
      ":country_key_de, 1, :created_at, :updated_at)",
      params);
}

void UpdateInstitution(Connection& c, Institution& institution, int64_t expected_version) {
  institution.version = store::VersionedUpdate(
      c, "institutions", "Institution", institution.id, expected_version,
      "name = :name, name_local = :name_local, search_text = :search_text, country = :country, "
      "city = :city, website = :website, erasmus_code = :erasmus_code, pic = :pic, oid = :oid, "
      "ror_id = :ror_id, hei_id = :hei_id, type = :type, latitude = :latitude, longitude = "
      ":longitude, source = :source, name_key = :name_key, city_key = :city_key, country_key_en = "
      ":country_key_en, country_key_de = :country_key_de",
      InstitutionFieldParams(institution));
  CopyPartnerName(c, institution.id);
  CountMapChangeOfInstitution(c, institution.id);
}

// A new institution is no partner yet, and one that is cannot be removed: neither changes the map.
void DeleteInstitution(Connection& c, int64_t id, int64_t expected_version) {
  store::VersionedDelete(c, "institutions", "Institution", id, expected_version);
}

std::optional<int64_t> FindInstitutionIdByErasmusCode(Connection& c, const std::string& code) {
  auto row = c.QueryOne("SELECT id FROM institutions WHERE erasmus_code = :code",
                        store::Params().Set("code", code));
  return row ? std::optional<int64_t>(row->Int("id")) : std::nullopt;
}

bool InstitutionHasPartnership(Connection& c, int64_t id) {
  return c.QueryOne("SELECT id FROM partnerships WHERE institution_id = :id",
                    store::Params().Set("id", id))
      .has_value();
}

bool InstitutionInAgreements(Connection& c, int64_t id) {
  return c.QueryOne("SELECT agreement_id FROM agreement_partners WHERE institution_id = :id LIMIT 1",
                    store::Params().Set("id", id))
      .has_value();
}

}  // namespace weltcampus::partners::repository
