// The tensor model's own work (copies, conversions, small-op latency) on
// reference, fast and LibTorch in one process, then the ratios. Run:
//   build/release/bench/bench_tensor_model            (PARITY_BENCH_THREADS=1 by default)
// Google Benchmark flags apply (--benchmark_filter=clone, --benchmark_repetitions=9).
#include <ATen/Parallel.h>
#include <benchmark/benchmark.h>
#include <omp.h>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>

#include "engines/fast_engine.h"
#include "engines/ref_engine.h"
#include "engines/torch_engine.h"

using namespace parity::conf;

namespace {

constexpr int64_t kBig = 4096;  // 4096 x 4096 float32 = 64 MiB

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
void registerAll() {
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

// Prints the usual table, then each workload's time on LibTorch divided by
// each engine's (above 1: faster than LibTorch), from medians when repeated.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  RatioReporter() : ConsoleReporter(OO_Tabular) {}
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& r : runs) {
      if (r.error_occurred) continue;
      if (r.run_type == Run::RT_Aggregate && r.aggregate_name != "median") continue;
      const std::string& name = r.run_name.function_name;  // "workload/engine"
      const auto slash = name.rfind('/');
      times_[name.substr(0, slash)][name.substr(slash + 1)] = r.GetAdjustedRealTime();
    }
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::cout << "\nLibTorch time / engine time (above 1: faster than LibTorch)\n";
    std::cout << std::left << std::setw(32) << "workload" << std::setw(12) << "fast"
              << "reference\n";
    for (const auto& [work, t] : times_) {
      if (!t.count("libtorch")) continue;
      std::cout << std::setw(32) << work << std::fixed << std::setprecision(2) << std::setw(12)
                << (t.count("fast") ? t.at("libtorch") / t.at("fast") : 0.0)
                << (t.count("reference") ? t.at("libtorch") / t.at("reference") : 0.0) << "\n";
    }
  }

 private:
  std::map<std::string, std::map<std::string, double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("PARITY_BENCH_THREADS");
  const int threads = env ? std::atoi(env) : 1;
  at::set_num_threads(threads);  // LibTorch's pool
  omp_set_num_threads(threads);  // the fast engine's
  std::cout << "threads: " << threads << " (PARITY_BENCH_THREADS)\n";
  registerAll<TorchEngine>();
  registerAll<FastEngine>();
  registerAll<RefEngine>();
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
}
