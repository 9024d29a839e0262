#include "auth/login_throttle.h"

#include <algorithm>
#include <chrono>
#include <optional>

#include "core/date.h"
#include "core/digest.h"
#include "core/error.h"
#include "store/locks.h"

namespace weltcampus::auth {

using store::Connection;
using Clock = std::chrono::system_clock;

namespace {

struct Budget {
  int64_t free_failures = 0;
  std::chrono::seconds first_block{0};
  std::chrono::seconds longest_block{0};
};
constexpr Budget kAccountFromAddress{3, std::chrono::seconds(4), std::chrono::minutes(15)};
constexpr Budget kAddress{20, std::chrono::seconds(4), std::chrono::minutes(15)};
constexpr Budget kAccount{10, std::chrono::minutes(1), std::chrono::hours(24)};
constexpr auto kFailuresCountFor = std::chrono::hours(24);
constexpr auto kKnownAddressFor = std::chrono::hours(24 * 180);

// Its times to the millisecond (UtcTimestampMillis): a block of a few seconds must last its
// length, not up to a second less.
struct Throttle {
  int64_t failures = 0;
  std::string last_failure_at;
  std::string blocked_until;
};

std::optional<Throttle> Find(Connection& c, const std::string& key) {
  auto row = c.QueryOne(
      "SELECT failures, last_failure_at, blocked_until FROM login_throttle WHERE key = :key",
      store::Params().Set("key", key));
  if (!row) {
    return std::nullopt;
  }
  return Throttle{row->Int("failures"), row->Text("last_failure_at"), row->Text("blocked_until")};
}

void Save(Connection& c, const std::string& key, const Throttle& t) {
  const auto params = store::Params()
                          .Set("key", key)
                          .Set("failures", t.failures)
                          .Set("last", t.last_failure_at)
                          .Set("blocked", t.blocked_until);
  if (c.Exec("UPDATE login_throttle SET failures = :failures, last_failure_at = :last, "
             "blocked_until = :blocked WHERE key = :key",
             params) == 0) {
    c.Exec(
        "INSERT INTO login_throttle (key, failures, last_failure_at, blocked_until) "
        "VALUES (:key, :failures, :last, :blocked)",
        params);
  }
}

std::string PairKey(const LoginAttempt& attempt) {
  return "pair:" + attempt.account_key + "|" + attempt.address;
}
std::string AddressKey(const LoginAttempt& attempt) { return "address:" + attempt.address; }
std::string KnownAddressKey(const LoginAttempt& attempt) {
  return Sha256Hex(attempt.account_key + "|" + attempt.address);
}

bool IsKnownAddress(Connection& c, const LoginAttempt& attempt, Clock::time_point now) {
  return c
      .QueryOne(
          "SELECT 1 AS known FROM login_addresses WHERE key = :key AND "
          "last_success_at >= :since",
          store::Params()
              .Set("key", KnownAddressKey(attempt))
              .Set("since", UtcTimestamp(now - kKnownAddressFor)))
      .has_value();
}

void ThrowIfBlocked(const std::optional<Throttle>& throttle, Clock::time_point now) {
  if (!throttle || throttle->blocked_until <= UtcTimestampMillis(now)) {
    return;
  }
  // Whole seconds until the block ends, rounded up, for Retry-After.
  const auto until = ParseUtcTimestamp(throttle->blocked_until).value_or(now);
  const int64_t seconds =
      std::max<int64_t>(std::chrono::ceil<std::chrono::seconds>(until - now).count(), 1);
  throw ApiError(ErrorCode::kTooManyRequests, "Too many failed logins; wait a little and try again")
      .WithDetail("retry_after_seconds", seconds);
}

// Counts one failure; once the free ones are spent, each further one blocks for twice as long
// as the one before, up to the budget's longest block.
AttemptTicket::Counted Count(Connection& c, const std::string& key, const Budget& budget,
                             std::optional<Throttle> found, Clock::time_point now) {
  Throttle throttle = found.value_or(Throttle{});
  AttemptTicket::Counted counted{key, throttle.blocked_until, {}};
  if (!throttle.last_failure_at.empty() &&
      throttle.last_failure_at < UtcTimestampMillis(now - kFailuresCountFor)) {
    throttle.failures = 0;
  }
  ++throttle.failures;
  throttle.last_failure_at = UtcTimestampMillis(now);
  std::chrono::seconds block{0};
  if (throttle.failures > budget.free_failures) {
    const int64_t exponent = std::min<int64_t>(throttle.failures - budget.free_failures - 1, 30);
    block = std::min<std::chrono::seconds>(budget.first_block * (int64_t{1} << exponent),
                                           budget.longest_block);
  }
  throttle.blocked_until = UtcTimestampMillis(now + block);
  counted.blocked_written = throttle.blocked_until;
  Save(c, key, throttle);
  return counted;
}

}  // namespace

AttemptTicket BeginLoginAttempt(Connection& c, const LoginAttempt& attempt) {
  // One attempt at a time is counted (PostgreSQL; SQLite has one writer anyway), so that each
  // sees the ones before it: no more password checks concurrently than one after the other.
  store::LockForThisTransaction(c, store::LockKey::kLoginThrottle);
  const auto now = Clock::now();
  struct Applying {
    std::string key;
    const Budget* budget;
  };
  std::vector<Applying> budgets = {{PairKey(attempt), &kAccountFromAddress},
                                   {AddressKey(attempt), &kAddress}};
  if (!IsKnownAddress(c, attempt, now)) {
    budgets.push_back({attempt.account_key, &kAccount});
  }
  std::vector<std::optional<Throttle>> found;
  for (const auto& budget : budgets) {
    found.push_back(Find(c, budget.key));
    ThrowIfBlocked(found.back(), now);
  }
  AttemptTicket ticket;
  for (size_t i = 0; i < budgets.size(); ++i) {
    ticket.counted.push_back(Count(c, budgets[i].key, *budgets[i].budget, found[i], now));
  }
  return ticket;
}

void LoginSucceeded(Connection& c, const LoginAttempt& attempt, const AttemptTicket& ticket) {
  store::LockForThisTransaction(c, store::LockKey::kLoginThrottle);
  const std::string pair = PairKey(attempt);
  c.Exec("DELETE FROM login_throttle WHERE key = :key", store::Params().Set("key", pair));
  for (const auto& counted : ticket.counted) {
    if (counted.key == pair) {
      continue;
    }
    auto throttle = Find(c, counted.key);
    if (!throttle) {
      continue;
    }
    throttle->failures = std::max<int64_t>(throttle->failures - 1, 0);
    // A block this attempt started is lifted (one a later failure started stays).
    if (throttle->blocked_until == counted.blocked_written) {
      throttle->blocked_until = counted.blocked_before.empty() ? UtcTimestampMillis(Clock::now())
                                                               : counted.blocked_before;
    }
    Save(c, counted.key, *throttle);
  }
  const auto params =
      store::Params().Set("key", KnownAddressKey(attempt)).Set("at", UtcTimestamp(Clock::now()));
  if (c.Exec("UPDATE login_addresses SET last_success_at = :at WHERE key = :key", params) == 0) {
    c.Exec("INSERT INTO login_addresses (key, last_success_at) VALUES (:key, :at)", params);
  }
}

int64_t DeleteStaleThrottles(Connection& c) {
  const auto now = Clock::now();
  const std::string day_ago = UtcTimestampMillis(now - kFailuresCountFor);
  const int64_t throttles = c.Exec(
      "DELETE FROM login_throttle WHERE last_failure_at < :before AND blocked_until < :before",
      store::Params().Set("before", day_ago));
  const int64_t addresses =
      c.Exec("DELETE FROM login_addresses WHERE last_success_at < :before",
             store::Params().Set("before", UtcTimestamp(now - kKnownAddressFor)));
  return throttles + addresses;
}

}  // namespace weltcampus::auth
