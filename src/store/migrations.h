#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace weltcampus::store {

// Applies every migration not yet recorded in schema_migrations, each in its own transaction,
// and answers the names it applied. Safe when several servers start at once on PostgreSQL.
std::vector<std::string> Migrate(Database& database);

// The SQL of a migration for one backend: placeholders such as {{serial_pk}} filled in.
std::string AdaptSql(const std::string& sql, Backend backend);

// Splits a migration into statements at semicolons outside quotes and comments.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace weltcampus::store
