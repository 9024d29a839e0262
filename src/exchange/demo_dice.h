#pragma once

#include <cstdint>
#include <random>

namespace weltcampus::exchange::demo {

// The exchange's demo parts draw by modulo, as the partners' demo does: the same seed gives the
// same students, calls and applications everywhere.
class Dice {
 public:
  explicit Dice(unsigned seed) : engine_(seed) {}
  int Below(int n) { return static_cast<int>(engine_() % static_cast<uint32_t>(n)); }
  int Between(int low, int high) { return low + Below(high - low + 1); }
  bool Percent(int percent) { return Below(100) < percent; }

 private:
  std::mt19937 engine_;
};

}  // namespace weltcampus::exchange::demo
