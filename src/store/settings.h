#pragma once

#include <optional>
#include <string>

#include "store/sql.h"

namespace weltcampus::store {

// Key/value settings of the installation ("home.school_name"), kept in the database so that every
// server behind a load balancer sees the same ones.
std::optional<std::string> GetSetting(Connection& connection, const std::string& key);
void SetSetting(Connection& connection, const std::string& key, const std::string& value);

}  // namespace weltcampus::store
