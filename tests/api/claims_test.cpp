// What the README says and no test checked before (issue 13, "Tests that prove what the README
// says", item 4), on the running server: the Secure cookie and the client's address behind a
// trusted proxy, gzip from the real server, metrics by route and status, and audit entries for
// staff reads and exports of a person's data.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "accounts.h"
#include "api_client.h"
#include "claims_support.h"
#include "fixtures.h"
#include "raw_http.h"
#include "second_server.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

// --- Behind a trusted proxy (README, "Deploying ... behind a reverse proxy") ---

// A login sent from `source` to `port` with the proxy's headers; its answer.
Response ProxiedLogin(const std::string& source, int port, const Account& account,
                      const std::string& request_id, const std::string& origin_scheme) {
  const std::string host = "127.0.0.1:" + std::to_string(port);
  const std::string body = Json{{"email", account.email}, {"password", account.password}}.dump();
  const std::string head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: " + host +
                           "\r\nOrigin: " + origin_scheme + "://" + host +
                           "\r\nX-Forwarded-For: 198.51.100.23, 203.0.113.7\r\n"
                           "X-Forwarded-Proto: https\r\nX-Request-Id: " +
                           request_id + "\r\nContent-Type: application/json\r\nContent-Length: " +
                           std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n";
  return RawHttpFrom(source, port, head, body);
}

// The client address of the login entry written for the request with this id ("" when none).
std::string LoginAddress(long long user_id, const std::string& request_id) {
  std::vector<Json> entries;
  AllAuditEntries("action=login&actor_user_id=" + std::to_string(user_id), &entries);
  for (const auto& entry : entries) {
    if (Str(entry, "request_id") == request_id) {
      return Str(entry, "client_address");
    }
  }
  return "";
}

TEST(Claims, BehindATrustedProxyTheCookieIsSecureAndTheAuditLogSeesTheClient) {
  const std::string proxy = FreshLoopbackAddress();
  const std::string stranger = FreshLoopbackAddress();
  SecondServer server;
  ASSERT_NO_FATAL_FAILURE(server.Start(Server().db_url, "127.0.0.1:0", {"--trusted-proxy", proxy}));
  Account account;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"researcher"}, &account));

  // From the proxy: HTTPS as it says, the client as it appended last.
  const std::string via_proxy = LowerCase(UniqueLetters(12));
  const Response trusted = ProxiedLogin(proxy, server.port(), account, via_proxy, "https");
  ASSERT_EQ(trusted.status, 200) << trusted;
  const std::string cookie = trusted.Header("Set-Cookie");
  EXPECT_NE(cookie.find("weltcampus_session="), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  EXPECT_NE(trusted.Header("Strict-Transport-Security"), "") << trusted;
  EXPECT_EQ(LoginAddress(account.id, via_proxy), "203.0.113.7");

  // The same headers from anyone else are not believed.
  const std::string direct = LowerCase(UniqueLetters(12));
  const Response untrusted = ProxiedLogin(stranger, server.port(), account, direct, "http");
  ASSERT_EQ(untrusted.status, 200) << untrusted;
  EXPECT_NE(untrusted.Header("Set-Cookie").find("weltcampus_session="), std::string::npos);
  EXPECT_EQ(untrusted.Header("Set-Cookie").find("Secure"), std::string::npos) << untrusted;
  EXPECT_EQ(untrusted.Header("Strict-Transport-Security"), "");
  EXPECT_EQ(LoginAddress(account.id, direct), stranger);
}

// --- gzip (docs/api.md: the partner map "Gzipped on Accept-Encoding: gzip"; the web files) ---

std::string Gunzip(const std::string& data) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) {
    return "<inflateInit2 failed>";
  }
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[65536];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
  }
  inflateEnd(&stream);
  return result == Z_STREAM_END ? out : "<not gzip: " + std::to_string(result) + ">";
}

WireAnswer GetOnWire(const std::string& path, const std::string& more_headers) {
  return WireRequest(Server().port, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                                        SessionHeaderLines() + more_headers +
                                        "Connection: close\r\n\r\n");
}

void ExpectGzipAndPlain(const std::string& path, std::string* plain_body) {
  const WireAnswer plain = GetOnWire(path, "");
  ASSERT_EQ(plain.status, 200) << path;
  ASSERT_TRUE(plain.complete) << path;
  EXPECT_EQ(plain.headers.count("content-encoding"), 0u) << path;
  EXPECT_NE(plain.headers.at("vary").find("Accept-Encoding"), std::string::npos) << path;
  const WireAnswer gzipped = GetOnWire(path, "Accept-Encoding: gzip, deflate, br\r\n");
  ASSERT_EQ(gzipped.status, 200) << path;
  ASSERT_TRUE(gzipped.complete) << path;
  EXPECT_EQ(gzipped.headers.count("content-encoding") ? gzipped.headers.at("content-encoding") : "",
            "gzip")
      << path;
  EXPECT_NE(gzipped.headers.at("vary").find("Accept-Encoding"), std::string::npos) << path;
  EXPECT_LT(gzipped.body.size(), plain.body.size() / 2) << path;
  EXPECT_EQ(Gunzip(gzipped.body), plain.body) << path;
  *plain_body = plain.body;
}

TEST(Claims, LargeAnswersAndWebFilesAreGzippedForClientsThatTakeGzip) {
  std::string map;
  ASSERT_NO_FATAL_FAILURE(ExpectGzipAndPlain("/api/v1/partnerships/map", &map));
  const Json parsed = Json::parse(map, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded());
  EXPECT_EQ(parsed, Api().Get("/api/v1/partnerships/map").json);

  // A web file of its own (the test's web folder has small ones only).
  const std::string name = "assets/claims-" + LowerCase(UniqueLetters(8)) + ".js";
  std::string script;
  for (int i = 0; i < 400; ++i) {
    script += "console.log('" + std::string(kAssetMarker) + " line " + std::to_string(i) + "');\n";
  }
  std::ofstream(std::filesystem::path(Server().web_dir) / name, std::ios::binary) << script;
  std::string served;
  ASSERT_NO_FATAL_FAILURE(ExpectGzipAndPlain("/" + name, &served));
  EXPECT_EQ(served, script);
}

// --- Metrics (README, "Operations": requests by route and status) ---

using SeriesKey = std::tuple<std::string, std::string, std::string>;  // method, route, status

std::map<SeriesKey, long long> RequestCounts() {
  std::map<SeriesKey, long long> counts;
  const Response metrics = Api().Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  std::istringstream in(metrics.body);
  const std::string prefix = "weltcampus_http_requests_total{";
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with(prefix)) {
      continue;
    }
    const auto label = [&](const std::string& name) {
      const auto at = line.find(name + "=\"");
      return line.substr(at + name.size() + 2,
                         line.find('"', at + name.size() + 2) - at - name.size() - 2);
    };
    counts[{label("method"), label("route"), label("status")}] =
        std::stoll(line.substr(line.rfind(' ') + 1));
  }
  return counts;
}

TEST(Claims, MetricsCountRequestsByRouteTemplateAndStatus) {
  Json institution;
  ASSERT_NO_FATAL_FAILURE(CreateOk(kInstitutions, NewInstitutionBody("PT"), &institution));
  const std::string one = kInstitutions + "/" + std::to_string(IdOf(institution));
  const auto before = RequestCounts();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Api().Get(one).status, 200);
  }
  EXPECT_EQ(Api().Get(kInstitutions + "/987654321").status, 404);
  EXPECT_EQ(Api().Get(kInstitutions + "/987654322").status, 404);
  EXPECT_EQ(Api().Post(kInstitutions, Json{{"name", ""}}).status, 422);
  const auto after = RequestCounts();

  std::map<SeriesKey, long long> delta;
  for (const auto& [key, count] : after) {
    const auto was = before.find(key);
    const long long added = count - (was == before.end() ? 0 : was->second);
    if (added != 0) {
      delta[key] = added;
    }
  }
  const std::map<SeriesKey, long long> expected = {
      {{"GET", "/api/v1/institutions/{id}", "200"}, 3},
      {{"GET", "/api/v1/institutions/{id}", "404"}, 2},
      {{"POST", "/api/v1/institutions", "422"}, 1},
      {{"GET", "/metrics", "200"}, 1},  // the first scrape, counted once it was answered
  };
  EXPECT_EQ(delta, expected);
}

// --- Audit entries for staff reads and exports of a person's data (README, "Audit log") ---

long long AuditedEntries(const std::string& action, long long subject, long long actor) {
  std::vector<Json> entries;
  AllAuditEntries("action=" + action + "&subject_user_id=" + std::to_string(subject) +
                      "&actor_user_id=" + std::to_string(actor),
                  &entries);
  return static_cast<long long>(entries.size());
}

TEST(Claims, StaffReadsAndExportsOfAPersonsDataAreAudited) {
  Account person;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &person));
  const long long admin = SignedInUserId(TestSession());
  const std::string user = "/api/v1/users/" + std::to_string(person.id);
  ASSERT_EQ(AuditedEntries("read", person.id, admin), 0);
  ASSERT_EQ(AuditedEntries("export", person.id, admin), 0);

  ASSERT_EQ(Api().Get(user).status, 200);
  EXPECT_EQ(AuditedEntries("read", person.id, admin), 1);
  ASSERT_EQ(Api().Get(user + "/data").status, 200);
  EXPECT_EQ(AuditedEntries("export", person.id, admin), 1);
  // A list of accounts is no read of one person's record.
  ASSERT_EQ(Api().Get("/api/v1/users?q=" + UrlEncode(person.email)).status, 200);
  EXPECT_EQ(AuditedEntries("read", person.id, admin), 1);

  // The person's own download is recorded too, in their name.
  ApiClient own(person.session);
  ASSERT_EQ(own.Get("/api/v1/me/data").status, 200);
  EXPECT_EQ(AuditedEntries("export", person.id, person.id), 1);
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(
      AllAuditEntries("action=export&subject_user_id=" + std::to_string(person.id), &entries));
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]["actor_user_id"], person.id);
  EXPECT_EQ(entries[1]["actor_user_id"], admin);
  EXPECT_EQ(Str(entries[1], "client_address"), "127.0.0.1");
}

TEST(Claims, StaffReadsAndExportsOfStudentRecordsAreAudited) {
  const long long admin = SignedInUserId(TestSession());
  const std::string account = SqlValueOn(
      Server().db_url, "SELECT id FROM users WHERE email = " + SqlText(DemoEmail("student")));
  const std::string student =
      SqlValueOn(Server().db_url, "SELECT id FROM students WHERE user_id = " + account);
  ASSERT_FALSE(student.empty());
  const long long person = std::stoll(account);
  const long long reads = AuditedEntries("read", person, admin);
  ASSERT_EQ(Api().Get("/api/v1/students/" + student).status, 200);
  EXPECT_EQ(AuditedEntries("read", person, admin), reads + 1);
  std::vector<Json> entries;
  ASSERT_NO_FATAL_FAILURE(
      AllAuditEntries("action=read&entity_type=student&entity_id=" + student, &entries));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries[0]["actor_user_id"], admin);

  const auto exports = [&] {
    std::vector<Json> found;
    AllAuditEntries("action=export&entity_type=student&actor_user_id=" + std::to_string(admin),
                    &found);
    return found;
  };
  const std::size_t before = exports().size();
  ASSERT_EQ(Api().Get("/api/v1/students?format=csv&programme_id=1").status, 200);
  const auto after = exports();
  ASSERT_EQ(after.size(), before + 1);
  EXPECT_EQ(Str(after[0]["after"], "format"), "csv");
  EXPECT_EQ(Str(after[0]["after"], "programme_id"), "1");
  // A page of the list is no export.
  ASSERT_EQ(Api().Get("/api/v1/students?limit=5").status, 200);
  EXPECT_EQ(exports().size(), before + 1);
}

// A student's certificates, earlier stays, applications and their documents are data about the
// student as much as the student record: a staff read of one is audited naming the student's
// account, and an export of applications, results or objections is audited with its query.
TEST(Claims, StaffReadsOfAStudentsApplicationsAndCertificatesAreAudited) {
  const long long admin = SignedInUserId(TestSession());
  Account person;
  ASSERT_NO_FATAL_FAILURE(CreateAccount({"student"}, &person));
  const std::string programme =
      SqlValueOn(Server().db_url, "SELECT id FROM programmes ORDER BY id LIMIT 1");
  Json student;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/students",
                                   {{"matriculation_number", std::to_string(5400000 + person.id)},
                                    {"family_name", "Gelesen"},
                                    {"given_name", "Greta"},
                                    {"email", person.email},
                                    {"programme_id", std::stoll(programme)},
                                    {"study_semester", 5},
                                    {"user_id", person.id}},
                                   &student));
  const std::string of_student = "/api/v1/students/" + std::to_string(IdOf(student));
  Json certificate, stay;
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      of_student + "/language-certificates",
      {{"language", "en"}, {"cefr_level", "C1"}, {"name", "IELTS"}, {"issued_on", "2025-06-01"}},
      &certificate));
  ASSERT_NO_FATAL_FAILURE(CreateOk(
      of_student + "/stays-abroad",
      {{"country", "FR"}, {"months", 3}, {"study_cycle", "single"}, {"erasmus_funded", false}},
      &stay));
  const long long reads = AuditedEntries("read", person.id, admin);
  ASSERT_EQ(Api()
                .Get("/api/v1/student-language-certificates/" + std::to_string(IdOf(certificate)))
                .status,
            200);
  ASSERT_EQ(Api().Get("/api/v1/student-stays-abroad/" + std::to_string(IdOf(stay))).status, 200);
  EXPECT_EQ(AuditedEntries("read", person.id, admin), reads + 2);

  // An application with a document, read by the office's routes.
  const std::string application = SqlValueOn(
      Server().db_url,
      "SELECT a.id FROM applications a JOIN application_documents d ON d.application_id = a.id "
      "ORDER BY a.id LIMIT 1");
  ASSERT_FALSE(application.empty()) << "the demo has no application with a document";
  const std::string subject = SqlValueOn(
      Server().db_url,
      "SELECT COALESCE(s.user_id, 0) FROM applications a JOIN students s ON s.id = a.student_id "
      "WHERE a.id = " +
          application);
  const auto entries_of = [](const std::string& query) {
    std::vector<Json> found;
    AllAuditEntries(query, &found);
    return found;
  };
  const auto application_reads =
      entries_of("action=read&entity_type=application&entity_id=" + application +
                 "&actor_user_id=" + std::to_string(admin));
  ASSERT_EQ(Api().Get("/api/v1/applications/" + application).status, 200);
  const auto after_read =
      entries_of("action=read&entity_type=application&entity_id=" + application +
                 "&actor_user_id=" + std::to_string(admin));
  ASSERT_EQ(after_read.size(), application_reads.size() + 1);
  EXPECT_EQ(after_read[0]["subject_user_id"], subject == "0" ? Json() : Json(std::stoll(subject)));
  const std::string kind = SqlValueOn(
      Server().db_url,
      "SELECT kind FROM application_documents WHERE application_id = " + application + " LIMIT 1");
  const std::string document = application + "/" + kind;
  const auto document_reads = entries_of("action=read&entity_type=application_document");
  ASSERT_EQ(Api().Get("/api/v1/applications/" + application + "/documents/" + kind).status, 200);
  const auto after_document = entries_of("action=read&entity_type=application_document");
  ASSERT_EQ(after_document.size(), document_reads.size() + 1);
  EXPECT_EQ(Str(after_document[0], "entity_id"), document);

  // Exports of applications, results and objections, each with its query; a page is none.
  const std::string call =
      SqlValueOn(Server().db_url, "SELECT call_id FROM applications WHERE id = " + application);
  const std::string run =
      SqlValueOn(Server().db_url, "SELECT id FROM allocation_runs ORDER BY id LIMIT 1");
  ASSERT_FALSE(run.empty()) << "the demo has no allocation run";
  const std::vector<std::pair<std::string, std::string>> exports = {
      {"application", "/api/v1/calls/" + call + "/applications"},
      {"allocation_result", "/api/v1/allocation-runs/" + run + "/results"},
      {"objection", "/api/v1/allocation-runs/" + run + "/objections"},
  };
  for (const auto& [entity, list] : exports) {
    const std::string query =
        "action=export&entity_type=" + entity + "&actor_user_id=" + std::to_string(admin);
    const std::size_t before = entries_of(query).size();
    ASSERT_EQ(Api().Get(list + "?limit=5").status, 200) << list;
    EXPECT_EQ(entries_of(query).size(), before) << list << ": a page is no export";
    ASSERT_EQ(Api().Get(list + "?format=xlsx").status, 200) << list;
    const auto after = entries_of(query);
    ASSERT_EQ(after.size(), before + 1) << list;
    EXPECT_EQ(Str(after[0]["after"], "format"), "xlsx") << list;
  }
}

}  // namespace
}  // namespace weltcampus::api_test
