// The allocation core (src/exchange/allocation.h) on large generated instances, beside a plain
// textbook deferred acceptance on the same instances (figures: bench/README.md, "Allocation").
//
//   cmake --build build --target weltcampus_bench_allocation
//   build/weltcampus_bench_allocation
//
// Instances: n applicants with 10 distinct preferences each over m offers, popular offers more
// wanted (offer = m·u² for u uniform), scores 0..100 in steps of 0.01 (ties happen), places for
// 90 % of the applicants spread over the offers. "priority": every offer ranks the applicants who
// rank it by its own score (the common score ± 10), so every preference has its own priority.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <queue>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "exchange/allocation.h"

namespace {

using weltcampus::exchange::AllocationInstance;

class BenchRandom {
 public:
  explicit BenchRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next() { return weltcampus::exchange::SplitMix64Next(state_); }
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

 private:
  uint64_t state_;
};

AllocationInstance MakeInstance(uint32_t applicants, uint32_t offers, bool priorities) {
  BenchRandom random(applicants * 31ULL + offers + (priorities ? 1 : 0));
  AllocationInstance instance;
  instance.seed = 2027;
  instance.offers.resize(offers);
  double weight_sum = 0;
  std::vector<double> weights(offers);
  for (auto& weight : weights) {
    weight = 0.5 + random.Unit();
    weight_sum += weight;
  }
  for (uint32_t o = 0; o < offers; ++o) {
    instance.offers[o].capacity =
        std::max(1, static_cast<int>(std::lround(0.9 * applicants * weights[o] / weight_sum)));
    instance.offers[o].ranks_by_priority = priorities;
  }
  instance.scores.reserve(applicants);
  instance.pref_begin.reserve(applicants + 1);
  instance.pref_offer.reserve(static_cast<size_t>(applicants) * 10);
  instance.pref_begin.push_back(0);
  std::vector<uint32_t> chosen;
  for (uint32_t a = 0; a < applicants; ++a) {
    const double score = std::floor(random.Unit() * 10000) / 100;
    instance.scores.push_back(score);
    chosen.clear();
    while (chosen.size() < 10) {
      const double u = random.Unit();
      const auto offer = static_cast<uint32_t>(offers * u * u);
      if (std::find(chosen.begin(), chosen.end(), offer) == chosen.end()) {
        chosen.push_back(offer);
      }
    }
    for (uint32_t offer : chosen) {
      instance.pref_offer.push_back(offer);
      if (priorities) {
        const double own = std::floor((score + 20 * random.Unit() - 10) * 100) / 100;
        instance.offers[offer].priority.emplace_back(a, own);
      }
    }
    instance.pref_begin.push_back(static_cast<uint32_t>(instance.pref_offer.size()));
  }
  return instance;
}

const AllocationInstance& CachedInstance(uint32_t applicants, uint32_t offers, bool priorities) {
  static std::map<std::tuple<uint32_t, uint32_t, bool>, std::unique_ptr<AllocationInstance>> cache;
  auto& slot = cache[{applicants, offers, priorities}];
  if (!slot) {
    slot = std::make_unique<AllocationInstance>(MakeInstance(applicants, offers, priorities));
  }
  return *slot;
}

// ---- The reference: textbook deferred acceptance -----------------------------------------------
// A queue of free applicants; each offer a priority queue of whom it holds, worst on top; an own
// ranking read from a hash map per offer (built before the clock runs).

struct ReferenceInput {
  std::vector<std::unordered_map<uint32_t, double>> priority;  // empty maps: by score
  std::vector<uint64_t> draws;
};

ReferenceInput MakeReferenceInput(const AllocationInstance& instance) {
  ReferenceInput input;
  input.priority.resize(instance.offers.size());
  for (size_t o = 0; o < instance.offers.size(); ++o) {
    for (const auto& [applicant, priority] : instance.offers[o].priority) {
      input.priority[o].emplace(applicant, priority);
    }
  }
  input.draws = weltcampus::exchange::LotteryDraws(instance.seed, instance.applicant_count());
  return input;
}

std::vector<int32_t> ReferenceDeferredAcceptance(const AllocationInstance& instance,
                                                 const ReferenceInput& input) {
  struct Entry {
    double priority;
    uint64_t draw;
    uint32_t applicant;
  };
  // "x before y" at an offer; the queue's top is the worst.
  auto before = [](const Entry& x, const Entry& y) {
    return std::tie(y.priority, x.draw, x.applicant) < std::tie(x.priority, y.draw, y.applicant);
  };
  std::vector<std::priority_queue<Entry, std::vector<Entry>, decltype(before)>> held(
      instance.offers.size(),
      std::priority_queue<Entry, std::vector<Entry>, decltype(before)>(before));
  const size_t n = instance.applicant_count();
  std::vector<uint32_t> next(instance.pref_begin.begin(), instance.pref_begin.end() - 1);
  std::vector<int32_t> assignment(n, -1);
  std::vector<uint32_t> free(n);
  for (uint32_t a = 0; a < n; ++a) {
    free[a] = static_cast<uint32_t>(n - 1 - a);
  }
  while (!free.empty()) {
    const uint32_t a = free.back();
    free.pop_back();
    while (next[a] < instance.pref_begin[a + 1]) {
      const uint32_t o = instance.pref_offer[next[a]++];
      double priority = instance.scores[a];
      if (instance.offers[o].ranks_by_priority) {
        const auto found = input.priority[o].find(a);
        if (found == input.priority[o].end()) {
          continue;
        }
        priority = found->second;
      }
      const Entry entry{priority, input.draws[a], a};
      auto& queue = held[o];
      if (static_cast<int32_t>(queue.size()) < instance.offers[o].capacity) {
        queue.push(entry);
        assignment[a] = static_cast<int32_t>(o);
        break;
      }
      if (queue.empty() || !before(entry, queue.top())) {
        continue;
      }
      const uint32_t out = queue.top().applicant;
      queue.pop();
      assignment[out] = -1;
      free.push_back(out);
      queue.push(entry);
      assignment[a] = static_cast<int32_t>(o);
      break;
    }
  }
  return assignment;
}

// ---- Benchmarks --------------------------------------------------------------------------------

void BM_Allocate(benchmark::State& state) {
  const auto& instance = CachedInstance(static_cast<uint32_t>(state.range(0)),
                                        static_cast<uint32_t>(state.range(1)), state.range(2) != 0);
  size_t placed = 0;
  for (auto _ : state) {
    const auto allocation = weltcampus::exchange::Allocate(instance);
    placed = static_cast<size_t>(std::count_if(allocation.assignment.begin(),
                                               allocation.assignment.end(),
                                               [](int32_t offer) { return offer >= 0; }));
    benchmark::DoNotOptimize(allocation.assignment.data());
  }
  state.counters["placed"] = static_cast<double>(placed);
}

void BM_Reference(benchmark::State& state) {
  const auto& instance = CachedInstance(static_cast<uint32_t>(state.range(0)),
                                        static_cast<uint32_t>(state.range(1)), state.range(2) != 0);
  const ReferenceInput input = MakeReferenceInput(instance);
  // The two must agree (no partners here): a benchmark of a wrong answer is worth nothing.
  if (ReferenceDeferredAcceptance(instance, input) !=
      weltcampus::exchange::Allocate(instance).assignment) {
    state.SkipWithError("the reference and the core disagree");
    return;
  }
  for (auto _ : state) {
    const auto assignment = ReferenceDeferredAcceptance(instance, input);
    benchmark::DoNotOptimize(assignment.data());
  }
}

// The same with a partner over every 5 offers whose cap is 80 % of their places.
void BM_AllocateWithPartners(benchmark::State& state) {
  AllocationInstance instance =
      CachedInstance(static_cast<uint32_t>(state.range(0)), static_cast<uint32_t>(state.range(1)),
                     state.range(2) != 0);
  for (size_t o = 0; o < instance.offers.size(); o += 5) {
    int32_t places = 0;
    for (size_t i = o; i < std::min(o + 5, instance.offers.size()); ++i) {
      instance.offers[i].partner = static_cast<int32_t>(instance.partners.size());
      places += instance.offers[i].capacity;
    }
    instance.partners.push_back({places * 4 / 5});
  }
  for (auto _ : state) {
    const auto allocation = weltcampus::exchange::Allocate(instance);
    benchmark::DoNotOptimize(allocation.assignment.data());
  }
}

void BM_OneMorePlace(benchmark::State& state) {
  const auto& instance = CachedInstance(static_cast<uint32_t>(state.range(0)),
                                        static_cast<uint32_t>(state.range(1)), state.range(2) != 0);
  const auto base = weltcampus::exchange::Allocate(instance);
  size_t offers = 0;
  for (auto _ : state) {
    const auto ranked = weltcampus::exchange::RankOneMorePlace(instance, base, 20);
    offers = ranked.size();
    benchmark::DoNotOptimize(ranked.data());
  }
  state.counters["listed"] = static_cast<double>(offers);
}

void BM_Explain(benchmark::State& state) {
  const auto& instance = CachedInstance(static_cast<uint32_t>(state.range(0)),
                                        static_cast<uint32_t>(state.range(1)), state.range(2) != 0);
  const auto allocation = weltcampus::exchange::Allocate(instance);
  for (auto _ : state) {
    const auto explanations = weltcampus::exchange::ExplainAllocation(instance, allocation);
    benchmark::DoNotOptimize(explanations.data());
  }
}

// Arguments: applicants, offers, own priorities (0: the common score only).
BENCHMARK(BM_Allocate)
    ->Args({100'000, 1'000, 0})
    ->Args({100'000, 1'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(BM_Reference)
    ->Args({100'000, 1'000, 0})
    ->Args({100'000, 1'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5);
BENCHMARK(BM_Allocate)
    ->Args({1'000'000, 5'000, 0})
    ->Args({1'000'000, 5'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_Reference)
    ->Args({1'000'000, 5'000, 0})
    ->Args({1'000'000, 5'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_AllocateWithPartners)
    ->Args({1'000'000, 5'000, 0})
    ->Args({1'000'000, 5'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);
BENCHMARK(BM_Explain)->Args({1'000'000, 5'000, 1})->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_OneMorePlace)
    ->Args({10'000, 1'000, 0})
    ->Args({10'000, 1'000, 1})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
