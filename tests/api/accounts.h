#pragma once

// Accounts, sessions and the database underneath them, for the tests of docs/api.md "Accounts,
// sessions and the audit log".
//
// Failed sign-ins count toward throttling per account and per client address. Therefore:
// - each demo account is signed in once per run (DemoSession) and that session is reused;
// - tests that need to log in and out, disable, erase or throttle make their own fresh accounts
//   (CreateAccount);
// - deliberately failing sign-ins go through LoginFrom with a loopback address of their own
//   (FreshLoopbackAddress), so they never use up 127.0.0.1's budget that every other test needs.

#include <string>
#include <string_view>
#include <vector>

#include "api_client.h"

namespace weltcampus::api_test {

inline constexpr const char* kDemoPassword = "Dresden-Weltcampus-Demo";

struct DemoAccount {
  std::string role;
  std::string email;
};
// The nine roles and their demo accounts (docs/api.md).
const std::vector<DemoAccount>& DemoAccounts();
std::string DemoEmail(std::string_view role);

// A session of the demo account with this role, signed in on first use and then reused.
// Fails the current test (fatally) when the sign-in fails.
void DemoSession(std::string_view role, Session* out);
// The cached session of `role` was ended on purpose (logout): the next DemoSession signs in again.
void ForgetDemoSession(std::string_view role);

// GET /api/v1/auth/session with this session; the user's id (-1 when not signed in).
long long SignedInUserId(const Session& session);

struct Account {
  long long id = -1;
  std::string email;
  std::string password;  // the current one (after the first change)
  Session session;       // signed in, password already changed
};
// POST /api/v1/users as admin, sign in with the one-time password, change it (PUT
// /api/v1/me/password) and return the signed-in account.
void CreateAccount(const std::vector<std::string>& roles, Account* out);
// Only the POST /api/v1/users part: `created` is the answer (with one_time_password).
void CreateAccountOnly(const std::vector<std::string>& roles, Json* created);
// The same with roles as the API takes them: names or objects with a coordinator's scope,
// e.g. [{"role": "coordinator", "org_unit_id": 3}].
void CreateAccountWithRoles(const Json& roles, Account* out);
void CreateAccountWithRolesOnly(const Json& roles, Json* created);

// Secrets handed out during this run (passwords, session tokens, CSRF tokens, session ids), for
// the scans of the audit log and the server log.
void RememberSecret(const std::string& secret);
std::vector<std::string> RememberedSecrets();
// The token of a "weltcampus_session=TOKEN" cookie.
std::string TokenOf(const Session& session);

// A loopback address not used before in this run (127.0.0.2 ...): the server sees it as another
// client, with its own per-address login throttle.
std::string FreshLoopbackAddress();
// POST /api/v1/auth/login from that address (raw socket), with an optional Cookie line value and
// X-CSRF-Token (what the application's login page sends when the browser still has a session).
Response LoginFrom(const std::string& source_address, const std::string& email,
                   const std::string& password, const std::string& cookie = "",
                   const std::string& csrf_token = "");
// The session a successful login answer set (empty cookie when none).
Session SessionFromLogin(const Response& login);

// SHA-256 of the text as lower-case hex (how the sessions table keys a token).
std::string Sha256Hex(std::string_view text);

// Runs SQL against a database URL ("sqlite:/path" with the sqlite3 CLI, "postgresql://..." with
// psql), rows as lines, columns separated by '|'. Returns false (with the tool's output in
// `output`) on failure.
bool RunSql(const std::string& db_url, const std::string& sql, std::string* output);
// Runs SQL against the test server's database; fails the test on error.
void ExecSql(const std::string& sql, std::string* output = nullptr);
// A SQL string literal.
std::string SqlText(std::string_view text);

// Runs a command; `output` receives stdout and stderr. Returns the exit code (-1 when it could not
// run or was killed).
int RunCommand(const std::vector<std::string>& args, std::string* output);

// The server's log file kept by the harness (server.log in the run's temp folder).
std::string ServerLogText();

// "YYYY-MM-DDTHH:MM:SSZ" <-> seconds since the epoch.
long long ParseUtc(const std::string& text);
std::string FormatUtc(long long seconds);
long long NowSeconds();

// Every entry of GET /api/v1/audit (as admin) matching the query ("" or "action=login&..."),
// newest first.
void AllAuditEntries(const std::string& query, std::vector<Json>* entries);

}  // namespace weltcampus::api_test
