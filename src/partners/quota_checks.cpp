#include "partners/quota_checks.h"

#include <mutex>
#include <vector>

namespace weltcampus::partners {

namespace {

std::mutex& ChecksMutex() {
  static std::mutex mutex;
  return mutex;
}

struct NamedCheck {
  std::string name;
  QuotaCheck check;
};

std::vector<NamedCheck>& Checks() {
  static std::vector<NamedCheck> checks;
  return checks;
}

}  // namespace

void DeclareQuotaCheck(std::string name, QuotaCheck check) {
  std::lock_guard lock(ChecksMutex());
  for (const auto& known : Checks()) {
    if (known.name == name) {
      return;
    }
  }
  Checks().push_back({std::move(name), std::move(check)});
}

void RunQuotaChecks(store::Connection& c, const Quota& quota) {
  std::vector<NamedCheck> checks;
  {
    std::lock_guard lock(ChecksMutex());
    checks = Checks();
  }
  for (const auto& named : checks) {
    named.check(c, quota);
  }
}

}  // namespace weltcampus::partners
