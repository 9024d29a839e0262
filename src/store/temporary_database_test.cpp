// Helpers for the unit tests (no tests of its own): see temporary_database.h.
#include "store/temporary_database.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "store/migrations.h"

namespace weltcampus::store::testing {

namespace {

std::string EnvOr(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : fallback;
}

std::string UniqueName() {
  static std::atomic<int> counter{0};
  return "weltcampus_unit_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
}

// postgresql://user@host:port/postgres -> the same server, another database.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const auto slash = url.rfind('/');
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

}  // namespace

std::vector<Backend> TestBackends() {
  std::vector<Backend> backends = {Backend::kSqlite};
  if (!EnvOr("WELTCAMPUS_TEST_PG_URL", "").empty()) {
    backends.push_back(Backend::kPostgres);
  } else if (EnvOr("WELTCAMPUS_REQUIRE_POSTGRES", "") == "1") {
    throw std::runtime_error(
        "WELTCAMPUS_REQUIRE_POSTGRES=1 but no WELTCAMPUS_TEST_PG_URL: run the unit tests through "
        "tests/pg/with-postgres.sh");
  }
  return backends;
}

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

TemporaryDatabase::TemporaryDatabase(Backend backend, bool migrate) : backend_(backend) {
  const std::string name = UniqueName();
  if (backend == Backend::kSqlite) {
    path_ = (std::filesystem::temp_directory_path() / (name + ".db")).string();
    std::filesystem::remove(path_);
    database_ = Database::Open("sqlite:" + path_, 2);
  } else {
    admin_url_ = EnvOr("WELTCAMPUS_TEST_PG_URL", "");
    if (admin_url_.empty()) {
      throw std::runtime_error("no PostgreSQL server: WELTCAMPUS_TEST_PG_URL is not set");
    }
    database_name_ = name;
    auto admin = Database::Open(admin_url_, 1);
    admin->Read([&](Connection& c) { c.Exec("CREATE DATABASE " + database_name_); });
    database_ = Database::Open(WithDatabase(admin_url_, database_name_), 2);
  }
  if (migrate) {
    Migrate(*database_);
  }
}

TemporaryDatabase::~TemporaryDatabase() {
  database_.reset();
  try {
    if (backend_ == Backend::kSqlite) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path_ + suffix);
      }
    } else {
      auto admin = Database::Open(admin_url_, 1);
      admin->Read([&](Connection& c) { c.Exec("DROP DATABASE IF EXISTS " + database_name_); });
    }
  } catch (const std::exception&) {
    // A leftover temporary database is not worth failing a test over.
  }
}

std::string TemporaryDatabase::url() const {
  return backend_ == Backend::kSqlite ? "sqlite:" + path_
                                      : WithDatabase(admin_url_, database_name_);
}

void TemporaryDatabase::Exec(const std::string& sql) {
  database_->Write([&](Connection& c) {
    for (const auto& statement : SplitStatements(AdaptSql(sql, backend_))) {
      c.Exec(statement);
    }
  });
}

}  // namespace weltcampus::store::testing
