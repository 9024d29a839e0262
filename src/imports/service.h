#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "interop/column_map.h"
#include "interop/import_report.h"
#include "jobs/model.h"
#include "jobs/runner.h"
#include "kit/importers.h"
#include "store/database.h"

namespace weltcampus::imports {

inline constexpr std::size_t kMaxFileNameLength = 200;
// The rows of each kind a job's result lists (the report file has them all).
inline constexpr std::size_t kResultRows = 500;

// An import as the browser asks for it.
struct ImportRequest {
  std::string kind;  // an importer's kind: eche, world-universities, isced
  bool dry_run = true;
  std::optional<interop::ColumnMap> columns;  // nullopt: the remembered map, else the default
  std::string file_name;
  std::string content;
};

// The importer of a kind (kit/importers.h); 404 for a kind nobody imports.
const kit::Importer& ImporterOf(std::string_view kind);

// The fields of a kind, their default columns and the map remembered from its last import.
nlohmann::json ColumnsJson(store::Database& database, const std::string& kind);

// The column names in the first row of a table file (CSV text or an .xlsx workbook), for the
// column map screen: {kind, format, columns}. Throws ApiError (422 "file") for a file that is not
// a readable table, naming the file.
nlohmann::json HeaderJson(const std::string& kind, const std::string& file_name,
                          const std::string& content);

// Checks the request (kind, map, file: UTF-8 text or a workbook whose header can be read, not
// empty), remembers the map for the kind, and queues the job. Throws ApiError naming the field at
// fault.
jobs::Job QueueImport(store::Database& database, const ImportRequest& request, int64_t user_id);

// The "import" job: a check pass (a dry run, whose progress is saved as it goes), then, unless
// the job is a dry run, the import in one transaction. Cancelled between batches of rows.
jobs::JobOutcome RunImportJob(store::Database& database, jobs::JobContext& context);

// The job's result: counts, and the first rejected and changed rows.
nlohmann::json ResultJson(const interop::ImportReport& report);

}  // namespace weltcampus::imports
