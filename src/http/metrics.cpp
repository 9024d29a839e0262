#include "http/metrics.h"

#include <fmt/format.h>

#include <array>

namespace weltcampus::http {

namespace {

std::string EscapeLabel(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') {
      escaped += '\\';
    }
    escaped += c == '\n' ? ' ' : c;
  }
  return escaped;
}

}  // namespace

std::string_view MethodLabel(std::string_view method) {
  static constexpr std::array<std::string_view, 7> kKnown = {"GET",    "HEAD",  "POST",   "PUT",
                                                             "DELETE", "PATCH", "OPTIONS"};
  for (const auto known : kKnown) {
    if (method == known) {
      return known;
    }
  }
  return "other";
}

void Metrics::Record(const std::string& method, const std::string& route, int status,
                     double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(MethodLabel(method)), route, status}];
  Histogram& histogram = latency_[route];
  for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
    if (seconds <= kBucketsSeconds[i]) {
      ++histogram.buckets[i];
    }
  }
  ++histogram.count;
  histogram.sum += seconds;
}

std::string Metrics::Render(const std::function<void(std::string&)>& gauges) const {
  std::string out;
  out += "# HELP weltcampus_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE weltcampus_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("weltcampus_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                       EscapeLabel(method), EscapeLabel(route), status, count);
  }
  out += "# HELP weltcampus_http_request_duration_seconds Time from request read to response ready.\n";
  out += "# TYPE weltcampus_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : latency_) {
    const std::string label = EscapeLabel(route);
    for (size_t i = 0; i < kBucketsSeconds.size(); ++i) {
      out += fmt::format("weltcampus_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                         label, kBucketsSeconds[i], histogram.buckets[i]);
    }
    out += fmt::format("weltcampus_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n",
                       label, histogram.count);
    out += fmt::format("weltcampus_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", label,
                       histogram.sum);
    out += fmt::format("weltcampus_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label,
                       histogram.count);
  }
  if (gauges) {
    gauges(out);
  }
  return out;
}

}  // namespace weltcampus::http
