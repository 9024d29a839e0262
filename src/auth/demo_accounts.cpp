#include "auth/demo_accounts.h"

#include "auth/model.h"
#include "auth/password.h"
#include "auth/repository.h"

namespace weltcampus::auth {

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> kAccounts = {
      {"admin@weltcampus.example", "Ada Admin", "admin"},
      {"office@weltcampus.example", "Irene Office", "international_office"},
      {"coordinator@weltcampus.example", "Carl Coordinator", "coordinator"},
      {"researcher@weltcampus.example", "Rosa Researcher", "researcher"},
      {"research-office@weltcampus.example", "Robert Research-Office", "research_office"},
      {"welcome@weltcampus.example", "Wanda Welcome", "welcome_officer"},
      {"dean@weltcampus.example", "Dora Dean", "management"},
      {"student@weltcampus.example", "Stefan Student", "student"},
      {"guest@weltcampus.example", "Gita Guest", "incoming_guest"},
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
    user.preferred_language = account.role == "management" ? "de" : "en";
    user.roles.push_back({account.role, std::nullopt, std::nullopt});
    repository::InsertUser(connection, user, hash);
  }
}

}  // namespace weltcampus::auth
