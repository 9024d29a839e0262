#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/sql.h"

// Login throttling (issue 4; issue 13, defects 2 and 3). An attempt is counted as a failure
// before its password is checked, in one transaction under a lock, so concurrent guesses get no
// more password checks than sequential ones; a right password takes the count back. Three
// budgets, each with growing delays once spent:
//   - the account from one address: 3 failures, then 4 s, 8 s ... at most 15 minutes (tight);
//   - the address, whatever the account: 20 failures, then the same delays (password spraying);
//   - the account from anywhere: 10 failures a day, then 1 minute, 2 minutes ... at most a day.
//     This one holds only for addresses the account has never signed in from, so that guessing
//     one account from many addresses stays at a few tries a day while its owner, from where
//     they signed in before, is never kept out by a stranger. (An owner on a new address while
//     someone guesses their password waits like the stranger; the delays say how long.)
namespace weltcampus::auth {

struct LoginAttempt {
  std::string account_key;  // Authenticator::AccountKey
  std::string address;      // the client address
};

// What counting the attempt changed, to take it back when the password is right.
struct AttemptTicket {
  struct Counted {
    std::string key;
    std::string blocked_before;
    std::string blocked_written;
  };
  std::vector<Counted> counted;
};

// Throws 429 (with retry_after_seconds) while a budget that applies is blocked; otherwise counts
// the attempt as a failure on every budget that applies. Run inside a write transaction.
AttemptTicket BeginLoginAttempt(store::Connection& c, const LoginAttempt& attempt);
// The password was right: the tight budget starts afresh, the attempt is taken back from the
// others (a block it started is lifted) and the address becomes one the account signs in from.
void LoginSucceeded(store::Connection& c, const LoginAttempt& attempt, const AttemptTicket& ticket);

// The retention run: budgets without a failure for a day, addresses not used for 180 days.
int64_t DeleteStaleThrottles(store::Connection& c);

}  // namespace weltcampus::auth
