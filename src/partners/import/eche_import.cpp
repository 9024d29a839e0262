#include "partners/import/eche_import.h"

#include <algorithm>
#include <chrono>
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

std::optional<std::string> Optional(std::string text) {
  if (text.empty()) {
    return std::nullopt;
  }
  return text;
}

template <typename T>
bool FillGap(std::optional<T>& target, const std::optional<T>& value) {
  return !target && value && Assign(target, value);
}

}  // namespace

const std::vector<interop::ColumnSpec>& EcheColumns() {
  static const std::vector<interop::ColumnSpec> columns = {
      {"erasmus_code", "Erasmus Code"}, {"pic", "PIC"},   {"oid", "OID"},
      {"name", "Legal Name"},           {"city", "City"}, {"country", "Country Cd"},
      {"website", "Website Url"},
  };
  return columns;
}

EcheFile ParseEche(std::string_view csv, const interop::ColumnMap& map) {
  const auto rows = interop::OpenTable(csv, interop::TableFormat::kCsv, "");
  return ParseEche(*rows, map);
}

EcheFile ParseEche(interop::RowReader& reader, const interop::ColumnMap& map) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) {
    throw interop::ImportFileError("the ECHE file is empty");
  }
  const interop::CsvHeader header(fields);
  const auto at = interop::ResolveColumns(header, EcheColumns(), map);
  const auto code_column = at.at("erasmus_code");
  const auto pic_column = at.at("pic");
  const auto oid_column = at.at("oid");
  const auto name_column = at.at("name");
  const auto city_column = at.at("city");
  const auto country_column = at.at("country");
  const auto website_column = at.at("website");
  const std::size_t columns = std::max({code_column, pic_column, oid_column, name_column,
                                        city_column, country_column, website_column}) +
                              1;

  EcheFile file;
  std::unordered_map<std::string, int> code_lines;
  while (reader.Next(fields)) {
    const int line = reader.line();
    if (fields.size() == 1 && interop::CleanField(fields[0]).empty()) {
      continue;  // a blank line, as spreadsheets leave at the end
    }
    if (fields.size() < columns) {
      file.rejected.push_back({line, "has " + std::to_string(fields.size()) + " fields"});
      continue;
    }
    EcheRow row;
    row.line = line;
    auto& institution = row.institution;
    institution.source = "eche";
    institution.name = interop::CleanField(fields[name_column]);
    const std::string code = interop::CleanField(fields[code_column]);
    const std::string raw_country = interop::CleanField(fields[country_column]);
    institution.country = NormaliseCountryCode(raw_country);
    if (institution.name.empty()) {
      file.rejected.push_back({line, "no legal name"});
      continue;
    }
    if (!IsValidErasmusCode(code)) {
      file.rejected.push_back({line, "invalid Erasmus code \"" + code + "\""});
      continue;
    }
    if (!IsValidCountryCode(institution.country)) {
      file.rejected.push_back({line, "unknown country \"" + raw_country + "\""});
      continue;
    }
    if (auto [it, inserted] = code_lines.emplace(code, line); !inserted) {
      file.rejected.push_back(
          {line, "Erasmus code \"" + code + "\" already on line " + std::to_string(it->second)});
      continue;
    }
    institution.erasmus_code = code;
    institution.pic = Optional(interop::CleanField(fields[pic_column]));
    institution.oid = Optional(interop::CleanField(fields[oid_column]));
    institution.city = Optional(interop::CleanField(fields[city_column]));
    institution.website = NormaliseWebsite(fields[website_column]);
    institution.type = GuessInstitutionType(institution.name, InstitutionType::kOther);
    row.domain = WebDomain(fields[website_column]);
    file.rows.push_back(std::move(row));
  }
  return file;
}

bool MergeEcheRow(partners::Institution& institution, const EcheRow& row,
                  const std::optional<std::string>& hei_id) {
  const auto& from = row.institution;
  bool changed = false;
  changed |= Assign(institution.erasmus_code, from.erasmus_code);
  changed |= Assign(institution.pic, from.pic);
  if (from.oid) {
    changed |= Assign(institution.oid, from.oid);
  }
  if (institution.source == "eche") {
    changed |= Assign(institution.name, from.name);
    changed |= Assign(institution.country, from.country);
    changed |= Assign(institution.city, from.city);
    if (from.website) {
      changed |= Assign(institution.website, from.website);
    }
  } else {
    // Another list's (or a person's) name stays; the legal name is kept beside it.
    if (institution.name != from.name) {
      changed |= FillGap(institution.name_local, std::optional<std::string>(from.name));
    }
    changed |= FillGap(institution.city, from.city);
    changed |= FillGap(institution.website, from.website);
  }
  changed |= FillGap(institution.hei_id, hei_id);
  return changed;
}

interop::ImportReport ImportEche(store::Connection& connection, const EcheFile& file,
                                 const interop::ImportControl& control) {
  const auto started = std::chrono::steady_clock::now();
  interop::ImportReport report;
  report.kind = "eche";
  report.dry_run = control.dry_run;
  report.rejected = file.rejected;
  auto index = InstitutionIndex::Load(connection);

  // A domain several charter holders share (a regional school portal) names none of them.
  std::unordered_map<std::string, int> domain_uses;
  for (const auto& row : file.rows) {
    if (row.domain) {
      ++domain_uses[*row.domain];
    }
  }
  std::unordered_map<std::size_t, int> claimed;  // institution -> line that matched it
  std::size_t done = 0;
  for (const auto& row : file.rows) {
    control.Step(done++, file.rows.size());
    const bool own_domain = row.domain && domain_uses[*row.domain] == 1;
    auto match = index.ByErasmusCode(*row.institution.erasmus_code);
    if (!match && row.institution.pic) {
      match = index.ByPic(*row.institution.pic);
    }
    if (!match && own_domain) {
      match = index.ByDomain(*row.domain);
      if (match && index.at(*match).erasmus_code) {
        match.reset();  // a different charter holder with the same website
      }
    }
    if (match) {
      if (auto it = claimed.find(*match); it != claimed.end()) {
        report.rejected.push_back(
            {row.line, "same institution (PIC or website) as line " + std::to_string(it->second)});
        continue;
      }
    }
    std::optional<std::string> hei_id;
    if (own_domain && index.DomainFreeFor(*row.domain, match)) {
      hei_id = row.domain;
    }
    auto fresh = row.institution;
    fresh.hei_id = hei_id;
    claimed[index.Apply(
        connection, control, row.line, match, std::move(fresh),
        [&](partners::Institution& found) { return MergeEcheRow(found, row, hei_id); }, report)] =
        row.line;
  }
  control.Step(file.rows.size(), file.rows.size());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace weltcampus::partners
