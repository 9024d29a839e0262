#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "audit/audit.h"
#include "core/error.h"
#include "store/sql.h"
#include "store/versioned.h"

// The write sequence every record type shares, inside the caller's transaction: load the record
// for the change (404, then 412 before any rule), let the module check its rules and write, read
// the result back and leave one audit entry with before and after, in the actor's name. A record
// type T has `id` and `version`; `find(c, id)` answers std::optional<T>; ToJson(const T&) is found
// by lookup.
namespace weltcampus::audit {

// LoadForChange whose 412 also says who changed the record last, when, and which fields.
template <typename T>
T LoadForChangeNamed(store::Connection& c, std::string_view entity_type, int64_t id,
                     std::optional<T> current, int64_t expected_version, std::string_view what) {
  try {
    return store::LoadForChange(std::move(current), expected_version, what);
  } catch (const ApiError& error) {
    throw WithLastChange(c, error, std::string(entity_type), id);
  }
}

// `write(c)` checks the rules, inserts and answers the new id.
template <typename Find, typename Write>
auto CreateRecord(store::Connection& c, const Actor& actor, std::string_view entity_type, Find find,
                  Write write) {
  const int64_t id = write(c);
  auto created = find(c, id);
  if (!created) {
    throw std::logic_error("a record written in this transaction cannot be read back");
  }
  RecordChange(c, actor, std::string(entity_type), id, nullptr, ToJson(*created));
  return std::move(*created);
}

// `write(c, current)` checks the rules against the current record and updates it.
template <typename Find, typename Write>
auto UpdateRecord(store::Connection& c, const Actor& actor, std::string_view entity_type,
                  std::string_view what, int64_t id, int64_t expected_version, Find find,
                  Write write) {
  const auto current = LoadForChangeNamed(c, entity_type, id, find(c, id), expected_version, what);
  write(c, current);
  auto updated = find(c, id);
  if (!updated) {
    throw std::logic_error("a record updated in this transaction cannot be read back");
  }
  RecordChange(c, actor, std::string(entity_type), id, ToJson(current), ToJson(*updated));
  return std::move(*updated);
}

// `check(c, current)` refuses the removal (409) where the module's rules forbid it; then the
// record is removed at the version the client read.
template <typename Find, typename Check>
void DeleteRecord(store::Connection& c, const Actor& actor, std::string_view entity_type,
                  std::string_view what, std::string_view table, int64_t id,
                  int64_t expected_version, Find find, Check check) {
  const auto current = LoadForChangeNamed(c, entity_type, id, find(c, id), expected_version, what);
  check(c, current);
  store::VersionedDelete(c, table, what, id, expected_version);
  RecordChange(c, actor, std::string(entity_type), id, ToJson(current), nullptr);
}

}  // namespace weltcampus::audit
