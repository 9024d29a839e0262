#include "accounts.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "fixtures.h"
#include "raw_http.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

std::mutex g_mutex;
std::map<std::string, Session, std::less<>> g_demo_sessions;
std::vector<std::string> g_secrets;
std::atomic<int> g_next_address{2};

}  // namespace

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> accounts = {
      {"admin", "admin@weltcampus.example"},
      {"international_office", "office@weltcampus.example"},
      {"coordinator", "coordinator@weltcampus.example"},
      {"researcher", "researcher@weltcampus.example"},
      {"research_office", "research-office@weltcampus.example"},
      {"welcome_officer", "welcome@weltcampus.example"},
      {"management", "dean@weltcampus.example"},
      {"student", "student@weltcampus.example"},
      {"incoming_guest", "guest@weltcampus.example"},
  };
  return accounts;
}

std::string DemoEmail(std::string_view role) {
  for (const auto& account : DemoAccounts()) {
    if (account.role == role) {
      return account.email;
    }
  }
  return {};
}

void DemoSession(std::string_view role, Session* out) {
  {
    std::lock_guard lock(g_mutex);
    const auto it = g_demo_sessions.find(role);
    if (it != g_demo_sessions.end()) {
      *out = it->second;
      return;
    }
  }
  const std::string email = DemoEmail(role);
  ASSERT_FALSE(email.empty()) << "no demo account for role " << role;
  if (!TestSession().cookie.empty() && EnvOr("WELTCAMPUS_TEST_USER", "admin@weltcampus.example") == email &&
      EnvOr("WELTCAMPUS_TEST_PASSWORD", kDemoPassword) == kDemoPassword) {
    *out = TestSession();  // the harness signed this account in already
    return;
  }
  Response answer;
  const auto session = SignIn(email, kDemoPassword, &answer);
  ASSERT_TRUE(session.has_value()) << "demo account " << email << " could not sign in: " << answer;
  RememberSecret(TokenOf(*session));
  RememberSecret(session->csrf_token);
  std::lock_guard lock(g_mutex);
  g_demo_sessions[std::string(role)] = *session;
  *out = *session;
}

void ForgetDemoSession(std::string_view role) {
  std::lock_guard lock(g_mutex);
  const auto it = g_demo_sessions.find(role);
  if (it != g_demo_sessions.end()) {
    g_demo_sessions.erase(it);
  }
}

long long SignedInUserId(const Session& session) {
  ApiClient client(session);
  const Response answer = client.Get("/api/v1/auth/session");
  if (answer.status != 200 || !answer.json.is_object() || !answer.json.contains("user") ||
      !answer.json["user"].is_object()) {
    return -1;
  }
  return IdOf(answer.json["user"]);
}

void CreateAccountOnly(const std::vector<std::string>& roles, Json* created) {
  CreateAccountWithRolesOnly(Json(roles), created);
}

void CreateAccountWithRolesOnly(const Json& roles, Json* created) {
  const std::string email = "acct-" + UniqueLetters(8) + "@example.org";
  Json body{{"email", email},
            {"display_name", Unique("Test Person")},
            {"preferred_language", "en"},
            {"roles", roles}};
  const Response answer = Api().Post("/api/v1/users", body);
  ASSERT_TRUE(IsJson(answer, 201)) << "request body: " << body.dump();
  ASSERT_GT(IdOf(answer.json), 0) << answer;
  ASSERT_FALSE(Str(answer.json, "one_time_password").empty()) << answer;
  RememberSecret(Str(answer.json, "one_time_password"));
  *created = answer.json;
}

void CreateAccount(const std::vector<std::string>& roles, Account* out) {
  ASSERT_NO_FATAL_FAILURE(CreateAccountWithRoles(Json(roles), out));
}

void CreateAccountWithRoles(const Json& roles, Account* out) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateAccountWithRolesOnly(roles, &created));
  out->id = IdOf(created);
  out->email = Str(created, "email");
  Response login;
  auto session = SignIn(out->email, Str(created, "one_time_password"), &login);
  ASSERT_TRUE(session.has_value()) << "new account cannot sign in with its one-time password: "
                                   << login;
  RememberSecret(TokenOf(*session));
  RememberSecret(session->csrf_token);
  out->password = UniquePassword("horse-battery");
  RememberSecret(out->password);
  ApiClient client(*session);
  const Response change =
      client.Put("/api/v1/me/password",
                 Json{{"current_password", Str(created, "one_time_password")},
                      {"new_password", out->password}},
                 std::nullopt);
  ASSERT_EQ(change.status, 204) << change;
  out->session = *session;
  ASSERT_EQ(SignedInUserId(out->session), out->id)
      << "the session that changed the password must stay signed in";
}

void RememberSecret(const std::string& secret) {
  if (secret.size() < 8) {
    return;  // too short to search for meaningfully
  }
  std::lock_guard lock(g_mutex);
  g_secrets.push_back(secret);
}

std::vector<std::string> RememberedSecrets() {
  std::lock_guard lock(g_mutex);
  return g_secrets;
}

std::string TokenOf(const Session& session) {
  const auto equals = session.cookie.find('=');
  return equals == std::string::npos ? std::string() : session.cookie.substr(equals + 1);
}

std::string FreshLoopbackAddress() {
  // 127.0.0.1 is the address of every other test; 127.0.x.y are all loopback.
  const int n = g_next_address++;
  return "127.0." + std::to_string(n / 250) + "." + std::to_string(2 + n % 250);
}

Response LoginFrom(const std::string& source_address, const std::string& email,
                   const std::string& password, const std::string& cookie,
                   const std::string& csrf_token) {
  RememberSecret(password);
  const std::string host = "127.0.0.1:" + std::to_string(Server().port);
  const std::string body = Json{{"email", email}, {"password", password}}.dump();
  std::string head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: " + host + "\r\nOrigin: http://" +
                     host + "\r\nContent-Type: application/json\r\nConnection: close\r\n";
  if (!cookie.empty()) {
    head += "Cookie: " + cookie + "\r\n";
  }
  if (!csrf_token.empty()) {
    head += "X-CSRF-Token: " + csrf_token + "\r\n";
  }
  head += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  return RawHttpFrom(source_address, Server().port, head + body);
}

Session SessionFromLogin(const Response& login) {
  Session session;
  if (login.status != 200) {
    return session;
  }
  session.csrf_token = Str(login.json, "csrf_token");
  const auto range = login.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second.rfind("weltcampus_session=", 0) == 0) {
      session.cookie = it->second.substr(0, it->second.find(';'));
    }
  }
  RememberSecret(TokenOf(session));
  RememberSecret(session.csrf_token);
  return session;
}

std::string Sha256Hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 15];
  }
  return out;
}

int RunCommand(const std::vector<std::string>& args, std::string* output) {
  char path_template[] = "/tmp/weltcampus-cmd.XXXXXX";
  const int out_fd = mkstemp(path_template);
  if (out_fd < 0) {
    return -1;
  }
  std::vector<char*> argv;
  for (const auto& arg : args) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  const std::string cwd = EnvOr("WELTCAMPUS_TEST_CWD", WELTCAMPUS_SOURCE_ROOT);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, STDOUT_FILENO);
    dup2(out_fd, STDERR_FILENO);
    close(out_fd);
    const int null_fd = open("/dev/null", O_RDONLY);
    if (null_fd >= 0) {
      dup2(null_fd, STDIN_FILENO);
      close(null_fd);
    }
    if (chdir(cwd.c_str()) != 0) {
      _exit(126);
    }
    execvp(argv[0], argv.data());
    _exit(127);
  }
  close(out_fd);
  int status = 0;
  const bool waited = pid > 0 && waitpid(pid, &status, 0) == pid;
  std::ifstream in(path_template, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  unlink(path_template);
  if (output != nullptr) {
    *output = text.str();
  }
  if (!waited || !WIFEXITED(status)) {
    return -1;
  }
  return WEXITSTATUS(status);
}

bool RunSql(const std::string& db_url, const std::string& sql, std::string* output) {
  std::vector<std::string> args;
  if (db_url.rfind("sqlite:", 0) == 0) {
    std::string file = db_url.substr(7);
    if (file.rfind("//", 0) == 0) {
      file = file.substr(2);
    }
    args = {"sqlite3", "-bail", "-cmd", ".timeout 20000", file, sql};
  } else {
    args = {"psql", db_url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql};
  }
  std::string text;
  const int code = RunCommand(args, &text);
  if (output != nullptr) {
    *output = text;
  }
  return code == 0;
}

void ExecSql(const std::string& sql, std::string* output) {
  std::string text;
  ASSERT_TRUE(RunSql(Server().db_url, sql, &text)) << "SQL failed on " << Server().db_url << ": "
                                                   << sql << "\n"
                                                   << text;
  if (output != nullptr) {
    *output = text;
  }
}

std::string SqlText(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    out += c;
    if (c == '\'') {
      out += '\'';
    }
  }
  return out + "'";
}

std::string ServerLogText() {
  std::ifstream in(Server().temp_dir + "/server.log", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

long long ParseUtc(const std::string& text) {
  std::tm tm{};
  if (text.size() < 20 || strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm) == nullptr) {
    return -1;
  }
  return static_cast<long long>(timegm(&tm));
}

std::string FormatUtc(long long seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

long long NowSeconds() { return static_cast<long long>(std::time(nullptr)); }

void AllAuditEntries(const std::string& query, std::vector<Json>* entries) {
  ASSERT_NO_FATAL_FAILURE(
      ListAll(query.empty() ? "/api/v1/audit" : "/api/v1/audit?" + query, 200, entries));
}

}  // namespace weltcampus::api_test
