#include "auth/demo_accounts.h"

#include "auth/model.h"
#include "auth/password.h"
#include "auth/repository.h"

namespace weltcampus::auth {

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> kAccounts = {
      {"admin@weltcampus.example", "Ada Admin", Role::kAdmin},
      {"office@weltcampus.example", "Irene Office", Role::kInternationalOffice},
      {"coordinator@weltcampus.example", "Carl Coordinator", Role::kCoordinator},
      {"researcher@weltcampus.example", "Rosa Researcher", Role::kResearcher},
      {"research-office@weltcampus.example", "Robert Research-Office", Role::kResearchOffice},
      {"welcome@weltcampus.example", "Wanda Welcome", Role::kWelcomeOfficer},
      {"dean@weltcampus.example", "Dora Dean", Role::kManagement},
      {"student@weltcampus.example", "Stefan Student", Role::kStudent},
      {"guest@weltcampus.example", "Gita Guest", Role::kIncomingGuest},
  };
  return kAccounts;
}

void CreateDemoAccounts(store::Connection& connection) {
  // One hash for all: Argon2id is deliberately slow, and the password is the same.
  const std::string hash = HashPassword(kDemoPassword);
  for (const auto& account : DemoAccounts()) {
    User user;
    user.email = account.email;
    user.display_name = account.display_name;
    user.preferred_language = account.role == Role::kManagement ? "de" : "en";
    user.roles.push_back({account.role, std::nullopt, std::nullopt});
    repository::InsertUser(connection, user, hash);
  }
}

}  // namespace weltcampus::auth
