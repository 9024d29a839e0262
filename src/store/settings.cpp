#include "store/settings.h"

#include "core/date.h"

namespace weltcampus::store {

std::optional<std::string> GetSetting(Connection& connection, const std::string& key) {
  auto row = connection.QueryOne("SELECT value FROM settings WHERE key = :key",
                                 Params().Set("key", key));
  if (!row) {
    return std::nullopt;
  }
  return row->Text("value");
}

void SetSetting(Connection& connection, const std::string& key, const std::string& value) {
  const auto params = Params().Set("key", key).Set("value", value).Set("at", NowUtcTimestamp());
  if (connection.Exec("UPDATE settings SET value = :value, updated_at = :at WHERE key = :key", params) ==
      0) {
    connection.Exec("INSERT INTO settings (key, value, updated_at) VALUES (:key, :value, :at)", params);
  }
}

}  // namespace weltcampus::store
