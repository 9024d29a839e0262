#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>

#include "cli/app.h"
#include "cli/commands.h"
#include "demo/demo.h"
#include "mobility/mobility_demo.h"

namespace weltcampus::cli {

namespace {
// Distinct from 1 (failure) so that scripts can start the demo on every run and ignore a filled
// database: nothing was changed.
constexpr int kRefusedNotEmpty = 3;
}  // namespace

int Demo(const DemoOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  auto database = store::Database::Open(options.db, 1);
  MigrateDatabase(*database);
  const auto existing =
      database->Read([](store::Connection& c) { return partners::DescribeExistingData(c); });
  if (!existing.empty()) {
    spdlog::error("the database {} already holds {}; the demo only fills an empty database",
                  database->display_url(), existing);
    return kRefusedNotEmpty;
  }
  const auto data = partners::LoadDemoReferenceData(options.data_dir);
  for (const auto& note : data.notes) {
    spdlog::warn("{}", note);
  }
  partners::DemoSettings settings;
  settings.profile = options.profile;
  settings.seed = options.seed;
  settings.today = Date::TodayUtc();
  auto summary =
      database->Write([&](store::Connection& c) { return demo::Build(c, data, settings); });
  exchange::RunAllocationHistory(*database, summary.history, settings.seed, settings.today);
  const auto mobilities = mobility::BuildMobilityDemo(*database, summary.history.call_id,
                                                      settings.seed, settings.today);
  database->RefreshPlannerStatistics();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  fmt::print(
      "demo ({} profile, seed {}): {} organisational units, {} institutions, {} partnerships, "
      "{} agreements with {} quotas, {} joint structures, {} ISCED fields, {} programmes, "
      "{} students, {} calls with {} offers, {} applications ({:.2f} s)\n",
      options.profile, options.seed, summary.org_units, summary.institutions, summary.partnerships,
      summary.agreements, summary.quotas, summary.joint_structures, summary.isced_fields,
      summary.students.programmes, summary.students.students, summary.calls.calls,
      summary.calls.offers, summary.applications.applications, seconds);
  fmt::print(
      "allocation history: call {} with {} applications, {} published runs, {} places "
      "offered\n",
      summary.history.call_id, summary.history.applications, summary.history.runs,
      summary.history.placed);
  fmt::print("mobilities: {} in the past ten years, {} this year, {} steps of their stays\n",
             mobilities.past, mobilities.current, mobilities.events);
  std::fflush(stdout);
  PrintDemoAccounts();
  return 0;
}

}  // namespace weltcampus::cli
