#pragma once

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"

// For unit tests only (defined in temporary_database_test.cpp, linked into the test binary).
namespace weltcampus::store::testing {

// The backends the store's unit tests run on: SQLite always; PostgreSQL when the harness
// (tests/pg/with-postgres.sh) names a server in WELTCAMPUS_TEST_PG_URL. `make test` sets
// WELTCAMPUS_REQUIRE_POSTGRES=1, and then a missing server fails the tests instead of leaving
// PostgreSQL out.
std::vector<Backend> TestBackends();
std::string BackendName(Backend backend);

// A fresh, empty database for one test, removed afterwards: a SQLite file in a temporary folder,
// or a new database on the PostgreSQL server.
class TemporaryDatabase {
 public:
  explicit TemporaryDatabase(Backend backend, bool migrate = false);
  ~TemporaryDatabase();
  TemporaryDatabase(const TemporaryDatabase&) = delete;
  TemporaryDatabase& operator=(const TemporaryDatabase&) = delete;

  Database& database() { return *database_; }
  Backend backend() const { return backend_; }
  // The database's URL, to open it a second time (as another server would).
  std::string url() const;
  // The PostgreSQL database's name (empty on SQLite).
  const std::string& name() const { return database_name_; }
  // CREATE TABLE text with {{serial_pk}} adapted to the backend.
  void Exec(const std::string& sql);

 private:
  Backend backend_;
  std::string path_;           // SQLite
  std::string admin_url_;      // PostgreSQL
  std::string database_name_;  // PostgreSQL
  std::shared_ptr<Database> database_;
};

}  // namespace weltcampus::store::testing
