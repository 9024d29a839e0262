#include "exchange/application_retention.h"

#include <string>

#include "exchange/demand.h"
#include "store/settings.h"

namespace weltcampus::exchange {

namespace {

constexpr const char* kMonthsKey = "exchange.application_retention_months";
constexpr const char* kVersionKey = "exchange.application_retention_version";

// The calls not yet purged for which a later call of the same unit and kind has published
// results, with the first day those were published.
constexpr const char* kDueCallsSql =
    "SELECT c.id AS call_id, MIN(r.published_at) AS later_published FROM calls c "
    "JOIN calls l ON l.org_unit_id = c.org_unit_id AND l.kind = c.kind AND l.id <> c.id AND "
    "(l.academic_year > c.academic_year OR (l.academic_year = c.academic_year AND "
    "l.applications_open > c.applications_open)) "
    "JOIN allocation_runs r ON r.call_id = l.id AND r.status = 'published' "
    "WHERE NOT EXISTS (SELECT 1 FROM retained_calls k WHERE k.call_id = c.id) "
    "GROUP BY c.id ORDER BY c.id";

// A published place of the call that can still be answered: the call waits.
constexpr const char* kOpenPlacesSql =
    "SELECT COUNT(*) AS n FROM allocation_runs WHERE call_id = :call AND status = 'published' AND "
    "accept_by >= :today";

// The call's applications without an accepted place of a published run (a place released after
// the partner refused the nomination was accepted: its mobility keeps pointing at it).
constexpr const char* kUnplacedOfCall =
    "SELECT a.id FROM applications a WHERE a.call_id = :call AND NOT EXISTS (SELECT 1 FROM "
    "allocation_results r JOIN allocation_runs u ON u.id = r.run_id WHERE r.application_id = a.id "
    "AND r.response IN ('accepted', 'released') AND u.status = 'published')";

int64_t SettingInt(store::Connection& c, const char* key, int64_t fallback) {
  const auto text = store::GetSetting(c, key);
  if (!text) {
    return fallback;
  }
  try {
    return std::stoll(*text);
  } catch (const std::exception&) {
    return fallback;
  }
}

bool Due(const std::string& later_published, int64_t months, Date today) {
  const auto published = Date::Parse(later_published.substr(0, 10));
  return published && published->AddMonths(static_cast<int>(months)) <= today;
}

void KeepCounts(store::Connection& c, const PurgedCall& purged) {
  const auto demand = LoadCallDemand(c, purged.call_id);
  c.Exec(
      "INSERT INTO retained_calls (call_id, run_id, applications, deleted, kept, purged_at) "
      "VALUES (:call, :run, :applications, :deleted, :kept, :at)",
      store::Params()
          .Set("call", purged.call_id)
          .Set("run", demand.run_id)
          .Set("applications", purged.applications)
          .Set("deleted", purged.deleted)
          .Set("kept", purged.kept)
          .Set("at", NowUtcTimestamp()));
  std::vector<store::Params> rows;
  for (const auto& offer : demand.offers) {
    rows.push_back(store::Params()
                       .Set("offer_id", offer.offer_id)
                       .Set("call_id", purged.call_id)
                       .Set("first_preference", offer.first_preference)
                       .Set("any_preference", offer.any_preference)
                       .Set("placed", offer.placed)
                       .Set("left_empty", offer.left_empty));
  }
  if (!rows.empty()) {
    c.InsertRows("retained_offer_counts", rows);
  }
}

// Keeps the call's counts, then deletes its applications without an accepted place with every
// row that hangs on them.
PurgedCall Purge(store::Connection& c, int64_t call_id) {
  PurgedCall purged;
  purged.call_id = call_id;
  const auto params = store::Params().Set("call", call_id);
  purged.applications =
      c.Count("SELECT COUNT(*) AS n FROM applications WHERE call_id = :call", params);
  purged.deleted =
      c.Count(std::string("SELECT COUNT(*) AS n FROM (") + kUnplacedOfCall + ") x", params);
  purged.kept = purged.applications - purged.deleted;
  KeepCounts(c, purged);
  for (const char* table :
       {"allocation_objections", "allocation_results", "application_preferences",
        "application_documents"}) {
    c.Exec(
        std::string("DELETE FROM ") + table + " WHERE application_id IN (" + kUnplacedOfCall + ")",
        params);
  }
  c.Exec(std::string("DELETE FROM applications WHERE id IN (") + kUnplacedOfCall + ")", params);
  return purged;
}

}  // namespace

RetentionSchedule LoadRetentionSchedule(store::Connection& c) {
  return {SettingInt(c, kMonthsKey, 0), SettingInt(c, kVersionKey, 1)};
}

void SaveRetentionSchedule(store::Connection& c, const RetentionSchedule& schedule) {
  store::SetSetting(c, kMonthsKey, std::to_string(schedule.months_after_later_results));
  store::SetSetting(c, kVersionKey, std::to_string(schedule.version));
}

ApplicationRetentionReport RunApplicationRetention(store::Database& database,
                                                   const audit::Actor& actor, Date today) {
  return database.Write([&](store::Connection& c) {
    ApplicationRetentionReport report;
    const auto schedule = LoadRetentionSchedule(c);
    for (const auto& row : c.Query(kDueCallsSql)) {
      const int64_t call_id = row.Int("call_id");
      if (!Due(row.Text("later_published"), schedule.months_after_later_results, today) ||
          c.Count(kOpenPlacesSql,
                  store::Params().Set("call", call_id).Set("today", today.ToString())) > 0) {
        continue;
      }
      const auto purged = Purge(c, call_id);
      report.deleted += purged.deleted;
      report.kept += purged.kept;
      report.calls.push_back(purged);
    }
    audit::AuditEntry entry;
    entry.action = "retention";
    entry.entity_type = "applications";
    entry.after = ToJson(report);
    entry.after["months_after_later_results"] = schedule.months_after_later_results;
    audit::RecordAudit(c, actor, std::move(entry));
    return report;
  });
}

std::optional<RetainedCall> RetainedCountsOf(store::Connection& c, int64_t call_id) {
  const auto params = store::Params().Set("call", call_id);
  const auto call = c.QueryOne("SELECT run_id FROM retained_calls WHERE call_id = :call", params);
  if (!call) {
    return std::nullopt;
  }
  RetainedCall retained;
  retained.run_id = call->OptionalInt("run_id");
  for (const auto& row :
       c.Query("SELECT offer_id, first_preference, any_preference, placed, left_empty FROM "
               "retained_offer_counts WHERE call_id = :call ORDER BY offer_id",
               params)) {
    retained.offers.emplace_back(
        row.Int("offer_id"),
        RetainedOffer{row.Int("first_preference"), row.Int("any_preference"),
                      row.OptionalInt("placed"), row.OptionalInt("left_empty")});
  }
  return retained;
}

nlohmann::json ToJson(const RetentionSchedule& schedule) {
  return {{"months_after_later_results", schedule.months_after_later_results},
          {"version", schedule.version}};
}

nlohmann::json ToJson(const ApplicationRetentionReport& report) {
  nlohmann::json calls = nlohmann::json::array();
  for (const auto& call : report.calls) {
    calls.push_back({{"call_id", call.call_id},
                     {"applications", call.applications},
                     {"deleted", call.deleted},
                     {"kept", call.kept}});
  }
  return {{"calls", std::move(calls)}, {"deleted", report.deleted}, {"kept", report.kept}};
}

}  // namespace weltcampus::exchange
