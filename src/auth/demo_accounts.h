#pragma once

#include <string>
#include <vector>

#include "auth/roles.h"
#include "store/sql.h"

namespace weltcampus::auth {

// The password of every demo account: the demo is for trying Weltcampus, not for real data.
inline constexpr const char* kDemoPassword = "Dresden-Weltcampus-Demo";

struct DemoAccount {
  std::string email;
  std::string display_name;
  Role role;
};

// One account per role, as `weltcampus demo` creates them and `make run` lists them.
const std::vector<DemoAccount>& DemoAccounts();
void CreateDemoAccounts(store::Connection& connection);

}  // namespace weltcampus::auth
