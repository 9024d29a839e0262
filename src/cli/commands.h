#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "http/server.h"

namespace weltcampus::cli {

struct ServeOptions {
  std::string db;
  std::string listen;
  std::string web;
  std::string port_file;
  std::size_t workers = 8;
  std::size_t body_limit = 1024 * 1024;
  // Uploaded files (imports): the ECHE list is ~1 MB, the world universities ~2.2 MB.
  std::size_t upload_limit = 16 * 1024 * 1024;
  int read_timeout_seconds = 30;
  std::vector<std::string> trusted_proxies;
  int retention_inactive_days = 3 * 365;
  // How often the retention schedule runs beside the server (and the audit head is anchored).
  int retention_interval_seconds = 24 * 60 * 60;
};

int Serve(const ServeOptions& options);

// Where the audit chain's key and anchors are kept (audit/chain.h; README "The audit log").
struct AuditChainOptions {
  std::string key_file;     // --audit-key-file; default for SQLite: beside the database
  std::string anchor_file;  // --audit-anchor-file; default for SQLite: beside the database
  bool syslog = false;      // --audit-syslog
  // A restore: the backed-up database's key is needed to verify its chain, so a missing key
  // file is an error instead of a new key.
  bool existing_key_only = false;
};
// Configures the chain for the database `db`: the key from WELTCAMPUS_AUDIT_KEY, else the key file
// (created when missing, unless existing_key_only); on PostgreSQL a key must be given. Throws
// std::runtime_error naming what is missing.
void ConfigureAuditChain(const std::string& db, const AuditChainOptions& options);
int Migrate(const std::string& db);

struct DemoOptions {
  std::string db;
  std::string profile = "school";
  unsigned seed = 2015;
  std::string data_dir;  // the reference data folder (../shared/data)
};
int Demo(const DemoOptions& options);

int Import(const std::string& db, const std::string& kind, const std::string& file, bool dry_run);

int AddUser(const std::string& db, const std::string& email, const std::string& name,
            const std::vector<std::string>& roles);
int ListUsers(const std::string& db);
int PrintDemoAccounts();
int VerifyAudit(const std::string& db);
// Appends the audit log's head to the anchor file (and syslog): for a cron job beside the server.
int AnchorAudit(const std::string& db);
// A consistent copy of the database while the server runs (SQLite: VACUUM INTO; PostgreSQL:
// pg_dump's custom format); never over an existing file.
int Backup(const std::string& db, const std::string& file);
// A backup into an empty database of its kind, then the migrations and `audit verify` (exit 1 when
// the chain does not verify under the key given).
int Restore(const std::string& db, const std::string& file);
// Recounts what the database keeps counted; exit 1 on a difference.
int CheckCounts(const std::string& db);
// Disabled accounts unused for this many days are pseudonymised.
inline constexpr int kDefaultInactiveAccountDays = 3 * 365;
int RunRetention(const std::string& db, int inactive_days);

// `weltcampus allocation solve FILE.json` (docs/allocation.md): no database.
struct AllocationSolveOptions {
  std::string file;
  bool explain = false;
  std::string what_if;        // "offer:ID:K" or "partner:ID:K"
  size_t one_more_place = 0;  // rank the first N offers where one more place helps most
};
// Prints the result as JSON; exit status 2 and the error as JSON on stderr for a bad instance.
int SolveAllocation(const AllocationSolveOptions& options);

}  // namespace weltcampus::cli
