// Reduction, matmul and einsum workloads of the operators issue (the cases of
// ../shared/notes/performance-baseline.md). The reference engine runs matmul
// at a smaller size: its plain triple loop would take minutes at 1024³.
#include "bench.h"

namespace parity::bench {
namespace {

template <class E>
void sumAll(benchmark::State& s) {
  auto a = E::ones({kBig, kBig});
  for (auto _ : s) benchmark::DoNotOptimize(a.sum());
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4);
}

template <class E>
void sumDim(benchmark::State& s) {
  auto a = E::ones({kBig, kBig});
  const int64_t dim = s.range(0);
  for (auto _ : s) benchmark::DoNotOptimize(a.sum(dim));
  s.SetBytesProcessed(s.iterations() * kBig * kBig * 4);
}

template <class E>
void matmul(benchmark::State& s) {
  const int64_t n = s.range(0);
  auto a = E::linspace(-1, 1, n * n).reshape({n, n});
  auto b = E::linspace(1, -1, n * n).reshape({n, n});
  for (auto _ : s) benchmark::DoNotOptimize(a.matmul(b));
  s.counters["GFLOP/s"] =
      benchmark::Counter(static_cast<double>(2 * n * n * n) * s.iterations(),
                         benchmark::Counter::kIsRate, benchmark::Counter::kIs1000);
}

template <class E>
void einsumGray(benchmark::State& s) {
  auto img = E::ones({64, 3, 256, 256});
  auto w = E::tensor({0.2126, 0.7152, 0.0722});
  const std::vector<typename E::Tensor> ops = {img, w};
  for (auto _ : s) benchmark::DoNotOptimize(E::einsum("...chw,c->...hw", ops));
  s.SetBytesProcessed(s.iterations() * img.numel() * 4);
}

template <class E>
void registerEngine(bool reference) {
  const std::string e = E::name;
  auto big = [&](const std::string& name, void (*fn)(benchmark::State&)) {
    return benchmark::RegisterBenchmark((name + "/" + e).c_str(), fn)->UseRealTime();
  };
  big("sum of [4096,4096]", sumAll<E>);
  big("sum(0) of [4096,4096]", sumDim<E>)->Arg(0);
  big("sum(1) of [4096,4096]", sumDim<E>)->Arg(1);
  big("einsum ...chw,c->...hw", einsumGray<E>);
  big("matmul 256^3 f32", matmul<E>)->Arg(256);
  if (!reference) big("matmul 1024^3 f32", matmul<E>)->Arg(1024);
}

}  // namespace

void registerReduceLinalg() {
  registerEngine<TorchEngine>(false);
  registerEngine<FastEngine>(false);
  registerEngine<RefEngine>(true);
}

}  // namespace parity::bench
