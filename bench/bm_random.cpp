// Random sampling workloads (issue 4): one million draws per call, the
// default generator reseeded identically before each, so every iteration
// produces the same stream on every engine.
#include "bench.h"

namespace parity::bench {
namespace {

constexpr int64_t kDraws = 1000000;

template <class E>
void randF32(benchmark::State& s) {
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(E::rand({kDraws}));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void randnF32(benchmark::State& s) {
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(E::randn({kDraws}));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void randnF64(benchmark::State& s) {
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(E::randn({kDraws}, E::dtype(E::kFloat64)));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void randintI64(benchmark::State& s) {
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(E::randint(-1000, 1000, {kDraws}));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void randperm(benchmark::State& s) {
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(E::randperm(kDraws));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void bernoulliF32(benchmark::State& s) {
  auto t = E::empty({kDraws});
  for (auto _ : s) {
    E::manual_seed(0);
    benchmark::DoNotOptimize(t.bernoulli_(0.3));
  }
  s.SetItemsProcessed(s.iterations() * kDraws);
}

template <class E>
void registerEngine() {
  const std::string e = E::name;
  auto add = [&](const std::string& name, void (*fn)(benchmark::State&)) {
    return benchmark::RegisterBenchmark((name + "/" + e).c_str(), fn)->UseRealTime();
  };
  add("rand 1M f32", randF32<E>);
  add("randn 1M f32", randnF32<E>);
  add("randn 1M f64", randnF64<E>);
  add("randint 1M i64", randintI64<E>);
  add("randperm 1M", randperm<E>);
  add("bernoulli_ 1M f32", bernoulliF32<E>);
}

}  // namespace

void registerRandom() {
  registerEngine<TorchEngine>();
  registerEngine<FastEngine>();
  registerEngine<RefEngine>();
}

}  // namespace parity::bench
