#pragma once

#include <functional>
#include <string>
#include <vector>

#include "store/database.h"

namespace weltcampus::store {

// A migration written in C++, for data that SQL cannot compute (texts folded by the server). It
// runs in its own transaction, in name order among the SQL migrations (db/migrations/*.sql).
struct CodeMigration {
  std::string name;
  std::function<void(Connection&)> apply;
};

// Applies every migration not yet recorded in schema_migrations, each in its own transaction,
// and answers the names it applied. Safe when several servers start at once on PostgreSQL. The
// server and its commands pass every module's code migrations (cli::MigrateDatabase); without
// them only the SQL ones run.
std::vector<std::string> Migrate(Database& database, const std::vector<CodeMigration>& code = {});

// The SQL of a migration for one backend: placeholders such as {{serial_pk}} filled in.
std::string AdaptSql(const std::string& sql, Backend backend);

// Splits a migration into statements at semicolons outside quotes and comments.
std::vector<std::string> SplitStatements(const std::string& sql);

}  // namespace weltcampus::store
