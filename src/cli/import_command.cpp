#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/app.h"
#include "cli/commands.h"
#include "interop/progress.h"
#include "kit/importers.h"

namespace weltcampus::cli {

int Import(const std::string& db, const std::string& kind, const std::string& file, bool dry_run) {
  auto database = store::Database::Open(db, 2);
  MigrateDatabase(*database);
  const auto started = std::chrono::steady_clock::now();
  // The same importer as the server's import jobs; here progress goes to stderr.
  std::unique_ptr<interop::Progress> progress;
  interop::ImportControl control;
  control.dry_run = dry_run;
  control.progress = [&](std::size_t done, std::size_t total) {
    if (!progress) {
      progress = std::make_unique<interop::Progress>(kind, total);
    }
    progress->Advance(done);
    if (done == total) {
      progress->Finish();
    }
  };
  RegisterAllImporters();
  auto report = kit::ImportFile(*database, audit::Actor::System(), kind, file, control);
  database->RefreshPlannerStatistics();
  // Reading, parsing and the commit count too: that is what the user waits for.
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print("{}", interop::FormatReport(report));
  std::fflush(stdout);
  return 0;
}

}  // namespace weltcampus::cli
