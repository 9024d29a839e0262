#include "exchange/applications.h"

#include <map>

#include "core/base64.h"
#include "core/date.h"
#include "core/digest.h"
#include "core/error.h"
#include "exchange/application_scope.h"
#include "store/versioned.h"

namespace weltcampus::exchange {

namespace {

constexpr std::string_view kFrom = " FROM applications a JOIN students s ON s.id = a.student_id";
constexpr std::string_view kColumns =
    "SELECT a.id, a.call_id, a.student_id, a.status, a.submitted_at, a.committee_points, "
    "a.criteria_points, "
    "a.office_note, a.completeness_note, a.score, a.version, a.created_at, a.updated_at, "
    "s.matriculation_number, s.family_name, s.given_name, s.programme_id, a.stay_category, "
    "a.stay_host, a.stay_city, a.stay_country, a.stay_starts_on, a.stay_ends_on, a.stay_days";

// The planned stay of an application to a funding call, kept in the application's row.
std::optional<PlannedStay> StayFromRow(const store::Row& row) {
  const auto category = row.OptionalText("stay_category");
  if (!category) {
    return std::nullopt;
  }
  PlannedStay stay;
  stay.category = kStayCategoryTable.FromStored(*category);
  stay.host = row.OptionalText("stay_host").value_or("");
  stay.city = row.OptionalText("stay_city").value_or("");
  stay.country = row.OptionalText("stay_country").value_or("");
  stay.starts_on = row.OptionalText("stay_starts_on").value_or("");
  stay.ends_on = row.OptionalText("stay_ends_on").value_or("");
  stay.days = row.OptionalInt("stay_days").value_or(0);
  return stay;
}

// Binds the stay's columns (all null without one).
store::Params& BindStay(store::Params& params, const std::optional<PlannedStay>& stay) {
  const auto text = [&](const std::string PlannedStay::*field) {
    return stay ? std::optional<std::string>((*stay).*field) : std::nullopt;
  };
  return params
      .Set("stay_category",
           stay ? std::optional<std::string>(std::string(kStayCategoryTable.Name(stay->category)))
                : std::nullopt)
      .Set("stay_host", text(&PlannedStay::host))
      .Set("stay_city", text(&PlannedStay::city))
      .Set("stay_country", text(&PlannedStay::country))
      .Set("stay_starts_on", text(&PlannedStay::starts_on))
      .Set("stay_ends_on", text(&PlannedStay::ends_on))
      .Set("stay_days", stay ? std::optional<int64_t>(stay->days) : std::nullopt);
}

// The points for the call's optional criteria, kept as a JSON object {code: points} (null: none).
std::optional<std::string> CriteriaPointsText(const CriteriaPoints& points) {
  if (points.empty()) {
    return std::nullopt;
  }
  return nlohmann::json(points).dump();
}

CriteriaPoints CriteriaPointsOfRow(const store::Row& row) {
  const auto text = row.OptionalText("criteria_points");
  if (!text || text->empty()) {
    return {};
  }
  return nlohmann::json::parse(*text).get<CriteriaPoints>();
}

// Binds the columns an insert and an update write alike (the stay's too).
store::Params& BindColumns(store::Params& params, const Application& a) {
  return BindStay(params.Set("status", kApplicationStatusTable.Name(a.status))
                      .Set("submitted", a.submitted_at)
                      .Set("points", a.committee_points)
                      .Set("criteria", CriteriaPointsText(a.criteria_points))
                      .Set("note", a.office_note)
                      .Set("completeness", a.completeness_note)
                      .Set("score", a.score),
                  a.stay);
}

constexpr std::string_view kStayColumns =
    "stay_category = :stay_category, stay_host = :stay_host, stay_city = :stay_city, "
    "stay_country = :stay_country, stay_starts_on = :stay_starts_on, stay_ends_on = "
    ":stay_ends_on, stay_days = :stay_days";

Application FromRow(const store::Row& row) {
  Application a;
  a.id = row.Int("id");
  a.call_id = row.Int("call_id");
  a.student_id = row.Int("student_id");
  a.status = kApplicationStatusTable.FromStored(row.Text("status"));
  a.submitted_at = row.OptionalText("submitted_at");
  a.committee_points = row.OptionalInt("committee_points");
  a.criteria_points = CriteriaPointsOfRow(row);
  a.office_note = row.OptionalText("office_note");
  a.completeness_note = row.OptionalText("completeness_note");
  a.score = row.OptionalReal("score").value_or(0);
  a.version = row.Int("version");
  a.created_at = row.Text("created_at");
  a.updated_at = row.Text("updated_at");
  a.matriculation_number = row.Text("matriculation_number");
  a.family_name = row.Text("family_name");
  a.given_name = row.Text("given_name");
  a.programme_id = row.Int("programme_id");
  a.stay = StayFromRow(row);
  return a;
}

// The preferences and documents' facts of these applications, two statements.
void LoadChildren(store::Connection& c, std::vector<Application>& list) {
  if (list.empty()) {
    return;
  }
  std::map<int64_t, Application*> by_id;
  std::vector<int64_t> ids;
  for (auto& application : list) {
    by_id[application.id] = &application;
    ids.push_back(application.id);
  }
  store::Params params;
  const std::string in = store::InList(ids, params);
  for (const auto& row :
       c.Query("SELECT p.application_id, p.position, p.offer_id, o.partner_name, o.term "
               "FROM application_preferences p JOIN call_offers o ON o.id = p.offer_id "
               "WHERE p.application_id IN (" +
                   in + ") ORDER BY p.application_id, p.position",
               params)) {
    by_id[row.Int("application_id")]->preferences.push_back(
        {row.Int("position"), row.Int("offer_id"), row.Text("partner_name"),
         kOfferTermTable.FromStored(row.Text("term"))});
  }
  for (const auto& row :
       c.Query("SELECT id, application_id, kind, file_name, media_type, size_bytes, sha256, "
               "uploaded_at FROM application_documents WHERE application_id IN (" +
                   in + ") ORDER BY application_id, kind",
               params)) {
    by_id[row.Int("application_id")]->documents.push_back(
        {row.Int("id"), kApplicationDocumentKindTable.FromStored(row.Text("kind")),
         row.Text("file_name"), row.Text("media_type"), row.Int("size_bytes"), row.Text("sha256"),
         row.Text("uploaded_at")});
  }
}

std::optional<Application> FindWhere(store::Connection& c, const std::string& where,
                                     const store::Params& params) {
  auto row = c.QueryOne(std::string(kColumns) + std::string(kFrom) + " WHERE " + where, params);
  if (!row) {
    return std::nullopt;
  }
  std::vector<Application> one{FromRow(*row)};
  LoadChildren(c, one);
  return std::move(one.front());
}

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

nlohmann::json ToJson(const ApplicationDocument& document) {
  return {{"id", document.id},
          {"kind", kApplicationDocumentKindTable.Name(document.kind)},
          {"file_name", document.file_name},
          {"media_type", document.media_type},
          {"size_bytes", document.size_bytes},
          {"sha256", document.sha256},
          {"uploaded_at", document.uploaded_at}};
}

nlohmann::json ToJson(const Application& a) {
  nlohmann::json preferences = nlohmann::json::array();
  for (const auto& preference : a.preferences) {
    preferences.push_back({{"rank", preference.rank},
                           {"offer_id", preference.offer_id},
                           {"partner_name", preference.partner_name},
                           {"term", kOfferTermTable.Name(preference.term)}});
  }
  nlohmann::json documents = nlohmann::json::array();
  for (const auto& document : a.documents) {
    documents.push_back(ToJson(document));
  }
  return {{"id", a.id},
          {"call_id", a.call_id},
          {"student_id", a.student_id},
          {"matriculation_number", a.matriculation_number},
          {"family_name", a.family_name},
          {"given_name", a.given_name},
          {"programme_id", a.programme_id},
          {"status", kApplicationStatusTable.Name(a.status)},
          {"submitted_at", Nullable(a.submitted_at)},
          {"committee_points",
           a.committee_points ? nlohmann::json(*a.committee_points) : nlohmann::json()},
          {"criteria_points", nlohmann::json(a.criteria_points)},
          {"office_note", Nullable(a.office_note)},
          {"completeness_note", Nullable(a.completeness_note)},
          {"score", a.score},
          {"preferences", preferences},
          {"stay", a.stay ? ToJson(*a.stay) : nlohmann::json()},
          {"documents", documents},
          {"version", a.version},
          {"created_at", a.created_at},
          {"updated_at", a.updated_at}};
}

nlohmann::json AuditJson(const Application& a) {
  nlohmann::json json = ToJson(a);
  for (const char* copied : {"matriculation_number", "family_name", "given_name"}) {
    json.erase(copied);
  }
  for (const char* note : {"office_note", "completeness_note"}) {
    const std::string text = json[note].is_string() ? json[note].get<std::string>() : "";
    json.erase(note);
    if (!text.empty()) {
      json[std::string(note) + "_length"] = text.size();
      json[std::string(note) + "_sha256"] = Sha256Hex(text);
    }
  }
  for (auto& document : json["documents"]) {
    document.erase("file_name");
  }
  return json;
}

NamedSchema ApplicationSchema() {
  const nlohmann::json text = {{"type", "string"}};
  const nlohmann::json nullable_text = {{"type", {"string", "null"}}};
  const nlohmann::json integer = {{"type", "integer"}};
  const nlohmann::json document = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required",
       {"id", "kind", "file_name", "media_type", "size_bytes", "sha256", "uploaded_at"}},
      {"properties",
       {{"id", integer},
        {"kind", {{"type", "string"}, {"enum", kApplicationDocumentKindTable.Json()}}},
        {"file_name", text},
        {"media_type", text},
        {"size_bytes", integer},
        {"sha256", text},
        {"uploaded_at", text}}}};
  const nlohmann::json preference = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"rank", "offer_id", "partner_name", "term"}},
      {"properties",
       {{"rank", integer},
        {"offer_id", integer},
        {"partner_name", text},
        {"term", {{"type", "string"}, {"enum", kOfferTermTable.Json()}}}}}};
  return {"Application",
          {{"type", "object"},
           {"additionalProperties", false},
           {"required",
            {"id",
             "call_id",
             "student_id",
             "matriculation_number",
             "family_name",
             "given_name",
             "programme_id",
             "status",
             "submitted_at",
             "committee_points",
             "criteria_points",
             "office_note",
             "completeness_note",
             "score",
             "preferences",
             "stay",
             "documents",
             "version",
             "created_at",
             "updated_at"}},
           {"properties",
            {{"id", integer},
             {"call_id", integer},
             {"student_id", integer},
             {"matriculation_number", text},
             {"family_name", text},
             {"given_name", text},
             {"programme_id", integer},
             {"status", {{"type", "string"}, {"enum", kApplicationStatusTable.Json()}}},
             {"submitted_at", nullable_text},
             {"committee_points", {{"type", {"integer", "null"}}}},
             {"criteria_points",
              {{"type", "object"},
               {"description", "Points for the call's optional criteria, by the criterion's code"},
               {"additionalProperties", integer}}},
             {"office_note", nullable_text},
             {"completeness_note", nullable_text},
             {"score", {{"type", "number"}}},
             {"preferences", {{"type", "array"}, {"items", preference}}},
             {"stay", {{"anyOf", {PlannedStaySchema(), {{"type", "null"}}}}}},
             {"documents", {{"type", "array"}, {"items", document}}},
             {"version", integer},
             {"created_at", text},
             {"updated_at", text}}}}};
}

nlohmann::json ApplicationEnumerations() {
  nlohmann::json values = nlohmann::json::object();
  values[std::string(kApplicationStatusTable.api_name())] = kApplicationStatusTable.Json();
  values[std::string(kApplicationDocumentKindTable.api_name())] =
      kApplicationDocumentKindTable.Json();
  values[std::string(kReasonCodeTable.api_name())] = kReasonCodeTable.Json();
  values[std::string(kStayCategoryTable.api_name())] = kStayCategoryTable.Json();
  return {{"enumerations", values}};
}

namespace applications {

std::optional<Application> Find(store::Connection& c, int64_t id) {
  return FindWhere(c, "a.id = :id", store::Params().Set("id", id));
}

std::optional<Application> FindOfStudent(store::Connection& c, int64_t call_id,
                                         int64_t student_id) {
  return FindWhere(c, "a.call_id = :call AND a.student_id = :student",
                   store::Params().Set("call", call_id).Set("student", student_id));
}

const store::SortTable& Sorts() {
  static const store::SortTable sorts("a.id", {{"name", "s.family_name_key $, s.given_name_key $"},
                                               {"score", "a.score DESC $"},
                                               {"submitted", "a.submitted_at $"}});
  return sorts;
}

store::Page<Application> List(store::Connection& c, const ListFilter& filter,
                              const PageRequest& page) {
  store::Filter where;
  where.Add("a.call_id = :call", "call", std::optional<int64_t>(filter.call_id));
  RestrictToScope(where, filter.programmes, "s.programme_id");
  where.Add("a.status = :status", "status",
            filter.status ? std::optional<std::string>(kApplicationStatusTable.Name(*filter.status))
                          : std::nullopt);
  where.Add("a.id IN (SELECT application_id FROM application_preferences WHERE offer_id = :offer)",
            "offer", filter.offer_id);
  const store::ListSql sql{std::string(kColumns) + std::string(kFrom), std::string(kFrom)};
  auto result = store::ListPage(c, sql, where, Sorts(), page, FromRow);
  LoadChildren(c, result.items);
  return result;
}

int64_t Insert(store::Connection& c, const Application& a) {
  store::Params params;
  params.Set("call", a.call_id).Set("student", a.student_id).Set("now", NowUtcTimestamp());
  return c.Insert(
      "INSERT INTO applications (call_id, student_id, status, submitted_at, committee_points, "
      "criteria_points, office_note, completeness_note, score, stay_category, stay_host, "
      "stay_city, stay_country, stay_starts_on, stay_ends_on, stay_days, version, created_at, "
      "updated_at) VALUES (:call, :student, :status, :submitted, :points, :criteria, :note, "
      ":completeness, :score, :stay_category, :stay_host, :stay_city, :stay_country, "
      ":stay_starts_on, :stay_ends_on, :stay_days, 1, :now, :now)",
      BindColumns(params, a));
}

void Update(store::Connection& c, const Application& a) {
  store::Params params;
  store::VersionedUpdate(c, "applications", "Application", a.id, a.version,
                         "status = :status, submitted_at = :submitted, committee_points = :points, "
                         "criteria_points = :criteria, office_note = :note, completeness_note = "
                         ":completeness, score = :score, " +
                             std::string(kStayColumns),
                         BindColumns(params, a));
}

void ReplacePreferences(store::Connection& c, int64_t application_id,
                        const std::vector<int64_t>& offer_ids) {
  c.Exec("DELETE FROM application_preferences WHERE application_id = :id",
         store::Params().Set("id", application_id));
  std::vector<store::Params> rows;
  for (size_t i = 0; i < offer_ids.size(); ++i) {
    rows.push_back(store::Params()
                       .Set("application_id", application_id)
                       .Set("position", static_cast<int64_t>(i + 1))
                       .Set("offer_id", offer_ids[i]));
  }
  if (!rows.empty()) {
    c.InsertRows("application_preferences", rows);
  }
}

void PutDocument(store::Connection& c, int64_t application_id, const ApplicationDocument& facts,
                 const std::string& bytes) {
  RemoveDocument(c, application_id, facts.kind);
  c.Insert(
      "INSERT INTO application_documents (application_id, kind, file_name, media_type, "
      "size_bytes, sha256, content, uploaded_at) VALUES (:application, :kind, :name, :type, "
      ":size, :sha, :content, :at)",
      store::Params()
          .Set("application", application_id)
          .Set("kind", kApplicationDocumentKindTable.Name(facts.kind))
          .Set("name", facts.file_name)
          .Set("type", facts.media_type)
          .Set("size", facts.size_bytes)
          .Set("sha", facts.sha256)
          .Set("content", ToBase64(bytes))
          .Set("at", facts.uploaded_at));
}

bool RemoveDocument(store::Connection& c, int64_t application_id, ApplicationDocumentKind kind) {
  return c.Exec("DELETE FROM application_documents WHERE application_id = :id AND kind = :kind",
                store::Params()
                    .Set("id", application_id)
                    .Set("kind", kApplicationDocumentKindTable.Name(kind))) > 0;
}

std::optional<std::pair<std::string, std::string>> DocumentBytes(store::Connection& c,
                                                                 int64_t application_id,
                                                                 ApplicationDocumentKind kind) {
  auto row = c.QueryOne(
      "SELECT file_name, sha256, content FROM application_documents WHERE application_id = :id "
      "AND kind = :kind",
      store::Params()
          .Set("id", application_id)
          .Set("kind", kApplicationDocumentKindTable.Name(kind)));
  if (!row) {
    return std::nullopt;
  }
  auto bytes = FromBase64(row->Text("content"));
  if (Sha256Hex(bytes) != row->Text("sha256")) {
    throw ApiError(ErrorCode::kInternal, "The stored file is damaged");
  }
  return std::make_pair(row->Text("file_name"), std::move(bytes));
}

std::vector<Checked> CheckedOfCall(store::Connection& c, int64_t call_id,
                                   const std::optional<std::set<int64_t>>& only) {
  const auto params =
      store::Params()
          .Set("call", call_id)
          .Set("checked", kApplicationStatusTable.Name(ApplicationStatus::kChecked));
  std::vector<Checked> list;
  std::map<int64_t, size_t> index;
  for (const auto& row : c.Query(
           "SELECT id, student_id, committee_points, criteria_points, stay_category, stay_host, "
           "stay_city, "
           "stay_country, stay_starts_on, stay_ends_on, stay_days FROM applications WHERE call_id "
           "= :call AND status = :checked ORDER BY id",
           params)) {
    const int64_t id = row.Int("id");
    if (only && !only->contains(id)) {
      continue;
    }
    index[id] = list.size();
    list.push_back({id,
                    row.Int("student_id"),
                    row.OptionalInt("committee_points"),
                    CriteriaPointsOfRow(row),
                    {},
                    StayFromRow(row)});
  }
  for (const auto& row :
       c.Query("SELECT p.application_id, p.offer_id FROM application_preferences p "
               "JOIN applications a ON a.id = p.application_id "
               "WHERE a.call_id = :call AND a.status = :checked ORDER BY p.application_id, "
               "p.position",
               params)) {
    const auto it = index.find(row.Int("application_id"));
    if (it != index.end()) {
      list[it->second].preferences.push_back(row.Int("offer_id"));
    }
  }
  return list;
}

std::string ApplicationKey(int64_t id) { return "a" + std::to_string(id); }
std::string OfferKey(int64_t id) { return "o" + std::to_string(id); }

int64_t IdOfKey(const std::string& key) {
  try {
    size_t used = 0;
    const int64_t id = std::stoll(key.substr(1), &used);
    if ((key.starts_with("a") || key.starts_with("o")) && used + 1 == key.size() && id > 0) {
      return id;
    }
  } catch (const std::exception&) {
  }
  throw ApiError(ErrorCode::kInternal, "A stored run's input names \"" + key + "\"");
}

}  // namespace applications

}  // namespace weltcampus::exchange
