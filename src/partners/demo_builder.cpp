#include "partners/demo_builder.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/academic_year.h"
#include "interop/csv_reader.h"
#include "interop/text_file.h"
#include "partners/demo_parts.h"
#include "partners/joint_structures.h"
#include "partners/partner_records.h"
#include "partners/repository.h"

namespace weltcampus::partners {

namespace {

namespace fs = std::filesystem;

// The ECHE file's name carries its date; take the newest one in the folder.
std::optional<fs::path> NewestCsv(const fs::path& folder) {
  std::optional<fs::path> newest;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(folder, error)) {
    if (entry.path().extension() == ".csv" && (!newest || entry.path() > *newest)) {
      newest = entry.path();
    }
  }
  return newest;
}

// "(48.00849239999999, 16.2552558)"
std::optional<std::pair<double, double>> ParseCoordinates(const std::string& text) {
  double latitude = 0;
  double longitude = 0;
  if (std::sscanf(text.c_str(), " (%lf , %lf)", &latitude, &longitude) != 2 || latitude < -90 ||
      latitude > 90 || longitude < -180 || longitude > 180) {
    return std::nullopt;
  }
  return std::make_pair(latitude, longitude);
}

std::map<std::string, std::pair<double, double>> ReadCoordinates(const std::string& csv) {
  std::map<std::string, std::pair<double, double>> coordinates;
  interop::CsvReader reader(csv);
  std::vector<std::string> fields;
  if (!reader.Next(fields)) {
    return coordinates;
  }
  const interop::CsvHeader header(fields);
  const auto code_column = header.Require("Institutional code");
  const auto coordinates_column = header.Require("coordinates");
  while (reader.Next(fields)) {
    if (fields.size() <= std::max(code_column, coordinates_column)) {
      continue;
    }
    if (auto point = ParseCoordinates(fields[coordinates_column])) {
      coordinates.emplace(interop::CleanField(fields[code_column]), *point);
    }
  }
  return coordinates;
}

}  // namespace

DemoReferenceData LoadDemoReferenceData(const std::string& data_dir) {
  DemoReferenceData data;
  if (data_dir.empty() || !fs::is_directory(data_dir)) {
    data.notes.push_back("no reference data folder: only the school and its strategic partners");
    return data;
  }
  const fs::path root(data_dir);
  if (auto eche = NewestCsv(root / "eche")) {
    data.eche = partners::ParseEche(interop::ReadTextFile(eche->string()));
  } else {
    data.notes.push_back("no ECHE list in " + (root / "eche").string());
  }
  if (const auto world = root / "hipo" / "world_universities_and_domains.json"; fs::exists(world)) {
    data.world = partners::ParseWorldUniversities(interop::ReadTextFile(world.string()));
  } else {
    data.notes.push_back("no " + world.string());
  }
  if (const auto isced = root / "isced" / "iscedf2013.csv"; fs::exists(isced)) {
    data.isced = organisation::ParseIsced(interop::ReadTextFile(isced.string()));
  } else {
    data.notes.push_back("no " + isced.string() + ": quotas' ISCED codes are not checked");
  }
  if (const auto geo = root / "erasmus_2013_14" / "EUC_geocoded_clean.csv"; fs::exists(geo)) {
    data.coordinates = ReadCoordinates(interop::ReadTextFile(geo.string()));
  } else {
    data.notes.push_back("no " + geo.string() + ": European partners have no coordinates");
  }
  return data;
}

std::string DescribeExistingData(store::Connection& connection) {
  // Bulk counts: the repository has no "is the register empty" question.
  std::vector<std::string> parts;
  for (const auto& [table, what] : {std::pair{"institutions", "institutions"},
                                   std::pair{"org_units", "organisational units"},
                                   std::pair{"partnerships", "partnerships"},
                                   std::pair{"agreements", "agreements"}}) {
    const auto count =
        connection.Count(std::string("SELECT COUNT(*) AS n FROM ") + table);  // fixed names only
    if (count > 0) {
      parts.push_back(fmt::format("{} {}", count, what));
    }
  }
  std::string text;
  for (const auto& part : parts) {
    text += (text.empty() ? "" : ", ") + part;
  }
  return text;
}

namespace demo {

int64_t AddInstitution(Context& context, Institution institution) {
  repository::InsertInstitution(context.connection, institution);
  ++context.summary.institutions;
  return institution.id;
}

int64_t AddPartnership(Context& context, Partnership partnership) {
  repository::InsertPartnership(context.connection, partnership,
                                repository::KeptCounts::kAfterBulkInsert);
  ++context.summary.partnerships;
  return partnership.id;
}

void AddAgreement(Context& context, Agreement agreement) {
  if (!context.isced_codes.empty()) {
    for (const auto& quota : agreement.quotas) {
      if (quota.isced_code && !context.isced_codes.contains(*quota.isced_code)) {
        throw std::logic_error("demo quota with unknown ISCED code " + *quota.isced_code);
      }
    }
  }
  context.summary.quotas += static_cast<int64_t>(agreement.quotas.size());
  repository::InsertAgreement(context.connection, agreement,
                              repository::KeptCounts::kAfterBulkInsert);
  ++context.summary.agreements;
}

void AddJointStructure(Context& context, JointStructure structure) {
  JointStructureTable().Insert(context.connection, structure);
  ++context.summary.joint_structures;
}

void AddPartnerContact(Context& context, int64_t partnership_id, PartnerContactRole role,
                       const char* name, const char* unit, const char* email, const char* phone,
                       const char* address) {
  const auto text = [](const char* value) {
    return value ? std::optional<std::string>(value) : std::nullopt;
  };
  PartnerContact contact;
  contact.partnership_id = partnership_id;
  contact.role = role;
  contact.name = name;
  contact.unit = text(unit);
  contact.email = text(email);
  contact.phone = text(phone);
  contact.address = text(address);
  PartnerContactTable().Insert(context.connection, contact);
}

void AddPartnerNote(Context& context, int64_t partnership_id, int months_ago, PartnerNoteKind kind,
                    const char* text) {
  PartnerNote note;
  note.partnership_id = partnership_id;
  const int months = context.current_year * 12 + 8 - months_ago;  // September, counted back
  note.noted_on = fmt::format("{:04}-{:02}-10", months / 12, months % 12 + 1);
  note.kind = kind;
  note.text = text;
  PartnerNoteTable().Insert(context.connection, note);
}

Quota MakeQuota(Direction direction, QuotaCategory category, std::optional<std::string> isced,
                std::vector<int> eqf_levels, int places, std::optional<double> months,
                std::optional<int64_t> days, std::vector<LanguageRequirement> languages) {
  Quota quota;
  quota.direction = direction;
  quota.category = category;
  quota.isced_code = std::move(isced);
  quota.eqf_levels = std::move(eqf_levels);
  quota.places_per_year = places;
  quota.months_per_place = months;
  quota.days_per_place = days;
  quota.languages = std::move(languages);
  return quota;
}

Agreement MakeAgreement(int64_t partnership_id, AgreementType type, AgreementStatus status,
                        std::string title, int first, int last) {
  Agreement agreement;
  agreement.partnership_id = partnership_id;
  agreement.type = type;
  agreement.status = status;
  agreement.title = std::move(title);
  agreement.first_academic_year = first;
  agreement.last_academic_year = last;
  agreement.ends_on = AcademicYear(last).EndsOn().ToString();
  return agreement;
}

}  // namespace demo

DemoSummary BuildDemo(store::Connection& connection, const DemoReferenceData& data,
                      const DemoSettings& settings,
                      const organisation::DemoOrganisation& organisation) {
  demo::Context context{connection,
                        DemoRandom(settings.seed),
                        AcademicYear::Containing(settings.today).first_calendar_year(),
                        organisation.isced_codes,
                        organisation.units,
                        {}};
  context.summary.org_units = organisation.org_units;
  context.summary.isced_fields = organisation.isced_fields;
  demo::BuildHome(context, data);
  demo::BuildStrategicPartners(context, data);
  const bool university = settings.profile == "university";
  const bool scale = settings.profile == "scale";
  demo::BuildStandardPartners(context, data,
                              scale        ? settings.scale_partners
                              : university ? 2400
                                           : 120,
                              university || scale, scale);
  // Partnerships and agreements were added without their counts (demo::AddPartnership,
  // demo::AddAgreement): one recount for all of them.
  repository::RecountAfterBulkInsert(connection);
  if (scale) {
    // The full register: the lists' other institutions, and the partners brought up to date.
    if (data.eche) {
      context.summary.institutions += ImportEche(connection, *data.eche).added;
    }
    if (data.world) {
      context.summary.institutions += ImportWorldUniversities(connection, *data.world).added;
    }
  }
  return context.summary;
}

}  // namespace weltcampus::partners
