#include <spdlog/spdlog.h>

#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "audit/audit.h"
#include "audit/chain.h"
#include "auth/service.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "exchange/applications.h"
#include "partners/agreement_documents.h"

namespace weltcampus::cli {

namespace {

std::pair<std::string, uint16_t> ParseListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    throw std::invalid_argument("--listen wants HOST:PORT, got " + listen);
  }
  std::string host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  const int port = std::stoi(listen.substr(colon + 1));
  if (port < 0 || port > 65535) {
    throw std::invalid_argument("port out of range in --listen " + listen);
  }
  return {host, static_cast<uint16_t>(port)};
}

}  // namespace

int Serve(const ServeOptions& options) {
  auto database = store::Database::Open(options.db, options.workers);
  spdlog::info("database {}", database->display_url());
  for (const auto& name : MigrateDatabase(*database)) {
    spdlog::info("applied migration {}", name);
  }
  database->RefreshPlannerStatistics();
  if (!audit::Chain().anchor_file && !audit::Chain().syslog) {
    spdlog::warn(
        "no audit anchor file (--audit-anchor-file) or --audit-syslog: entries cut off "
        "the end of the audit log together with its head would not be found");
  }
  http::Router router;
  http::Metrics metrics;
  // Long work (imports) runs on a thread of its own; its state is in the database.
  jobs::JobRunner job_runner(*database, {});
  RegisterAllRoutes(router, *database, metrics, job_runner);
  http::StaticFiles static_files(options.web);
  if (!static_files.enabled()) {
    spdlog::warn("no web application at '{}': serving the API only", options.web);
  }
  http::ServerOptions server_options;
  std::tie(server_options.host, server_options.port) = ParseListen(options.listen);
  server_options.port_file = options.port_file;
  server_options.workers = options.workers;
  server_options.body_limit = options.body_limit;
  server_options.upload_limit = options.upload_limit;
  server_options.upload_paths = {"/api/v1/imports/", std::string(partners::kDocumentUploadPath),
                                 std::string(exchange::kApplicationUploadPath)};
  server_options.read_timeout = std::chrono::seconds(options.read_timeout_seconds);
  server_options.trusted_proxies = options.trusted_proxies;
  http::Server server(server_options, router, static_files, metrics);
  // The retention schedule runs once a day (--retention-interval) beside the server and at its
  // start, and the audit log's head is anchored outside the database then and at the stop
  // (audit/chain.h).
  const auto anchor = [&database] {
    try {
      database->Read([](store::Connection& c) { audit::AnchorHead(c); });
    } catch (const std::exception& error) {
      spdlog::error("anchoring the audit log's head failed: {}", error.what());
    }
  };
  std::mutex mutex;
  std::condition_variable stop_requested;
  bool stopping = false;
  std::thread retention([&] {
    std::unique_lock lock(mutex);
    do {
      lock.unlock();
      try {
        RunRetentionSchedule(*database, options.retention_inactive_days, Date::TodayUtc());
      } catch (const std::exception& error) {
        spdlog::error("retention run failed: {}", error.what());
      }
      anchor();
      lock.lock();
    } while (!stop_requested.wait_for(
        lock, std::chrono::seconds(options.retention_interval_seconds), [&] { return stopping; }));
  });
  job_runner.Start();
  server.Run();
  job_runner.Stop();
  {
    std::lock_guard lock(mutex);
    stopping = true;
  }
  stop_requested.notify_all();
  retention.join();
  anchor();
  return 0;
}

int Migrate(const std::string& db) {
  auto database = store::Database::Open(db, 1);
  const auto applied = MigrateDatabase(*database);
  spdlog::info("{} migration(s) applied to {}", applied.size(), database->display_url());
  return 0;
}

}  // namespace weltcampus::cli
