#pragma once

#include <string>
#include <vector>

namespace weltcampus::store {

struct EmbeddedMigration {
  const char* name;
  const char* sql;
};

// The files of db/migrations, compiled in by cmake/embed_migrations.cmake, in order.
const std::vector<EmbeddedMigration>& EmbeddedMigrations();

}  // namespace weltcampus::store
