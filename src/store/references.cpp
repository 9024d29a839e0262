#include "store/references.h"

#include <mutex>

#include "core/error.h"

namespace weltcampus::store {

namespace {

std::mutex& RegistryMutex() {
  static std::mutex mutex;
  return mutex;
}

std::vector<Reference>& Registry() {
  static std::vector<Reference> references;
  return references;
}

}  // namespace

void DeclareReference(Reference reference) {
  std::lock_guard lock(RegistryMutex());
  for (const auto& known : Registry()) {
    if (known.table == reference.table && known.column == reference.column) {
      return;
    }
  }
  Registry().push_back(std::move(reference));
}

std::vector<Reference> ReferencesTo(std::string_view target_table) {
  std::lock_guard lock(RegistryMutex());
  std::vector<Reference> found;
  for (const auto& reference : Registry()) {
    if (reference.target_table == target_table) {
      found.push_back(reference);
    }
  }
  return found;
}

std::vector<std::string> FindReferrers(Connection& connection, std::string_view target_table,
                                       int64_t id) {
  std::vector<std::string> referrers;
  for (const auto& reference : ReferencesTo(target_table)) {
    // Table and column names come from DeclareReference, literals of the declaring module.
    const std::string sql = "SELECT " + reference.key + " AS id FROM " + reference.table +
                            " WHERE " + reference.column + " = :id ORDER BY " + reference.key +
                            " LIMIT 10";
    for (const auto& row : connection.Query(sql, Params().Set("id", id))) {
      referrers.push_back(reference.what + " " + std::to_string(row.Int("id")));
    }
  }
  return referrers;
}

void RefuseIfReferenced(Connection& connection, std::string_view target_table, int64_t id,
                        std::string_view what, std::string field) {
  const auto referrers = FindReferrers(connection, target_table, id);
  if (referrers.empty()) {
    return;
  }
  std::string list;
  for (const auto& referrer : referrers) {
    list += (list.empty() ? "" : ", ") + referrer;
  }
  nlohmann::json names = referrers;
  throw ApiError(ErrorCode::kConflict,
                 std::string(what) + " " + std::to_string(id) + " is used by " + list +
                     "; remove or move those first",
                 std::move(field))
      .WithDetail("referenced_by", std::move(names));
}

}  // namespace weltcampus::store
