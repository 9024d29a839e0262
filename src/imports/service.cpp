#include "imports/service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/base64.h"
#include "core/date.h"
#include "core/error.h"
#include "core/text.h"
#include "interop/table.h"
#include "jobs/repository.h"
#include "kit/importers.h"
#include "store/settings.h"

namespace weltcampus::imports {

const kit::Importer& ImporterOf(std::string_view kind) {
  const kit::Importer* importer = kit::FindImporter(kind);
  if (importer == nullptr) {
    throw NotFoundError("import kind");
  }
  return *importer;
}

namespace {

std::string SettingKey(const std::string& kind) { return "imports.columns." + kind; }

std::optional<interop::ColumnMap> RememberedMap(store::Connection& c, const std::string& kind) {
  const auto text = store::GetSetting(c, SettingKey(kind));
  if (!text) {
    return std::nullopt;
  }
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (!json.is_object()) {
    return std::nullopt;
  }
  interop::ColumnMap map;
  for (const auto& [field, header] : json.items()) {
    if (header.is_string()) {
      map[field] = header.get<std::string>();
    }
  }
  // A map saved by an older version may name fields that are gone: then the defaults.
  if (interop::CheckColumnMap(ImporterOf(kind).columns, map)) {
    return std::nullopt;
  }
  return map;
}

// Valid UTF-8 without NUL bytes: the file is stored as text until the job has read it.
bool IsText(std::string_view text) {
  return text.find('\0') == std::string_view::npos && IsUtf8(text);
}

// A workbook is binary; job_files keeps text, so it is stored as base64 until the job reads it.
std::string StoredWorkbook(const std::string& text) {
  try {
    return FromBase64(text);
  } catch (const std::invalid_argument&) {
    throw interop::ImportFileError("the stored workbook is damaged");
  }
}

// The format of a table file, checked: a workbook's first row must be readable (a broken one is
// refused now, naming the file, rather than failing as a job), CSV must be text.
interop::TableFormat CheckTableFile(const std::string& file_name, const std::string& content) {
  if (content.empty()) {
    throw ValidationError("file", "The file is empty");
  }
  const auto format = interop::DetectTableFormat(content, file_name);
  if (format == interop::TableFormat::kXlsx) {
    try {
      interop::ReadTableHeader(content, format, file_name);
    } catch (const interop::ImportFileError& error) {
      throw ValidationError("file", error.what());
    }
  } else if (!IsText(content)) {
    throw ValidationError("file", "The file must be UTF-8 text (CSV saved as UTF-8) or .xlsx");
  }
  return format;
}

nlohmann::json MapJson(const interop::ColumnMap& map) {
  nlohmann::json json = nlohmann::json::object();
  for (const auto& [field, header] : map) {
    json[field] = header;
  }
  return json;
}

}  // namespace

nlohmann::json ColumnsJson(store::Database& database, const std::string& kind) {
  const auto& specs = ImporterOf(kind).columns;
  nlohmann::json fields = nlohmann::json::array();
  for (const auto& spec : specs) {
    fields.push_back({{"field", spec.field},
                      {"default_column", spec.default_header},
                      {"required", spec.required}});
  }
  const auto remembered =
      database.Read([&](store::Connection& c) { return RememberedMap(c, kind); });
  const auto defaults = interop::DefaultColumnMap(specs);
  return {{"kind", kind},
          {"format", specs.empty() ? "json" : "csv"},
          {"fields", std::move(fields)},
          {"default_columns", MapJson(defaults)},
          {"columns", MapJson(remembered.value_or(defaults))},
          {"remembered", remembered.has_value()}};
}

nlohmann::json HeaderJson(const std::string& kind, const std::string& file_name,
                          const std::string& content) {
  if (!ImporterOf(kind).table()) {
    throw ValidationError("file", "This list is JSON: it has no columns to map");
  }
  const auto format = CheckTableFile(file_name, content);
  std::vector<std::string> columns;
  try {
    columns = interop::ReadTableHeader(content, format, file_name);
  } catch (const interop::ImportFileError& error) {
    throw ValidationError("file", error.what());
  }
  return {{"kind", kind},
          {"format", interop::TableFormatName(format)},
          {"columns", std::move(columns)}};
}

jobs::Job QueueImport(store::Database& database, const ImportRequest& request, int64_t user_id) {
  const auto& specs = ImporterOf(request.kind).columns;
  if (request.columns) {
    if (specs.empty() && !request.columns->empty()) {
      throw ValidationError("columns", "This list is JSON: it has no columns to map");
    }
    if (auto problem = interop::CheckColumnMap(specs, *request.columns)) {
      throw ValidationError("columns." + problem->field, problem->message);
    }
  }
  if (request.file_name.size() > kMaxFileNameLength) {
    throw ValidationError("file_name", "At most 200 characters");
  }
  auto format = interop::TableFormat::kCsv;
  if (specs.empty()) {
    if (request.content.empty()) {
      throw ValidationError("file", "The file is empty");
    }
    if (!IsText(request.content)) {
      throw ValidationError("file", "The file must be UTF-8 text (CSV saved as UTF-8)");
    }
  } else {
    format = CheckTableFile(request.file_name, request.content);
  }
  const bool workbook = format == interop::TableFormat::kXlsx;
  return database.Write([&](store::Connection& c) {
    interop::ColumnMap columns;
    if (request.columns) {
      columns = *request.columns;
      if (!specs.empty()) {
        store::SetSetting(c, SettingKey(request.kind), MapJson(columns).dump());
      }
    } else {
      columns = RememberedMap(c, request.kind).value_or(interop::DefaultColumnMap(specs));
    }
    jobs::Job job;
    job.kind = "import";
    job.params = {{"import", request.kind},
                  {"dry_run", request.dry_run},
                  {"columns", MapJson(columns)},
                  {"file_name", request.file_name}};
    if (workbook) {
      job.params["format"] = "xlsx";  // the input is stored as base64
    }
    job.created_by = user_id;
    job.created_at = NowUtcTimestamp();
    const std::string content_type = specs.empty() ? "application/json"
                                     : workbook    ? std::string(interop::kXlsxMediaType)
                                                   : "text/csv";
    jobs::repository::InsertJob(
        c, job,
        jobs::JobFile{"input", request.file_name, content_type,
                      workbook ? ToBase64(request.content) : request.content});
    return job;
  });
}

nlohmann::json ResultJson(const interop::ImportReport& report) {
  auto rejected = report.rejected;
  std::stable_sort(rejected.begin(), rejected.end(),
                   [](const auto& a, const auto& b) { return a.line < b.line; });
  nlohmann::json rejected_json = nlohmann::json::array();
  for (std::size_t i = 0; i < rejected.size() && i < kResultRows; ++i) {
    rejected_json.push_back({{"line", rejected[i].line}, {"reason", rejected[i].reason}});
  }
  nlohmann::json added = nlohmann::json::array();
  nlohmann::json updated = nlohmann::json::array();
  for (const auto& change : report.changes) {
    auto& list = change.added ? added : updated;
    if (list.size() < kResultRows) {
      list.push_back({{"line", change.line}, {"key", change.key}, {"name", change.name}});
    }
  }
  return {{"import", report.kind},
          {"dry_run", report.dry_run},
          {"rows", report.rows()},
          {"added", report.added},
          {"updated", report.updated},
          {"unchanged", report.unchanged},
          {"rejected", static_cast<int64_t>(report.rejected.size())},
          {"rejected_rows", std::move(rejected_json)},
          {"added_rows", std::move(added)},
          {"updated_rows", std::move(updated)},
          {"rows_listed", kResultRows},
          {"seconds", report.seconds}};
}

jobs::JobOutcome RunImportJob(store::Database& database, jobs::JobContext& context) {
  const auto& params = context.job().params;
  const std::string kind = params.value("import", "");
  const bool dry_run = params.value("dry_run", true);
  const std::string file_name = params.value("file_name", "");
  interop::ColumnMap columns;
  if (const auto it = params.find("columns"); it != params.end() && it->is_object()) {
    for (const auto& [field, header] : it->items()) {
      if (header.is_string()) {
        columns[field] = header.get<std::string>();
      }
    }
  }
  const bool workbook = params.value("format", "csv") == "xlsx";
  // Progress runs over two passes when the import writes: the check, then the write.
  const int64_t passes = dry_run ? 1 : 2;
  int64_t rows_to_apply = 0;
  auto control_for = [&](bool check_pass) {
    interop::ImportControl control;
    control.dry_run = check_pass;
    const int64_t offset = check_pass ? 0 : 1;
    const std::string message = check_pass ? "Checking rows" : "Writing";
    control.progress = [&context, &rows_to_apply, offset, passes, message](std::size_t done,
                                                                           std::size_t total) {
      const auto t = static_cast<int64_t>(total);
      rows_to_apply = t;
      context.Progress(offset * t + static_cast<int64_t>(done), passes * t, message);
    };
    control.cancelled = [&context] { return context.CancelRequested(); };
    return control;
  };
  try {
    context.Progress(0, 0, "Reading the file", true);
    const std::string text = workbook ? StoredWorkbook(context.Input()) : context.Input();
    const auto& importer = ImporterOf(kind);
    auto report =
        importer.import(database, context.actor(), text, file_name, columns, control_for(true));
    if (!dry_run) {
      context.Progress(rows_to_apply, 2 * rows_to_apply, "Writing", true);
      // From here the import writes, all or nothing, and a cancel is refused (409): one accepted
      // before stops it here, so that an accepted cancel always means nothing was written.
      context.EnterCommit();
      context.SetInsideWrite(true);
      report =
          importer.import(database, context.actor(), text, file_name, columns, control_for(false));
      context.SetInsideWrite(false);
    }
    const auto total = static_cast<int64_t>(report.rows());
    context.Progress(total, total, std::nullopt, true);
    jobs::JobOutcome outcome;
    outcome.message =
        fmt::format("{} rows: {} {}, {} {}, {} unchanged, {} rejected", report.rows(), report.added,
                    dry_run ? "to add" : "added", report.updated, dry_run ? "to change" : "changed",
                    report.unchanged, report.rejected.size());
    outcome.result = ResultJson(report);
    outcome.report = jobs::JobFile{
        "report",
        fmt::format("import-{}-{}{}.csv", kind, context.job().id, dry_run ? "-dry-run" : ""),
        "text/csv; charset=utf-8", interop::ReportCsv(report)};
    return outcome;
  } catch (const interop::ImportCancelled&) {
    context.SetInsideWrite(false);
    throw jobs::JobCancelled();
  } catch (const interop::ImportFileError& error) {
    context.SetInsideWrite(false);
    throw jobs::JobFailure(error.what());
  }
}

}  // namespace weltcampus::imports
