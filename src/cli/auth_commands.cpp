#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "audit/audit.h"
#include "auth/demo_accounts.h"
#include "auth/repository.h"
#include "auth/roles.h"
#include "auth/service.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "core/codes.h"
#include "partners/repository.h"

namespace weltcampus::cli {

int AddUser(const std::string& db, const std::string& email, const std::string& name,
            const std::vector<std::string>& roles) {
  if (!IsPlausibleEmail(email)) {
    spdlog::error("'{}' is not an e-mail address", email);
    return 2;
  }
  auth::User user;
  user.email = email;
  user.display_name = name.empty() ? email.substr(0, email.find('@')) : name;
  for (const auto& name : roles) {
    const auto role = auth::kRoleTable.Parse(name);
    if (!role) {
      spdlog::error("'{}' is not a role", name);
      return 2;
    }
    user.roles.push_back({*role, std::nullopt, std::nullopt});
  }
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  auth::AuthService service(*database);
  auto [created, password] = service.CreateUser(audit::Actor::System(), user);
  fmt::print("Created account {} for {} ({}).\nOne-time password (must be changed at first login): {}\n",
             created.id, created.email, fmt::join(roles, ", "), password);
  return 0;
}

int ListUsers(const std::string& db) {
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  PageRequest all;
  all.limit = 1000;
  all.sort = "name";
  const auto users =
      database->Read([&](store::Connection& c) { return auth::repository::ListUsers(c, {}, all); });
  for (const auto& user : users.items) {
    std::vector<std::string_view> roles;
    for (const auto& grant : user.roles) {
      roles.push_back(auth::kRoleTable.Name(grant.role));
    }
    fmt::print("{:<40} {:<24} {}{}\n", user.email, fmt::join(roles, ","), user.active ? "" : "(disabled) ",
               user.display_name);
  }
  fmt::print("{} account(s)\n", users.total);
  return 0;
}

int PrintDemoAccounts() {
  fmt::print("Demo accounts (password for all: {}):\n", auth::kDemoPassword);
  for (const auto& account : auth::DemoAccounts()) {
    fmt::print("  {:<22} {}\n", auth::kRoleTable.Name(account.role), account.email);
  }
  return 0;
}

int VerifyAudit(const std::string& db) {
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  const auto result = database->Read([](store::Connection& c) { return audit::VerifyAudit(c); });
  if (result.intact) {
    fmt::print("audit log intact: {} entries, {} anchors\n", result.entries, result.anchors);
    return 0;
  }
  fmt::print("audit log BROKEN{}: {}\n",
             result.first_broken_id ? fmt::format(" at entry {}", *result.first_broken_id) : "",
             result.problem);
  return 1;
}

int CheckCounts(const std::string& db) {
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  const auto [wrong, stale] = database->Read([](store::Connection& c) {
    return std::pair(partners::repository::MiscountedPartnerships(c),
                     partners::repository::StaleCopies(c));
  });
  for (const auto& miscount : wrong) {
    fmt::print("partnership {}: {} active agreements kept, {} counted\n", miscount.id,
               miscount.kept, miscount.counted);
  }
  for (const auto& line : stale) {
    fmt::print("{}\n", line);
  }
  fmt::print("kept counts: {}\n",
             wrong.empty() ? "all agree with a recount" : fmt::format("{} differ", wrong.size()));
  fmt::print("kept partner names: {}\n", stale.empty() ? "all agree with the institutions"
                                                       : fmt::format("{} differ", stale.size()));
  return wrong.empty() && stale.empty() ? 0 : 1;
}

int RunRetention(const std::string& db, int inactive_days) {
  auto database = store::Database::Open(db, 1);
  MigrateDatabase(*database);
  RegisterPersonalDataParts();
  auth::AuthService service(*database);
  const auto report = service.RunRetention(std::chrono::hours(24 * inactive_days));
  fmt::print("retention: {} expired sessions removed, {} stale login counters removed, {} disabled "
             "accounts inactive for {} days pseudonymised\n",
             report.expired_sessions, report.stale_throttles, report.pseudonymised_accounts, inactive_days);
  return 0;
}

}  // namespace weltcampus::cli
