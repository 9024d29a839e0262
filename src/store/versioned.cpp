#include "store/versioned.h"

#include "core/date.h"
#include "store/references.h"

namespace weltcampus::store {

ApiError StaleVersionError(std::string_view what, int64_t current) {
  std::string lower(what);
  if (!lower.empty()) {
    lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
  }
  return ApiError(ErrorCode::kPreconditionFailed,
                  "Someone else changed this " + lower + " since you read it; reload and try again")
      .WithDetail("current_version", current);
}

void ThrowVersionMismatch(Connection& connection, std::string_view table, int64_t id,
                          std::string_view what) {
  // `table` is always a literal of the calling repository, never user input.
  auto row = connection.QueryOne("SELECT version FROM " + std::string(table) + " WHERE id = :id",
                                 Params().Set("id", id));
  if (!row) {
    throw NotFoundError(what);
  }
  throw StaleVersionError(what, row->Int("version"));
}

void RequireChanged(long long changed, Connection& connection, std::string_view table, int64_t id,
                    std::string_view what) {
  if (changed == 0) {
    ThrowVersionMismatch(connection, table, id, what);
  }
}

int64_t VersionedUpdate(Connection& connection, std::string_view table, std::string_view what,
                        int64_t id, int64_t expected_version, std::string_view assignments,
                        Params params) {
  params.Set("id", id).Set("version", expected_version).Set("at", NowUtcTimestamp());
  RequireChanged(connection.Exec("UPDATE " + std::string(table) + " SET " + std::string(assignments) +
                                     ", version = version + 1, updated_at = :at WHERE id = :id AND "
                                     "version = :version",
                                 params),
                 connection, table, id, what);
  return expected_version + 1;
}

void VersionedDelete(Connection& connection, std::string_view table, std::string_view what,
                     int64_t id, int64_t expected_version) {
  RefuseIfReferenced(connection, table, id, what);
  RequireChanged(connection.Exec("DELETE FROM " + std::string(table) +
                                     " WHERE id = :id AND version = :version",
                                 Params().Set("id", id).Set("version", expected_version)),
                 connection, table, id, what);
}

}  // namespace weltcampus::store
