#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "store/database.h"
#include "store/list_query.h"

namespace weltcampus::audit {

// Who does something: the signed-in person (by id, never by e-mail, so that erasing a person later
// reaches the log without breaking its chain), the client address and the request id. The route
// builds it from the request (auth::ActorOf); work without a request runs as the system.
struct Actor {
  std::optional<int64_t> user_id;
  std::string client_address;
  std::string request_id;

  static Actor System() { return {}; }
  static Actor User(int64_t user_id) { return {user_id, {}, {}}; }
  // "user:7"; "anonymous" for a request without an account; "system" for work without a request.
  std::string Name() const;
};

// One line of the audit log. The actor, client address and request id come from the Actor unless
// set.
struct AuditEntry {
  int64_t id = 0;
  std::string at;
  std::optional<int64_t> actor_user_id;
  std::string actor;  // e-mail of the actor, or "system", or "anonymous"
  std::string
      action;  // create, update, delete, login, login_failed, logout, denied, read, erase ...
  std::optional<std::string> entity_type;
  std::optional<std::string> entity_id;
  std::optional<int64_t> subject_user_id;  // the person the record is about, if any
  nlohmann::json before;                   // null where there was nothing
  nlohmann::json after;
  std::string client_address;
  std::string request_id;
  std::string previous_hash;
  std::string hash;
  std::optional<std::string> actor_name;  // when listed: the actor's current display name
};

// Appends an entry inside the caller's transaction, chained to the one before by an HMAC-SHA256
// under a key kept outside the database, over its content as stored and the previous hash
// (audit/chain.h), so an edited, deleted or reordered entry shows.
void RecordAudit(store::Connection& connection, const Actor& actor, AuditEntry entry);
// A change to a record: before and after as JSON (null for create / delete).
void RecordChange(store::Connection& connection, const Actor& actor, const std::string& entity_type,
                  int64_t entity_id, nlohmann::json before, nlohmann::json after);
// Records in a transaction of its own (failed logins, denied requests: nothing else to commit).
void RecordAuditNow(store::Database& database, const Actor& actor, AuditEntry entry);
// A staff read of one record about a person ("read"), in the reader's transaction, naming the
// account the record is about where it has one.
void RecordRead(store::Connection& connection, const Actor& actor, std::string entity_type,
                std::string entity_id, std::optional<int64_t> subject_user_id);
// An export of a list of records about people ("export", the list's query as `after`), recorded
// before the file is sent.
void RecordExport(store::Database& database, const Actor& actor, std::string entity_type,
                  const std::map<std::string, std::string>& query);

struct AuditFilter {
  std::optional<int64_t> actor_user_id;
  std::optional<std::string> action;
  std::optional<std::string> entity_type;
  std::optional<std::string> entity_id;
  std::optional<int64_t> subject_user_id;
  std::optional<std::string> from;  // timestamp, inclusive
  std::optional<std::string> to;
};
// The log's one order: by id, the order entries are written in; newest first unless ?sort=at asks
// for the oldest first.
const store::SortTable& AuditSorts();
// One page of the entries the filter matches, paged by id (keyset: a page deep in a long log costs
// what the first one does).
store::Page<AuditEntry> ListAudit(store::Connection& connection, const AuditFilter& filter,
                                  const PageRequest& page);
// Every entry the filter matches, oldest first, read a page at a time.
std::vector<AuditEntry> ListAllAudit(store::Connection& connection, const AuditFilter& filter);

struct AuditVerification {
  bool intact = true;
  int64_t entries = 0;
  int64_t anchors = 0;  // lines of the anchor file checked
  std::optional<int64_t> first_broken_id;
  std::string problem;
};
// Walks the chain under the configured key (audit/chain.h) from the first entry to the head the
// database keeps, and checks every line of the anchor file against it: an anchored entry must be
// there with the anchored hash, so cutting entries off the end shows even with the head rewound.
AuditVerification VerifyAudit(store::Connection& connection);
// A log written before the chain was keyed is checked under the old hash and, when intact and no
// anchor says the log was keyed before, keyed once (an "audit_keyed" entry records it); throws
// std::runtime_error, writing nothing, when that check fails. Run at every start (cli), after the
// migrations; does nothing once the log is keyed.
void UpgradeChain(store::Connection& connection);
// Appends the head (newest entry) to the anchor file and syslog, as configured (chain.h).
void AnchorHead(store::Connection& connection);

nlohmann::json ToJson(const AuditEntry& entry);

// One change in a record's history as the record's page shows it: when, who (the person's display
// name; none for the system), what (create, update, delete) and the record before and after. No
// client address, request id or hash: those stay in the audit log.
struct HistoryEntry {
  int64_t id = 0;
  std::string at;
  std::optional<std::string> actor_name;
  std::string action;
  nlohmann::json before;
  nlohmann::json after;
};
// One page of a record's history, newest first (?sort=at: oldest first).
store::Page<HistoryEntry> ListHistory(store::Connection& connection, const std::string& entity_type,
                                      int64_t entity_id, const PageRequest& page);
nlohmann::json ToJson(const HistoryEntry& entry);

// The newest change to a record: when, by whom (the person's display name; none for the system or
// an erased account) and which of its fields it changed (an update's top-level fields whose values
// differ; none for a create). What a stale editor is told on a 412.
struct LastChange {
  std::string at;
  std::optional<std::string> actor_name;
  std::vector<std::string> fields;
};
std::optional<LastChange> FindLastChange(store::Connection& connection,
                                         const std::string& entity_type, int64_t entity_id);
// Adds the record's last change to a 412 ("changed_by", "changed_at", "changed_fields").
ApiError WithLastChange(store::Connection& connection, ApiError error,
                        const std::string& entity_type, int64_t entity_id);

}  // namespace weltcampus::audit
