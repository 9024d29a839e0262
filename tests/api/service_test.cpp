// Service endpoints: health, home settings, metrics, unknown routes, headers on every answer.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "api_client.h"
#include "fixtures.h"
#include "raw_http.h"
#include "test_server.h"

namespace weltcampus::api_test {
namespace {

TEST(Health, ReportsOkDatabaseAndVersion) {
  const Response response = Api().Get("/api/v1/health");
  ASSERT_TRUE(IsJson(response, 200));
  EXPECT_EQ(Str(response.json, "status"), "ok") << response;
  EXPECT_EQ(Str(response.json, "database"), "ok") << response;
  const std::string version = Str(response.json, "version");
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+.*)"))) << response;
  // The same version the binary prints for --version.
  EXPECT_NE(Server().version_text.find(version), std::string::npos)
      << "health version " << version
      << " not in `weltcampus --version`: " << Server().version_text;
  EXPECT_EQ(response.Header("Content-Type").rfind("application/json", 0), 0u) << response;
}

TEST(SettingsHome, IsTheSchoolOfMedicineOfTuDresden) {
  const Response response = Api().Get("/api/v1/settings/home");
  ASSERT_TRUE(IsJson(response, 200));
  const Json& home = response.json;
  EXPECT_EQ(Str(home, "erasmus_code"), "D  DRESDEN02") << response;
  EXPECT_EQ(Str(home, "country"), "DE") << response;
  EXPECT_NE(Str(home, "institution_name").find("Dresden"), std::string::npos) << response;
  EXPECT_NE(Str(home, "school_name").find("Medic"), std::string::npos) << response;
  EXPECT_EQ(Str(home, "school_name_de"), "Medizinische Fakultät Carl Gustav Carus") << response;
  EXPECT_EQ(Str(home, "institution_name_de"), "Technische Universität Dresden") << response;
  ASSERT_TRUE(home.contains("hei_id") && home["hei_id"].is_string()) << response;
  EXPECT_FALSE(home["hei_id"].get<std::string>().empty()) << response;
}

TEST(Routing, UnknownApiRouteIs404WithErrorShape) {
  EXPECT_TRUE(IsError(Api().Get("/api/v1/no-such-thing"), 404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get("/api/v1/institutions/999999999"), 404, "not_found"));
  EXPECT_TRUE(IsError(Api().Get("/api/v2/health"), 404, "not_found"));
}

TEST(Routing, WrongMethodOnAKnownPathIs405WithAllow) {
  // Contract silent (405 is not in its list of codes); HTTP requires Allow on a 405 (RFC 9110).
  const Response response =
      RawHttp("PATCH /api/v1/institutions HTTP/1.1\r\nHost: 127.0.0.1\r\n" + SessionHeaderLines() +
              "Connection: close\r\n"
              "Content-Length: 0\r\n\r\n");
  ASSERT_EQ(response.status, 405) << response;
  EXPECT_TRUE(response.json_ok && response.json.contains("error")) << response;
  const std::string allow = response.Header("Allow");
  EXPECT_NE(allow.find("GET"), std::string::npos) << "Allow: \"" << allow << "\"";
  EXPECT_NE(allow.find("POST"), std::string::npos) << "Allow: \"" << allow << "\"";
}

TEST(Routing, NonNumericOrHugeIdsAreClientErrorsNotCrashes) {
  // Contract silent: a user expects 404 (no such record) or 400, never 500.
  for (const char* path : {"/api/v1/institutions/abc", "/api/v1/institutions/-1",
                           "/api/v1/institutions/99999999999999999999999", "/api/v1/agreements/1.5",
                           "/api/v1/partnerships/0"}) {
    const Response response = Api().Get(path);
    EXPECT_TRUE(response.status == 404 || response.status == 400) << response;
    EXPECT_TRUE(response.json_ok && response.json.contains("error")) << response;
  }
  EXPECT_TRUE(IsJson(Api().Get("/api/v1/health"), 200)) << "server unhealthy after odd ids";
}

void ExpectSecurityHeaders(const Response& response) {
  EXPECT_EQ(response.Header("X-Content-Type-Options"), "nosniff") << response;
  const std::string frame_options = response.Header("X-Frame-Options");
  const std::string csp = response.Header("Content-Security-Policy");
  EXPECT_TRUE(frame_options == "DENY" || frame_options == "SAMEORIGIN" ||
              csp.find("frame-ancestors") != std::string::npos)
      << "no clickjacking protection (X-Frame-Options or CSP frame-ancestors): " << response;
  EXPECT_FALSE(response.Header("Referrer-Policy").empty()) << response;
}

TEST(SecurityHeaders, PresentOnApiErrorsAndStaticFiles) {
  ExpectSecurityHeaders(Api().Get("/api/v1/health"));
  ExpectSecurityHeaders(Api().Get("/api/v1/institutions?limit=1"));
  ExpectSecurityHeaders(Api().Get("/api/v1/no-such-thing"));
  ExpectSecurityHeaders(Api().PostRaw("/api/v1/institutions", "{oops"));
  ExpectSecurityHeaders(Api().Get("/"));
}

TEST(SecurityHeaders, ApiAnswersAreNotCachedByDefault) {
  // Contract silent; records carry ETags, so the body must not be served stale by a cache.
  const Response response = Api().Get("/api/v1/institutions?limit=1");
  ASSERT_TRUE(IsJson(response, 200));
  const std::string cache_control = response.Header("Cache-Control");
  EXPECT_TRUE(cache_control.find("no-store") != std::string::npos ||
              cache_control.find("no-cache") != std::string::npos ||
              cache_control.find("private") != std::string::npos)
      << "Cache-Control: \"" << cache_control << "\"";
}

// Sum of all samples of counters whose name mentions requests.
double RequestCount(const std::string& metrics_text) {
  double sum = 0;
  std::regex sample(R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+([0-9.eE+-]+))");
  std::regex counter_type(R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) counter)");
  std::set<std::string> counters;
  std::istringstream lines(metrics_text);
  std::string line;
  std::vector<std::string> all_lines;
  while (std::getline(lines, line)) {
    all_lines.push_back(line);
    std::smatch match;
    if (std::regex_search(line, match, counter_type)) {
      counters.insert(match[1]);
    }
  }
  for (const std::string& l : all_lines) {
    std::smatch match;
    if (l.empty() || l[0] == '#' || !std::regex_search(l, match, sample)) {
      continue;
    }
    std::string name = match[1];
    const bool is_counter =
        counters.count(name) > 0 ||
        (name.ends_with("_total") && counters.count(name.substr(0, name.size() - 6)) > 0);
    if (is_counter && name.find("request") != std::string::npos) {
      sum += std::stod(match[3]);
    }
  }
  return sum;
}

TEST(Metrics, PrometheusTextWithARequestCounterThatCounts) {
  const Response before = Api().Get("/metrics");
  ASSERT_EQ(before.status, 200) << before;
  EXPECT_EQ(before.Header("Content-Type").rfind("text/plain", 0), 0u) << before;
  EXPECT_NE(before.body.find("# TYPE "), std::string::npos) << before;
  const double count_before = RequestCount(before.body);
  EXPECT_GT(count_before, 0) << "no counter with \"request\" in its name: " << before;
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(Api().Get("/api/v1/health").status, 200);
  }
  const Response after = Api().Get("/metrics");
  ASSERT_EQ(after.status, 200) << after;
  EXPECT_GE(RequestCount(after.body), count_before + 5) << after;
}

TEST(ETag, GetOfARecordCarriesItsVersion) {
  Json created;
  ASSERT_NO_FATAL_FAILURE(CreateOk("/api/v1/institutions", NewInstitutionBody(), &created));
  const Response response = Api().Get("/api/v1/institutions/" + std::to_string(IdOf(created)));
  ASSERT_TRUE(IsJson(response, 200));
  EXPECT_EQ(response.Header("ETag"), Quoted(VersionOf(response.json))) << response;
  Json updated;
  Json changed = response.json;
  changed["city"] = "Villeurbanne";
  ASSERT_NO_FATAL_FAILURE(
      UpdateOk("/api/v1/institutions/" + std::to_string(IdOf(created)), changed, &updated));
  const Response again = Api().Get("/api/v1/institutions/" + std::to_string(IdOf(created)));
  ASSERT_TRUE(IsJson(again, 200));
  EXPECT_GT(VersionOf(again.json), VersionOf(response.json)) << again;
  EXPECT_EQ(again.Header("ETag"), Quoted(VersionOf(again.json))) << again;
}

}  // namespace
}  // namespace weltcampus::api_test
