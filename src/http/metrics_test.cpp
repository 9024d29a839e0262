#include "http/metrics.h"

#include <gtest/gtest.h>

#include <string>

namespace weltcampus::http {
namespace {

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

// A client sending made-up methods (15 kB each, a thousand different ones) adds one series, not a
// thousand, and none of its bytes reach the metrics page.
TEST(MetricsTest, UnknownMethodsShareOneBoundedSeries) {
  Metrics metrics;
  for (int i = 0; i < 1000; ++i) {
    metrics.Record(std::string(15000, 'X') + std::to_string(i), "unmatched", 400, 0.001);
  }
  metrics.Record("GET", "/api/v1/health", 200, 0.001);
  metrics.Record("BREW", "unmatched", 400, 0.001);
  const std::string page = metrics.Render([](std::string&) {});
  EXPECT_EQ(Count(page, "weltcampus_http_requests_total{"), 2u) << page;
  EXPECT_NE(page.find("weltcampus_http_requests_total{method=\"other\",route=\"unmatched\","
                      "status=\"400\"} 1001"),
            std::string::npos)
      << page;
  EXPECT_EQ(page.find("XXXX"), std::string::npos);
  EXPECT_LT(page.size(), 10000u);
}

TEST(MetricsTest, TheHttpMethodsKeepTheirNames) {
  for (const std::string method : {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"}) {
    EXPECT_EQ(MethodLabel(method), method);
  }
  EXPECT_EQ(MethodLabel("get"), "other");
  EXPECT_EQ(MethodLabel(""), "other");
}

}  // namespace
}  // namespace weltcampus::http
