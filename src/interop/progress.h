#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace weltcampus::interop {

// Progress of a long import on stderr. On a terminal one line is rewritten every 1000 rows; into
// a log file (not a terminal) a line is written only every 10 %, so logs stay short.
class Progress {
 public:
  Progress(std::string label, std::size_t total);
  void Advance(std::size_t done);
  void Finish();

 private:
  std::string label_;
  std::size_t total_;
  bool terminal_;
  bool enabled_;
  std::size_t next_report_ = 0;
  std::size_t step_;
  bool line_open_ = false;
};

}  // namespace weltcampus::interop
