#include "exchange/programmes.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/codes.h"
#include "exchange/permissions.h"
#include "kit/records.h"
#include "organisation/repository.h"
#include "store/references.h"

namespace weltcampus::exchange {

namespace {

constexpr std::array<http::ExportField, 8> kProgrammeExport = {{
    {"/id", "ID", "ID", interop::CellKind::kInteger},
    {"/code", "Code", "Kürzel"},
    {"/name", "Name", "Name"},
    {"/name_de", "German name", "Deutscher Name"},
    {"/org_unit_id", "Organisational unit ID", "Einrichtungs-ID", interop::CellKind::kInteger},
    {"/isced_code", "ISCED-F field", "ISCED-F-Feld"},
    {"/eqf_level", "EQF level", "EQR-Niveau", interop::CellKind::kInteger},
    {"/single_cycle", "Single cycle", "Einphasig"},
}};

}  // namespace

const RecordSchema<Programme>& ProgrammeSchema() {
  static const auto schema =
      RecordSchema<Programme>("Programme")
          .Key(&Programme::id, &Programme::version)
          .Text("code", &Programme::code, 20)
          .Check(
              [](std::string_view code) {
                return std::all_of(code.begin(), code.end(), [](char ch) {
                  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' ||
                         ch == '.';
                });
              },
              "Letters, digits, '-', '_' and '.' only")
          .Schema({{"pattern", "^[A-Za-z0-9._-]+$"}})
          .Text("name", &Programme::name, 300)
          .Text("name_de", &Programme::name_de, 300)
          .Int("org_unit_id", &Programme::org_unit_id, 1, INT64_MAX)
          .Text("isced_code", &Programme::isced_code, 4)
          .Check(IsIscedCodeShape, "Must be an ISCED-F 2013 code of two to four digits")
          .Schema({{"pattern", "^[0-9]{2,4}$"}})
          .Int("eqf_level", &Programme::eqf_level, 5, 8)
          .Bool("single_cycle", &Programme::single_cycle, false)
          .Timestamps(&Programme::created_at, &Programme::updated_at);
  return schema;
}

const store::RecordTable<Programme>& ProgrammeTable() {
  // Sorted by name in the reader's language (the German name, else the English one).
  static const store::RecordTable<Programme> table(
      "programmes", "Programme", ProgrammeSchema(), {},
      {{"name_key_en", "name"}, {"name_key_de", "name_de", "name"}});
  return table;
}

void WriteJson(const Programme& programme, JsonWriter& out) {
  ProgrammeSchema().Write(programme, out);
}
nlohmann::json ToJson(const Programme& programme) { return ProgrammeSchema().Write(programme); }

std::optional<Programme> FindProgrammeByCode(store::Connection& c, const std::string& code) {
  auto row = c.QueryOne(ProgrammeTable().select() + " WHERE code = :code",
                        store::Params().Set("code", code));
  return row ? std::optional<Programme>(ProgrammeTable().FromRow(*row)) : std::nullopt;
}

void CheckProgramme(store::Connection& c, const Programme& programme) {
  const auto owner = FindProgrammeByCode(c, programme.code);
  if (owner && owner->id != programme.id) {
    throw ApiError(ErrorCode::kConflict, "Another programme already has the code " + programme.code,
                   "code");
  }
  if (!organisation::repository::FindOrgUnit(c, programme.org_unit_id)) {
    throw ValidationError("org_unit_id", "No organisational unit with this id");
  }
  if (programme.isced_code && !organisation::repository::IscedTableEmpty(c) &&
      !organisation::repository::IscedCodeKnown(c, *programme.isced_code)) {
    throw ValidationError("isced_code", "Not an ISCED-F 2013 field of education");
  }
}

void RegisterProgrammeRoutes(http::Router& router, store::Database& database) {
  // A unit with programmes is not removed while they are there; a programme with students is not
  // removed while they are (the kit refuses with 409 naming them).
  store::DeclareReference({"org_units", "programmes", "org_unit_id", "programme"});
  kit::RegisterRecordRoutes<Programme>(
      router, database,
      {.table = ProgrammeTable(),
       .entity = "programme",
       .path = "/api/v1/programmes",
       .export_name = "programmes",
       .read = kReadExchange,
       .write = kWriteExchange,
       .one = "a study programme",
       .many = "study programmes",
       .sorts = store::SortTable("id", {{"name", "name_key_{lang} $"}, {"code", "code $"}}),
       .filters = {kit::Search("q", {"code", "name", "name_de"}, 200),
                   kit::IntFilter("org_unit_id", "org_unit_id", 1, INT64_MAX),
                   kit::IntFilter("eqf_level", "eqf_level", 5, 8)},
       .export_columns = kProgrammeExport,
       .check = CheckProgramme});
}

}  // namespace weltcampus::exchange
