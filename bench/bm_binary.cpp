// Elementwise workloads of the operators issue (the first slice: add and
// friends): the cases of ../shared/notes/performance-baseline.md that exist.
#include "bench.h"

namespace parity::bench {
namespace {

template <class E>
void add16M(benchmark::State& s) {
  auto a = E::ones({kBig, kBig}), b = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(a + b);
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 3);
}

template <class E>
void addInPlace16M(benchmark::State& s) {
  auto a = E::ones({kBig, kBig}), b = E::ones({kBig, kBig});
  for (auto _ : s) a.add_(b);
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 3);
}

template <class E>
void addBroadcastRow(benchmark::State& s) {
  auto a = E::ones({kBig, kBig}), b = E::ones({kBig});
  for (auto _ : s) benchmark::DoNotOptimize(a + b);
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 2);
}

template <class E>
void addTransposed(benchmark::State& s) {
  auto a = E::ones({kBig, kBig}), b = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(a.t() + b.t());
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 3);
}

template <class E>
void addMixedStrides(benchmark::State& s) {
  auto a = E::ones({kBig, kBig}), b = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(a.t() + b);
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 3);
}

template <class E>
void addSmall(benchmark::State& s) {
  auto a = E::ones({3}), b = E::ones({3});
  for (auto _ : s) benchmark::DoNotOptimize(a + b);
}

template <class E>
void mulScalarSmall(benchmark::State& s) {
  auto a = E::ones({3});
  for (auto _ : s) benchmark::DoNotOptimize(a * 2.5);
}

template <class E>
void registerEngine() {
  const std::string e = E::name;
  auto big = [&](const std::string& name, void (*fn)(benchmark::State&)) {
    benchmark::RegisterBenchmark((name + "/" + e).c_str(), fn)->UseRealTime();
  };
  big("add 16M f32", add16M<E>);
  big("add_ 16M f32 in place", addInPlace16M<E>);
  big("[4096,4096] + [4096]", addBroadcastRow<E>);
  big("a.t() + b.t()", addTransposed<E>);
  big("a.t() + b (mixed strides)", addMixedStrides<E>);
  benchmark::RegisterBenchmark(("add of two 3-element/" + e).c_str(), addSmall<E>);
  benchmark::RegisterBenchmark(("3-element * 2.5/" + e).c_str(), mulScalarSmall<E>);
}

}  // namespace

void registerBinary() {
  registerEngine<TorchEngine>();
  registerEngine<FastEngine>();
  registerEngine<RefEngine>();
}

}  // namespace parity::bench
