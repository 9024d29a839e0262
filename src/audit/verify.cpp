// Checking the audit log's chain against its key and its anchors, and keying a log written before
// the chain was keyed (audit/chain.h).
#include <functional>
#include <map>
#include <stdexcept>

#include "audit/audit.h"
#include "audit/chain.h"
#include "store/locks.h"
#include "store/settings.h"

namespace weltcampus::audit {

namespace {

constexpr const char* kSchemeSetting = "audit.chain";
constexpr const char* kKeyedScheme = "hmac-sha256-v2";

struct StoredRow {
  int64_t id = 0;
  StoredEntry entry;
  std::string hash;
};

StoredRow StoredRowFrom(const store::Row& row) {
  return {row.Int("id"),
          {row.Text("at"), NumberText(row.OptionalInt("actor_user_id")), row.Text("actor"),
           row.Text("action"), row.OptionalText("entity_type"), row.OptionalText("entity_id"),
           NumberText(row.OptionalInt("subject_user_id")), row.OptionalText("before_json"),
           row.OptionalText("after_json"), row.Text("client_address"), row.Text("request_id"),
           row.Text("previous_hash")},
          row.Text("hash")};
}

// Calls `visit` with every entry, oldest first, a page at a time (a long log never has to fit in
// memory); stops when it answers false.
void ForEachEntry(store::Connection& c, const std::function<bool(const StoredRow&)>& visit) {
  int64_t last_id = 0;
  for (;;) {
    const auto rows = c.Query(
        "SELECT id, at, actor_user_id, actor, action, entity_type, entity_id, subject_user_id, "
        "before_json, after_json, client_address, request_id, previous_hash, hash FROM audit_log "
        "WHERE id > :after ORDER BY id LIMIT 1000",
        store::Params().Set("after", last_id));
    if (rows.empty()) {
      return;
    }
    for (const auto& row : rows) {
      const StoredRow stored = StoredRowFrom(row);
      last_id = stored.id;
      if (!visit(stored)) {
        return;
      }
    }
  }
}

// The chain's walk under one hash function: every entry follows the one before and has the hash
// its content gives; the head the database keeps is the last entry's.
AuditVerification WalkChain(
    store::Connection& c, const std::function<std::string(const StoredEntry&)>& hash,
    const std::function<std::optional<std::string>(const StoredRow&)>& also) {
  AuditVerification result;
  std::string expected_previous = kGenesisHash;
  ForEachEntry(c, [&](const StoredRow& row) {
    ++result.entries;
    if (row.entry.previous_hash != expected_previous) {
      result.problem = "entry " + std::to_string(row.id) +
                       " does not follow the entry before it (one was deleted, inserted or moved)";
    } else if (hash(row.entry) != row.hash) {
      result.problem = "entry " + std::to_string(row.id) + " was changed after it was written";
    } else if (auto problem = also(row)) {
      result.problem = std::move(*problem);
    } else {
      expected_previous = row.hash;
      return true;
    }
    result.intact = false;
    result.first_broken_id = row.id;
    return false;
  });
  if (result.intact &&
      store::GetSetting(c, kHeadSetting).value_or(kGenesisHash) != expected_previous) {
    result.intact = false;
    result.problem = "the newest entries were removed: the log ends before its recorded head";
  }
  return result;
}

}  // namespace

AuditVerification VerifyAudit(store::Connection& c) {
  const AnchorFile file = ReadAnchors();
  if (!file.problem.empty()) {
    AuditVerification result;
    result.intact = false;
    result.problem = file.problem;
    return result;
  }
  std::map<int64_t, const Anchor*> by_id;
  for (const auto& anchor : file.anchors) {
    by_id[anchor.id] = &anchor;
  }
  int64_t last_id = 0;
  int64_t anchors_found = 0;
  AuditVerification result = WalkChain(c, ChainHash, [&](const StoredRow& row) {
    last_id = row.id;
    const auto anchored = by_id.find(row.id);
    if (anchored == by_id.end()) {
      return std::optional<std::string>();
    }
    if (anchored->second->hash != row.hash) {
      return std::optional<std::string>("entry " + std::to_string(row.id) +
                                        " is not the entry anchored at " + anchored->second->at);
    }
    ++anchors_found;
    return std::optional<std::string>();
  });
  if (!result.intact) {
    return result;
  }
  for (const auto& anchor : file.anchors) {
    if (anchor.id > last_id) {
      result.intact = false;
      result.problem = "the newest entries were cut off: entry " + std::to_string(anchor.id) +
                       ", anchored at " + anchor.at + ", is no longer in the log (it ends at " +
                       std::to_string(last_id) + ")";
      return result;
    }
  }
  if (anchors_found != static_cast<int64_t>(by_id.size())) {
    result.intact = false;
    result.problem = "an anchored entry is missing from the log";
    return result;
  }
  result.anchors = static_cast<int64_t>(file.anchors.size());
  return result;
}

void UpgradeChain(store::Connection& c) {
  store::LockForThisTransaction(c, store::LockKey::kAuditChain);
  if (store::GetSetting(c, kSchemeSetting) == kKeyedScheme) {
    return;
  }
  const auto any = c.QueryOne("SELECT id FROM audit_log ORDER BY id LIMIT 1");
  if (!any) {
    store::SetSetting(c, kSchemeSetting, kKeyedScheme);
    return;
  }
  if (!ReadAnchors().anchors.empty()) {
    throw std::runtime_error(
        "the audit log is not keyed by what its database says, but its anchor file holds keyed "
        "heads: the database was changed behind the server's back (weltcampus audit verify)");
  }
  const AuditVerification before =
      WalkChain(c, UnkeyedHash, [](const StoredRow&) { return std::optional<std::string>(); });
  if (!before.intact) {
    throw std::runtime_error("the audit log written before its chain was keyed is broken (" +
                             before.problem + "); it is not keyed over a broken chain");
  }
  std::vector<std::pair<int64_t, StoredEntry>> entries;
  ForEachEntry(c, [&](const StoredRow& row) {
    entries.emplace_back(row.id, row.entry);
    return true;
  });
  std::string previous = kGenesisHash;
  for (auto& [id, entry] : entries) {
    entry.previous_hash = previous;
    previous = ChainHash(entry);
    c.Exec(
        "UPDATE audit_log SET previous_hash = :previous, hash = :hash WHERE id = :id",
        store::Params().Set("previous", entry.previous_hash).Set("hash", previous).Set("id", id));
  }
  store::SetSetting(c, kHeadSetting, previous);
  store::SetSetting(c, kSchemeSetting, kKeyedScheme);
  AuditEntry keyed;
  keyed.action = "audit_keyed";
  keyed.after = {{"entries", before.entries}};
  RecordAudit(c, Actor::System(), std::move(keyed));
}

void AnchorHead(store::Connection& c) {
  if (const auto head = c.QueryOne("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
    WriteAnchor(head->Int("id"), head->Text("hash"));
  }
}

}  // namespace weltcampus::audit
