#include "interop/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace weltcampus::interop {

namespace {
// Shorter imports finish before anyone would look at a progress line.
constexpr std::size_t kMinimumRows = 2000;
}  // namespace

Progress::Progress(std::string label, std::size_t total)
    : label_(std::move(label)),
      total_(total),
      terminal_(isatty(STDERR_FILENO) == 1),
      enabled_(total >= kMinimumRows),
      step_(terminal_ ? 1000 : std::max<std::size_t>(1, total / 10)) {
  next_report_ = step_;
}

void Progress::Advance(std::size_t done) {
  if (!enabled_ || done < next_report_ || done >= total_) {
    return;
  }
  next_report_ = (done / step_ + 1) * step_;
  const auto percent = done * 100 / total_;
  if (terminal_) {
    fmt::print(stderr, "\r{}: {}/{} rows ({}%)", label_, done, total_, percent);
    line_open_ = true;
  } else {
    fmt::print(stderr, "{}: {}/{} rows ({}%)\n", label_, done, total_, percent);
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  if (line_open_) {
    fmt::print(stderr, "\r{}: {}/{} rows (100%)\n", label_, total_, total_);
    line_open_ = false;
  }
}

}  // namespace weltcampus::interop
