#include "store/versioned.h"

#include "core/error.h"

namespace weltcampus::store {

void ThrowVersionMismatch(Connection& connection, const std::string& table, int64_t id,
                          const std::string& what) {
  // `table` is always a literal of the calling repository, never user input.
  auto row = connection.QueryOne("SELECT version FROM " + table + " WHERE id = :id",
                                 Params().Set("id", id));
  if (!row) {
    throw NotFoundError(what);
  }
  throw ApiError(ErrorCode::kPreconditionFailed,
                 "Someone else changed this " + what + " since you read it; reload and try again")
      .WithDetail("current_version", row->Int("version"));
}

void RequireChanged(long long changed, Connection& connection, const std::string& table, int64_t id,
                    const std::string& what) {
  if (changed == 0) {
    ThrowVersionMismatch(connection, table, id, what);
  }
}

}  // namespace weltcampus::store
