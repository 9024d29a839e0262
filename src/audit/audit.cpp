#include "audit/audit.h"

#include <iterator>

#include "audit/chain.h"
#include "core/date.h"
#include "store/filter.h"
#include "store/locks.h"
#include "store/settings.h"

namespace weltcampus::audit {

namespace {

nlohmann::json ParseStored(const std::optional<std::string>& text) {
  if (!text || text->empty()) {
    return nullptr;
  }
  return nlohmann::json::parse(*text, nullptr, false);
}

AuditEntry FromRow(const store::Row& row) {
  AuditEntry e;
  e.id = row.Int("id");
  e.at = row.Text("at");
  e.actor_user_id = row.OptionalInt("actor_user_id");
  e.actor = row.Text("actor");
  e.action = row.Text("action");
  e.entity_type = row.OptionalText("entity_type");
  e.entity_id = row.OptionalText("entity_id");
  e.subject_user_id = row.OptionalInt("subject_user_id");
  e.before = ParseStored(row.OptionalText("before_json"));
  e.after = ParseStored(row.OptionalText("after_json"));
  e.client_address = row.Text("client_address");
  e.request_id = row.Text("request_id");
  e.previous_hash = row.Text("previous_hash");
  e.hash = row.Text("hash");
  return e;
}

StoredEntry ToStored(const AuditEntry& e) {
  return {e.at,
          NumberText(e.actor_user_id),
          e.actor,
          e.action,
          e.entity_type,
          e.entity_id,
          NumberText(e.subject_user_id),
          e.before.is_null() ? std::nullopt : std::optional<std::string>(e.before.dump()),
          e.after.is_null() ? std::nullopt : std::optional<std::string>(e.after.dump()),
          e.client_address,
          e.request_id,
          e.previous_hash};
}

constexpr const char* kColumns =
    "id, at, actor_user_id, actor, action, entity_type, entity_id, subject_user_id, before_json, "
    "after_json, client_address, request_id, previous_hash, hash";

}  // namespace

std::string Actor::Name() const {
  if (user_id) {
    return "user:" + std::to_string(*user_id);
  }
  return request_id.empty() ? "system" : "anonymous";
}

void RecordAudit(store::Connection& c, const Actor& actor, AuditEntry e) {
  if (e.actor.empty()) {
    e.actor_user_id = actor.user_id;
    e.actor = actor.Name();
  }
  if (e.client_address.empty()) {
    e.client_address = actor.client_address;
  }
  if (e.request_id.empty()) {
    e.request_id = actor.request_id;
  }
  // One writer at a time extends the chain.
  store::LockForThisTransaction(c, store::LockKey::kAuditChain);
  e.previous_hash = store::GetSetting(c, kHeadSetting).value_or(kGenesisHash);
  e.at = NowUtcTimestamp();
  // Hashed as stored: the JSON texts written are the texts the hash covers.
  const StoredEntry stored = ToStored(e);
  e.hash = ChainHash(stored);
  c.Exec(
      "INSERT INTO audit_log (at, actor_user_id, actor, action, entity_type, entity_id, "
      "subject_user_id, before_json, after_json, client_address, request_id, previous_hash, hash) "
      "VALUES (:at, :actor_user_id, :actor, :action, :entity_type, :entity_id, :subject_user_id, "
      ":before_json, :after_json, :client_address, :request_id, :previous_hash, :hash)",
      store::Params()
          .Set("at", e.at)
          .Set("actor_user_id", e.actor_user_id)
          .Set("actor", e.actor)
          .Set("action", e.action)
          .Set("entity_type", e.entity_type)
          .Set("entity_id", e.entity_id)
          .Set("subject_user_id", e.subject_user_id)
          .Set("before_json", stored.before_json)
          .Set("after_json", stored.after_json)
          .Set("client_address", e.client_address)
          .Set("request_id", e.request_id)
          .Set("previous_hash", e.previous_hash)
          .Set("hash", e.hash));
  // The head is kept apart so that cutting entries off the end shows too.
  store::SetSetting(c, kHeadSetting, e.hash);
}

void RecordChange(store::Connection& c, const Actor& actor, const std::string& entity_type,
                  int64_t entity_id, nlohmann::json before, nlohmann::json after) {
  AuditEntry entry;
  entry.action = before.is_null() ? "create" : (after.is_null() ? "delete" : "update");
  entry.entity_type = entity_type;
  entry.entity_id = std::to_string(entity_id);
  entry.before = std::move(before);
  entry.after = std::move(after);
  RecordAudit(c, actor, std::move(entry));
}

void RecordAuditNow(store::Database& database, const Actor& actor, AuditEntry entry) {
  database.Write([&](store::Connection& c) { RecordAudit(c, actor, std::move(entry)); });
}

void RecordRead(store::Connection& connection, const Actor& actor, std::string entity_type,
                std::string entity_id, std::optional<int64_t> subject_user_id) {
  AuditEntry entry;
  entry.action = "read";
  entry.entity_type = std::move(entity_type);
  entry.entity_id = std::move(entity_id);
  entry.subject_user_id = subject_user_id;
  RecordAudit(connection, actor, std::move(entry));
}

void RecordExport(store::Database& database, const Actor& actor, std::string entity_type,
                  const std::map<std::string, std::string>& query) {
  AuditEntry entry;
  entry.action = "export";
  entry.entity_type = std::move(entity_type);
  entry.after = query;
  RecordAuditNow(database, actor, std::move(entry));
}

const store::SortTable& AuditSorts() {
  static const store::SortTable table("audit_log.id", {{"at", ""}},
                                      store::DefaultOrder::kDescending);
  return table;
}

store::Page<AuditEntry> ListAudit(store::Connection& c, const AuditFilter& filter,
                                  const PageRequest& page) {
  store::Filter where;
  where.Add("actor_user_id = :actor", "actor", filter.actor_user_id)
      .Equal("action", filter.action)
      .Equal("entity_type", filter.entity_type)
      .Equal("entity_id", filter.entity_id)
      .Add("subject_user_id = :subject", "subject", filter.subject_user_id)
      .Add("at >= :from", "from", filter.from)
      .Add("at <= :to", "to", filter.to);
  return store::ListPage(c,
                         {std::string("SELECT ") + kColumns +
                              ", (SELECT display_name FROM users u WHERE u.id = "
                              "audit_log.actor_user_id) AS actor_name FROM audit_log",
                          "FROM audit_log"},
                         where, AuditSorts(), page, [](const store::Row& row) {
                           AuditEntry entry = FromRow(row);
                           entry.actor_name = row.OptionalText("actor_name");
                           return entry;
                         });
}

std::vector<AuditEntry> ListAllAudit(store::Connection& c, const AuditFilter& filter) {
  PageRequest page = AuditSorts().PageFrom({{"sort", "at"}});
  page.limit = 500;
  std::vector<AuditEntry> all;
  for (;;) {
    auto result = ListAudit(c, filter, page);
    std::move(result.items.begin(), result.items.end(), std::back_inserter(all));
    if (!result.next_cursor) {
      return all;
    }
    page = NextPageRequest(std::move(page), *result.next_cursor);
  }
}

store::Page<HistoryEntry> ListHistory(store::Connection& c, const std::string& entity_type,
                                      int64_t entity_id, const PageRequest& page) {
  AuditFilter filter;
  filter.entity_type = entity_type;
  filter.entity_id = std::to_string(entity_id);
  auto entries = ListAudit(c, filter, page);
  store::Page<HistoryEntry> history;
  history.total = entries.total;
  history.keyset = entries.keyset;
  history.next_cursor = std::move(entries.next_cursor);
  for (auto& entry : entries.items) {
    history.items.push_back({entry.id, std::move(entry.at), std::move(entry.actor_name),
                             std::move(entry.action), std::move(entry.before),
                             std::move(entry.after)});
  }
  return history;
}

nlohmann::json ToJson(const HistoryEntry& entry) {
  return {{"id", entry.id},
          {"at", entry.at},
          {"actor_name", entry.actor_name ? nlohmann::json(*entry.actor_name) : nlohmann::json()},
          {"action", entry.action},
          {"before", entry.before},
          {"after", entry.after}};
}

std::optional<LastChange> FindLastChange(store::Connection& c, const std::string& entity_type,
                                         int64_t entity_id) {
  auto row = c.QueryOne(
      "SELECT at, before_json, after_json, (SELECT display_name FROM users u WHERE u.id = "
      "audit_log.actor_user_id) AS actor_name FROM audit_log WHERE entity_type = :type AND "
      "entity_id = :id ORDER BY id DESC LIMIT 1",
      store::Params().Set("type", entity_type).Set("id", std::to_string(entity_id)));
  if (!row) {
    return std::nullopt;
  }
  LastChange change{row->Text("at"), row->OptionalText("actor_name"), {}};
  const auto before = ParseStored(row->OptionalText("before_json"));
  const auto after = ParseStored(row->OptionalText("after_json"));
  if (before.is_object() && after.is_object()) {
    for (const auto& [key, value] : after.items()) {
      if (key == "version" || key == "updated_at" || key == "created_at") {
        continue;
      }
      if (!before.contains(key) || before.at(key) != value) {
        change.fields.push_back(key);
      }
    }
  }
  return change;
}

ApiError WithLastChange(store::Connection& c, ApiError error, const std::string& entity_type,
                        int64_t entity_id) {
  if (error.code() != ErrorCode::kPreconditionFailed) {
    return error;
  }
  if (auto change = FindLastChange(c, entity_type, entity_id)) {
    error.WithDetail("changed_at", change->at)
        .WithDetail("changed_by", change->actor_name ? nlohmann::json(*change->actor_name)
                                                     : nlohmann::json(nullptr))
        .WithDetail("changed_fields", change->fields);
  }
  return error;
}

nlohmann::json ToJson(const AuditEntry& e) {
  auto nullable_int = [](const std::optional<int64_t>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  auto nullable_text = [](const std::optional<std::string>& v) {
    return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  return {{"id", e.id},
          {"at", e.at},
          {"actor_user_id", nullable_int(e.actor_user_id)},
          {"actor", e.actor},
          {"actor_name", nullable_text(e.actor_name)},
          {"action", e.action},
          {"entity_type", nullable_text(e.entity_type)},
          {"entity_id", nullable_text(e.entity_id)},
          {"subject_user_id", nullable_int(e.subject_user_id)},
          {"before", e.before},
          {"after", e.after},
          {"client_address", e.client_address},
          {"request_id", e.request_id},
          {"hash", e.hash}};
}

}  // namespace weltcampus::audit
