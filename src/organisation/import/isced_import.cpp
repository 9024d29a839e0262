#include "organisation/import/isced_import.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

#include "core/codes.h"
#include "interop/csv_reader.h"
#include "interop/table.h"
#include "organisation/repository.h"

namespace weltcampus::organisation {

namespace {

// The length of a code tells its level: 2 digits broad, 3 narrow, 4 detailed.
std::string_view LevelOfCode(std::string_view code) {
  switch (code.size()) {
    case 2:
      return "broad";
    case 3:
      return "narrow";
    default:
      return "detailed";
  }
}

}  // namespace

const std::vector<interop::ColumnSpec>& IscedColumns() {
  static const std::vector<interop::ColumnSpec> columns = {
      {"code", "code"},
      {"level", "level"},
      {"label_en", "label_en"},
      {"label_de", "label_de", false},
  };
  return columns;
}

IscedFile ParseIsced(std::string_view csv, const interop::ColumnMap& map) {
  const auto rows = interop::OpenTable(csv, interop::TableFormat::kCsv, "");
  return ParseIsced(*rows, map);
}

IscedFile ParseIsced(interop::RowReader& reader, const interop::ColumnMap& map) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) {
    throw interop::ImportFileError("the ISCED file is empty");
  }
  const interop::CsvHeader header(fields);
  const auto at = interop::ResolveColumns(header, IscedColumns(), map);
  const auto code_column = at.at("code");
  const auto level_column = at.at("level");
  const auto en_column = at.at("label_en");
  const auto de_it = at.find("label_de");
  const bool has_de = de_it != at.end();
  const std::size_t de_column = has_de ? de_it->second : 0;
  const std::size_t columns = std::max({code_column, level_column, en_column, de_column}) + 1;
  IscedFile file;
  std::set<std::string> seen;
  while (reader.Next(fields)) {
    const int line = reader.line();
    if (fields.size() == 1 && interop::CleanField(fields[0]).empty()) {
      continue;
    }
    if (fields.size() < columns) {
      file.rejected.push_back({line, "has " + std::to_string(fields.size()) + " fields"});
      continue;
    }
    IscedRow row;
    row.line = line;
    row.field.code = interop::CleanField(fields[code_column]);
    row.field.level = interop::CleanField(fields[level_column]);
    row.field.label_en = interop::CleanField(fields[en_column]);
    if (has_de) {
      if (auto de = interop::CleanField(fields[de_column]); !de.empty()) {
        row.field.label_de = std::move(de);
      }
    }
    if (!IsIscedCodeShape(row.field.code)) {
      file.rejected.push_back({line, "invalid ISCED-F code \"" + row.field.code + "\""});
    } else if (row.field.level != LevelOfCode(row.field.code)) {
      file.rejected.push_back(
          {line, "level \"" + row.field.level + "\" does not fit code " + row.field.code});
    } else if (row.field.label_en.empty()) {
      file.rejected.push_back({line, "no English label"});
    } else if (!seen.insert(row.field.code).second) {
      file.rejected.push_back({line, "code " + row.field.code + " appears twice"});
    } else {
      file.rows.push_back(std::move(row));
    }
  }
  return file;
}

interop::ImportReport ImportIsced(store::Connection& connection, const IscedFile& file,
                                  const interop::ImportControl& control) {
  const auto started = std::chrono::steady_clock::now();
  interop::ImportReport report;
  report.kind = "isced";
  report.dry_run = control.dry_run;
  report.rejected = file.rejected;
  std::map<std::string, IscedField> existing;
  for (auto& field : repository::ListIscedFields(connection, std::nullopt, std::nullopt)) {
    existing.emplace(field.code, std::move(field));
  }
  // The repository reads this table but has no writer for it; these two statements are the
  // reference import's own.
  std::size_t done = 0;
  for (const auto& row : file.rows) {
    control.Step(done++, file.rows.size());
    const auto& field = row.field;
    const auto params = store::Params()
                            .Set("code", field.code)
                            .Set("level", field.level)
                            .Set("label_en", field.label_en)
                            .Set("label_de", field.label_de);
    const auto it = existing.find(field.code);
    if (it == existing.end()) {
      report.changes.push_back({row.line, true, field.code, field.label_en});
      ++report.added;
      if (control.dry_run) {
        continue;
      }
      connection.Exec(
          "INSERT INTO isced_fields (code, level, label_en, label_de) "
          "VALUES (:code, :level, :label_en, :label_de)",
          params);
    } else if (it->second.level != field.level || it->second.label_en != field.label_en ||
               it->second.label_de != field.label_de) {
      report.changes.push_back({row.line, false, field.code, field.label_en});
      ++report.updated;
      if (control.dry_run) {
        continue;
      }
      connection.Exec(
          "UPDATE isced_fields SET level = :level, label_en = :label_en, label_de = :label_de "
          "WHERE code = :code",
          params);
    } else {
      ++report.unchanged;
    }
  }
  control.Step(file.rows.size(), file.rows.size());
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

}  // namespace weltcampus::organisation
