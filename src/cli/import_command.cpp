#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "interop/reference_import.h"
#include "store/migrations.h"

namespace weltcampus::cli {

int Import(const std::string& db, const std::string& kind, const std::string& file) {
  auto database = store::Database::Open(db, 1);
  store::Migrate(*database);
  const auto started = std::chrono::steady_clock::now();
  auto report = interop::ImportReferenceFile(*database, kind, file);
  // Reading, parsing and the commit count too: that is what the user waits for.
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("{}", interop::FormatReport(report));
  std::fflush(stdout);
  return 0;
}

}  // namespace weltcampus::cli
