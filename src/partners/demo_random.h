#pragma once

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace weltcampus::partners {

// The demo's dice. std::mt19937's sequence is fixed by the standard, but the distributions are not
// (libstdc++ and libc++ differ), so numbers are drawn by modulo: the bias for small ranges is below
// one in a million, and the same seed builds the same demo everywhere.
class DemoRandom {
 public:
  explicit DemoRandom(unsigned seed) : engine_(seed) {}

  int Below(int n) { return static_cast<int>(engine_() % static_cast<uint32_t>(n)); }
  int Between(int low, int high) { return low + Below(high - low + 1); }
  bool Percent(int percent) { return Below(100) < percent; }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(Below(static_cast<int>(items.size())))];
  }

  // Fisher-Yates with this class's own draws.
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (std::size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[static_cast<std::size_t>(Below(static_cast<int>(i)))]);
    }
  }

 private:
  std::mt19937 engine_;
};

}  // namespace weltcampus::partners
