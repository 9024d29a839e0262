#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/app.h"
#include "cli/commands.h"
#include "kit/importers.h"

namespace {

void SetUpLogging(const std::string& level) {
  auto logger = spdlog::stderr_color_mt("weltcampus");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(level));
  spdlog::set_default_logger(logger);
}

std::string DefaultDataDir() {
  // Beside a checkout the reference data lives in ../shared/data.
  for (const char* candidate : {"../shared/data", "shared/data"}) {
    if (std::filesystem::is_directory(candidate)) {
      return candidate;
    }
  }
  return {};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Weltcampus: partners, agreements, exchange and the indicators of a school's "
               "internationalisation"};
  app.set_version_flag("--version", std::string("weltcampus ") + WELTCAMPUS_VERSION);
  app.set_config("--config", "", "Read options from this file (TOML or INI)");
  app.require_subcommand(1);
  // Global options such as --db may also follow the subcommand: "weltcampus serve --db ...".
  app.fallthrough();
  std::string db = "sqlite:weltcampus.db";
  std::string log_level = "info";
  app.add_option("--db", db, "Database: sqlite:PATH or postgresql://USER@HOST:PORT/NAME")
      ->envname("WELTCAMPUS_DB")
      ->capture_default_str();
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->envname("WELTCAMPUS_LOG_LEVEL")
      ->capture_default_str();

  weltcampus::cli::AuditChainOptions audit_chain;
  app.add_option("--audit-key-file", audit_chain.key_file,
                 "The audit chain's secret key (created when missing); default for SQLite: the "
                 "database file + .audit-key; required for PostgreSQL unless WELTCAMPUS_AUDIT_KEY "
                 "holds the key (64 hexadecimal digits)")
      ->envname("WELTCAMPUS_AUDIT_KEY_FILE");
  app.add_option("--audit-anchor-file", audit_chain.anchor_file,
                 "Append-only file of the audit log's heads (at start, daily, at a stop); default "
                 "for SQLite: the database file + .audit-anchors")
      ->envname("WELTCAMPUS_AUDIT_ANCHOR_FILE");
  app.add_flag("--audit-syslog", audit_chain.syslog, "Also log the audit log's heads to syslog")
      ->envname("WELTCAMPUS_AUDIT_SYSLOG");

  weltcampus::cli::ServeOptions serve;
  serve.listen = "127.0.0.1:8080";
  serve.web = "web/dist";
  serve.workers = std::max(4u, 2 * std::thread::hardware_concurrency());
  auto* serve_cmd = app.add_subcommand("serve", "Serve the API and the web application");
  serve_cmd->add_option("--listen", serve.listen, "HOST:PORT to listen on (port 0: any free port)")
      ->envname("WELTCAMPUS_LISTEN")
      ->capture_default_str();
  serve_cmd->add_option("--web", serve.web, "Folder of the built web application")
      ->envname("WELTCAMPUS_WEB")
      ->capture_default_str();
  serve_cmd->add_option("--port-file", serve.port_file, "Write the bound port to this file");
  serve_cmd->add_option("--workers", serve.workers, "Threads for request handling and database work")
      ->envname("WELTCAMPUS_WORKERS")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve_cmd->add_option("--body-limit", serve.body_limit, "Largest request body in bytes")
      ->envname("WELTCAMPUS_BODY_LIMIT")
      ->check(CLI::Range(1024, 256 * 1024 * 1024))
      ->capture_default_str();
  serve_cmd->add_option("--upload-limit", serve.upload_limit,
                        "Largest uploaded file (import) in bytes, for POST /api/v1/imports/...")
      ->envname("WELTCAMPUS_UPLOAD_LIMIT")
      ->check(CLI::Range(1024, 256 * 1024 * 1024))
      ->capture_default_str();
  serve_cmd->add_option("--read-timeout", serve.read_timeout_seconds,
                        "Seconds for a whole request to arrive, and for an idle connection")
      ->envname("WELTCAMPUS_READ_TIMEOUT")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  serve_cmd->add_option("--trusted-proxy", serve.trusted_proxies,
                        "Address of a reverse proxy whose X-Forwarded-For/-Proto are believed")
      ->envname("WELTCAMPUS_TRUSTED_PROXIES")
      ->delimiter(',');

  auto* migrate_cmd = app.add_subcommand("migrate", "Apply the database migrations");

  weltcampus::cli::DemoOptions demo;
  demo.data_dir = DefaultDataDir();
  auto* demo_cmd = app.add_subcommand("demo", "Fill the database with the demo school and partners");
  demo_cmd
      ->add_option("--profile", demo.profile,
                   "school; university (twenty times larger); scale (ten times university, with "
                   "the full register)")
      ->check(CLI::IsMember({"school", "university", "scale"}))
      ->capture_default_str();
  demo_cmd->add_option("--seed", demo.seed, "Seed of the generator")->capture_default_str();
  demo_cmd->add_option("--data-dir", demo.data_dir,
                       "Folder with eche/, hipo/ and isced/ reference data")
      ->capture_default_str();

  std::string import_kind;
  std::string import_file;
  auto* import_cmd = app.add_subcommand("import", "Import reference data");
  weltcampus::cli::RegisterAllImporters();
  const auto import_kinds = weltcampus::kit::ImporterKinds();
  import_cmd->add_option("kind", import_kind, fmt::format("{}", fmt::join(import_kinds, ", ")))
      ->required()
      ->check(CLI::IsMember(import_kinds));
  import_cmd->add_option("file", import_file, "The file to import")->required()->check(CLI::ExistingFile);
  bool import_dry_run = false;
  import_cmd->add_flag("--dry-run", import_dry_run,
                       "Report what would be added, changed and rejected; write nothing");

  std::string user_email;
  std::string user_name;
  std::vector<std::string> user_roles;
  auto* user_cmd = app.add_subcommand("user", "Accounts");
  user_cmd->require_subcommand(1);
  auto* user_add = user_cmd->add_subcommand("add", "Create an account; prints a one-time password");
  user_add->add_option("--email", user_email, "E-mail address (the login name)")->required();
  user_add->add_option("--name", user_name, "Display name");
  user_add->add_option("--role", user_roles, "Role (repeatable): admin, international_office, ...")
      ->required();
  auto* user_list = user_cmd->add_subcommand("list", "List the accounts");
  auto* user_demo = user_cmd->add_subcommand("demo-accounts", "Print the demo accounts and their password");

  auto* audit_cmd = app.add_subcommand("audit", "The audit log");
  audit_cmd->require_subcommand(1);
  auto* audit_verify = audit_cmd->add_subcommand(
      "verify", "Check the hash chain under its key and against its anchors; exit 1 when broken");
  auto* audit_anchor = audit_cmd->add_subcommand(
      "anchor", "Append the log's head to the anchor file and syslog (for a cron job)");

  std::string backup_file;
  auto* backup_cmd = app.add_subcommand(
      "backup", "Write a consistent copy of the database to FILE while the server runs");
  backup_cmd->add_option("file", backup_file, "The backup file (must not exist)")->required();
  auto* restore_cmd = app.add_subcommand(
      "restore",
      "Restore a backup into an empty database (--db), migrate it and verify its audit log");
  restore_cmd->add_option("file", backup_file, "The backup file")
      ->required()
      ->check(CLI::ExistingFile);

  auto* check_cmd = app.add_subcommand("check", "Check the database's derived data");
  check_cmd->require_subcommand(1);
  auto* check_counts = check_cmd->add_subcommand("counts",
                                                 "Recount the counts and check the copies kept "
                                                 "with records (active agreements, partner names); "
                                                 "exit 1 on a difference");

  int inactive_days = weltcampus::cli::kDefaultInactiveAccountDays;
  auto* retention_cmd = app.add_subcommand("retention", "Apply the retention schedule");
  retention_cmd->require_subcommand(1);
  auto* retention_run = retention_cmd->add_subcommand("run", "Remove expired sessions, pseudonymise old accounts");
  retention_run->add_option("--inactive-days", inactive_days,
                            "Pseudonymise disabled accounts unused for this many days")
      ->envname("WELTCAMPUS_RETENTION_INACTIVE_DAYS")
      ->check(CLI::Range(30, 36500))
      ->capture_default_str();
  serve_cmd->add_option("--retention-inactive-days", serve.retention_inactive_days,
                        "Daily retention: pseudonymise disabled accounts unused for this many days")
      ->envname("WELTCAMPUS_RETENTION_INACTIVE_DAYS")
      ->check(CLI::Range(30, 36500))
      ->capture_default_str();
  serve_cmd
      ->add_option("--retention-interval", serve.retention_interval_seconds,
                   "Seconds between the retention runs of the server (the first at its start)")
      ->envname("WELTCAMPUS_RETENTION_INTERVAL")
      ->check(CLI::Range(1, 7 * 24 * 60 * 60))
      ->capture_default_str();

  weltcampus::cli::AllocationSolveOptions allocation;
  auto* allocation_cmd = app.add_subcommand("allocation", "The allocation of exchange places");
  allocation_cmd->require_subcommand(1);
  auto* allocation_solve = allocation_cmd->add_subcommand(
      "solve",
      "Allocate the places of an instance file (JSON, docs/allocation.md); print the "
      "result as JSON (no database)");
  allocation_solve->add_option("file", allocation.file, "The instance (JSON)")
      ->required()
      ->check(CLI::ExistingFile);
  allocation_solve->add_flag("--explain", allocation.explain,
                             "Add every applicant's explanation (why not the higher preferences)");
  allocation_solve->add_option("--what-if", allocation.what_if,
                               "offer:ID:K or partner:ID:K: what K more places there would change");
  allocation_solve
      ->add_option("--one-more-place", allocation.one_more_place,
                   "List the N offers where one more place would place the most applicants")
      ->check(CLI::Range(1, 100000));

  CLI11_PARSE(app, argc, argv);
  SetUpLogging(log_level);
  try {
    // Every command that writes or checks the database needs the audit chain's key; restoring
    // and verifying need the database's own, never a new one.
    audit_chain.existing_key_only = restore_cmd->parsed() || audit_verify->parsed();
    if (!allocation_solve->parsed() && !user_demo->parsed()) {
      weltcampus::cli::ConfigureAuditChain(db, audit_chain);
    }
    if (serve_cmd->parsed()) {
      serve.db = db;
      return weltcampus::cli::Serve(serve);
    }
    if (migrate_cmd->parsed()) {
      return weltcampus::cli::Migrate(db);
    }
    if (demo_cmd->parsed()) {
      demo.db = db;
      return weltcampus::cli::Demo(demo);
    }
    if (import_cmd->parsed()) {
      return weltcampus::cli::Import(db, import_kind, import_file, import_dry_run);
    }
    if (user_add->parsed()) {
      return weltcampus::cli::AddUser(db, user_email, user_name, user_roles);
    }
    if (user_list->parsed()) {
      return weltcampus::cli::ListUsers(db);
    }
    if (user_demo->parsed()) {
      return weltcampus::cli::PrintDemoAccounts();
    }
    if (audit_verify->parsed()) {
      return weltcampus::cli::VerifyAudit(db);
    }
    if (audit_anchor->parsed()) {
      return weltcampus::cli::AnchorAudit(db);
    }
    if (backup_cmd->parsed()) {
      return weltcampus::cli::Backup(db, backup_file);
    }
    if (restore_cmd->parsed()) {
      return weltcampus::cli::Restore(db, backup_file);
    }
    if (check_counts->parsed()) {
      return weltcampus::cli::CheckCounts(db);
    }
    if (allocation_solve->parsed()) {
      return weltcampus::cli::SolveAllocation(allocation);
    }
    if (retention_run->parsed()) {
      return weltcampus::cli::RunRetention(db, inactive_days);
    }
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    return 1;
  }
  return 0;
}
