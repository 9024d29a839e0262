#pragma once

#include <functional>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace weltcampus {

// Functions a higher module declares to run at a point of a lower module's work, so that the lower
// module calls them without knowing the higher one (ARCHITECTURE.md, "Modules that build on
// another"): the exchange's check on a quota an agreement's edit changes, its copy of a renamed
// partner's name. Each is declared under a name once (routes may be registered again, and tests
// build several routers); Run calls them in the order declared, and an exception of one ends the
// run (the caller's transaction then writes nothing).
template <typename... Args>
class NamedHooks {
 public:
  using Hook = std::function<void(Args...)>;

  void Declare(std::string name, Hook hook) {
    std::lock_guard lock(mutex_);
    for (const auto& known : hooks_) {
      if (known.first == name) {
        return;
      }
    }
    hooks_.emplace_back(std::move(name), std::move(hook));
  }

  void Run(Args... args) const {
    std::vector<std::pair<std::string, Hook>> hooks;
    {
      std::lock_guard lock(mutex_);
      hooks = hooks_;
    }
    for (const auto& named : hooks) {
      named.second(args...);
    }
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, Hook>> hooks_;
};

}  // namespace weltcampus
