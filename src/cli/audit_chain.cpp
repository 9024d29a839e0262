// Where the audit chain's key and anchors come from (audit/chain.h; README "The audit log").
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "audit/audit.h"
#include "audit/chain.h"
#include "cli/app.h"
#include "cli/commands.h"

namespace weltcampus::cli {

namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

// The SQLite database's file, or empty for another database.
std::string SqliteFile(const std::string& db) {
  return db.rfind(kSqlitePrefix, 0) == 0 ? db.substr(kSqlitePrefix.size()) : std::string();
}

// The key in `path`; a missing file is created, unless only an existing key will do.
std::string KeyOfFile(const std::string& path, const AuditChainOptions& options) {
  if (options.existing_key_only && !std::filesystem::exists(path)) {
    throw std::runtime_error(
        "no audit key in " + path +
        ": verifying or restoring the audit log needs the database's own audit key, never a new "
        "one; copy its key file there, or give --audit-key-file or WELTCAMPUS_AUDIT_KEY (README, "
        "\"Backup and restore\")");
  }
  return audit::LoadOrCreateKeyFile(path);
}

}  // namespace

void ConfigureAuditChain(const std::string& db, const AuditChainOptions& options) {
  const std::string sqlite_file = SqliteFile(db);
  audit::ChainSettings settings;
  const char* key = std::getenv("WELTCAMPUS_AUDIT_KEY");
  if (key != nullptr && *key != '\0') {
    try {
      settings.key = audit::KeyFromHex(key);
    } catch (const std::invalid_argument& error) {
      throw std::runtime_error(std::string("WELTCAMPUS_AUDIT_KEY: ") + error.what());
    }
  } else if (!options.key_file.empty()) {
    settings.key = KeyOfFile(options.key_file, options);
  } else if (!sqlite_file.empty()) {
    settings.key = KeyOfFile(sqlite_file + ".audit-key", options);
  } else {
    throw std::runtime_error(
        "the audit log's key: give --audit-key-file FILE (or WELTCAMPUS_AUDIT_KEY) for a "
        "PostgreSQL database, the same for every server of it (README, \"The audit log\")");
  }
  if (!options.anchor_file.empty()) {
    settings.anchor_file = options.anchor_file;
  } else if (!sqlite_file.empty()) {
    settings.anchor_file = sqlite_file + ".audit-anchors";
  }
  settings.syslog = options.syslog;
  audit::ConfigureChain(std::move(settings));
}

int AnchorAudit(const std::string& db) {
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  if (!audit::Chain().anchor_file && !audit::Chain().syslog) {
    fmt::print(stderr,
               "no anchor file (--audit-anchor-file) and no --audit-syslog: nothing to do\n");
    return 2;
  }
  database->Read([](store::Connection& c) { audit::AnchorHead(c); });
  return 0;
}

}  // namespace weltcampus::cli
