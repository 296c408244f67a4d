// Workloads of the tensor model itself: copies, conversions, view and
// indexing latency.
#include "bench.h"

namespace parity::bench {
namespace {

template <class E>
void clone16M(benchmark::State& s) {
  auto x = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(x.clone());
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 2);
}

template <class E>
void transposeContiguous(benchmark::State& s) {
  auto x = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(x.t().contiguous());
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 2);
}

template <class E>
void toHalf16M(benchmark::State& s) {
  auto x = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(x.to(E::kFloat16));
  s.SetBytesProcessed(s.iterations() * kBig * kBig * (4 + 2));
}

template <class E>
void copyTransposedInto(benchmark::State& s) {
  auto x = E::ones({kBig, kBig});
  auto y = E::empty({kBig, kBig});
  for (auto _ : s) y.copy_(x.t());
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4 * 2);
}

template <class E>
void zerosSmall(benchmark::State& s) {
  for (auto _ : s) benchmark::DoNotOptimize(E::zeros({3, 2}));
}

template <class E>
void viewChain(benchmark::State& s) {
  auto x = E::ones({4, 6});
  for (auto _ : s)
    benchmark::DoNotOptimize(x.view({2, 12}).transpose(0, 1).narrow(0, 1, 4).unsqueeze(0));
}

template <class E>
void indexSmall(benchmark::State& s) {
  auto x = E::ones({4, 6});
  for (auto _ : s) benchmark::DoNotOptimize(x.index({E::Slice(1, E::None), 0}));
}

template <class E>
void registerEngine() {
  const std::string e = E::name;
  benchmark::RegisterBenchmark(("clone 16M f32/" + e).c_str(), clone16M<E>)->UseRealTime();
  benchmark::RegisterBenchmark(("t().contiguous() 4096^2 f32/" + e).c_str(), transposeContiguous<E>)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("to(kHalf) 16M f32/" + e).c_str(), toHalf16M<E>)->UseRealTime();
  benchmark::RegisterBenchmark(("copy_ from t() 4096^2 f32/" + e).c_str(), copyTransposedInto<E>)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("zeros({3,2})/" + e).c_str(), zerosSmall<E>);
  benchmark::RegisterBenchmark(("view chain of 4 views/" + e).c_str(), viewChain<E>);
  benchmark::RegisterBenchmark(("index({Slice(1,None), 0})/" + e).c_str(), indexSmall<E>);
}

}  // namespace

void registerTensorModel() {
  registerEngine<TorchEngine>();
  registerEngine<FastEngine>();
  registerEngine<RefEngine>();
}

}  // namespace parity::bench
