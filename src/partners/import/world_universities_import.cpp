#include "partners/import/world_universities_import.h"

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <unordered_map>

#include "core/codes.h"
#include "interop/csv_reader.h"
#include "partners/import/assign.h"
#include "partners/import/institution_index.h"
#include "partners/import/institution_type.h"
#include "partners/import/web_address.h"
#include "partners/repository.h"

namespace weltcampus::partners {

namespace {

std::string StringMember(const nlohmann::json& entry, const char* key) {
  const auto it = entry.find(key);
  if (it == entry.end() || !it->is_string()) {
    return {};
  }
  return interop::CleanField(it->get<std::string>());
}

std::vector<std::string> StringArrayMember(const nlohmann::json& entry, const char* key) {
  std::vector<std::string> values;
  const auto it = entry.find(key);
  if (it != entry.end() && it->is_array()) {
    for (const auto& value : *it) {
      if (value.is_string()) {
        values.push_back(value.get<std::string>());
      }
    }
  }
  return values;
}

}  // namespace

std::vector<int> TopLevelElementLines(std::string_view json) {
  std::vector<int> lines;
  int line = 1;
  int depth = 0;
  bool in_string = false;
  bool element_open = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '\n') {
      ++line;
    }
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (depth == 1 && !element_open && !blank && c != ',' && c != ']') {
      lines.push_back(line);
      element_open = true;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      --depth;
    } else if (c == ',' && depth == 1) {
      element_open = false;
    }
  }
  return lines;
}

WorldUniversitiesFile ParseWorldUniversities(std::string_view json) {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(json);
  } catch (const nlohmann::json::parse_error& error) {
    throw interop::ImportFileError(std::string("not JSON: ") + error.what());
  }
  if (!document.is_array()) {
    throw interop::ImportFileError("expected a JSON array of universities");
  }
  auto lines = TopLevelElementLines(json);
  if (lines.size() != document.size()) {
    lines.clear();  // cannot happen for valid JSON; then report entry numbers instead
  }
  WorldUniversitiesFile file;
  for (std::size_t i = 0; i < document.size(); ++i) {
    const auto& entry = document[i];
    const int line = lines.empty() ? static_cast<int>(i + 1) : lines[i];
    if (!entry.is_object()) {
      file.rejected.push_back({line, "not an object"});
      continue;
    }
    WorldUniversityRow row;
    row.line = line;
    auto& institution = row.institution;
    institution.source = "world-universities";
    institution.name = StringMember(entry, "name");
    const std::string raw_country = StringMember(entry, "alpha_two_code");
    institution.country = NormaliseCountryCode(raw_country);
    if (institution.name.empty()) {
      file.rejected.push_back({line, "no name"});
      continue;
    }
    if (!IsValidCountryCode(institution.country)) {
      file.rejected.push_back({line, "unknown country \"" + raw_country + "\""});
      continue;
    }
    for (const auto& domain : StringArrayMember(entry, "domains")) {
      if (auto host = WebDomain(domain)) {
        row.domains.push_back(*host);
      }
    }
    const auto pages = StringArrayMember(entry, "web_pages");
    for (const auto& page : pages) {
      if (auto host = WebDomain(page);
          host && std::find(row.domains.begin(), row.domains.end(), *host) == row.domains.end()) {
        row.domains.push_back(*host);
      }
    }
    if (!row.domains.empty()) {
      institution.hei_id = row.domains.front();
    }
    if (!pages.empty()) {
      institution.website = NormaliseWebsite(pages.front());
    }
    institution.type = GuessInstitutionType(institution.name, InstitutionType::kUniversity);
    file.rows.push_back(std::move(row));
  }
  return file;
}

bool MergeWorldUniversityRow(partners::Institution& institution, const WorldUniversityRow& row,
                             const std::optional<std::string>& hei_id) {
  const auto& from = row.institution;
  bool changed = false;
  if (institution.source == "world-universities") {
    changed |= Assign(institution.name, from.name);
    changed |= Assign(institution.country, from.country);
    if (from.website) {
      changed |= Assign(institution.website, from.website);
    }
    if (hei_id) {
      changed |= Assign(institution.hei_id, hei_id);
    }
    return changed;
  }
  if (!institution.hei_id && hei_id) {
    changed |= Assign(institution.hei_id, hei_id);
  }
  if (!institution.website && from.website) {
    changed |= Assign(institution.website, from.website);
  }
  return changed;
}

interop::ImportReport ImportWorldUniversities(store::Connection& connection,
                                              const WorldUniversitiesFile& file,
                                              const interop::ImportControl& control) {
  const auto started = std::chrono::steady_clock::now();
  interop::ImportReport report;
  report.kind = "world-universities";
  report.dry_run = control.dry_run;
  report.rejected = file.rejected;
  auto index = InstitutionIndex::Load(connection);
  std::unordered_map<std::size_t, int> claimed;  // institution -> line that matched it
  std::size_t done = 0;
  for (const auto& row : file.rows) {
    control.Step(done++, file.rows.size());
    std::optional<std::size_t> match;
    for (const auto& domain : row.domains) {
      if ((match = index.ByDomain(domain))) {
        break;
      }
    }
    if (!match) {
      match = index.ByNameAndCountry(row.institution.name, row.institution.country);
    }
    if (match) {
      if (auto it = claimed.find(*match); it != claimed.end()) {
        report.rejected.push_back(
            {row.line, "same institution (web domain or name and country) as line " +
                           std::to_string(it->second)});
        continue;
      }
    }
    // The main domain becomes the hei_id unless another institution already goes by it.
    std::optional<std::string> hei_id = row.institution.hei_id;
    if (hei_id && !index.DomainFreeFor(*hei_id, match)) {
      hei_id.reset();
    }
    auto fresh = row.institution;
    fresh.hei_id = hei_id;
    claimed[index.Apply(
        connection, control, row.line, match, std::move(fresh),
        [&](partners::Institution& found) { return MergeWorldUniversityRow(found, row, hei_id); },
        report)] = row.line;
  }
  control.Step(file.rows.size(), file.rows.size());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace weltcampus::partners
