#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace weltcampus::http {

// Request counters and latency histograms by route, rendered in the Prometheus text format.
// The method as a metrics label: one of the HTTP methods, or "other" for any other name, so that
// a client sending made-up methods cannot add series without bound.
std::string_view MethodLabel(std::string_view method);

// Requests counted by method, route pattern ("unmatched" for none) and status: a bounded set of
// series, whatever the clients send.
class Metrics {
 public:
  static constexpr std::array<double, 12> kBucketsSeconds = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

  void Record(const std::string& method, const std::string& route, int status, double seconds);
  // `gauges` adds lines such as the database pool's use, read when scraped.
  std::string Render(const std::function<void(std::string&)>& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBucketsSeconds.size()> buckets{};
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::string, Histogram> latency_;
};

}  // namespace weltcampus::http
