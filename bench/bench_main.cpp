// main() of bench_tensor_model: runs every registered workload on LibTorch,
// fast and reference in one process with equal thread counts, then prints
// LibTorch's time divided by each engine's. Run:
//   PARITY_BENCH_THREADS=1 build/release/bench/bench_tensor_model --benchmark_repetitions=5
// Google Benchmark flags apply (--benchmark_filter=add).
#include <ATen/Parallel.h>
#include <dlfcn.h>

#include <cstdlib>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>

#include "bench.h"

namespace {

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
    std::cout << "\nLibTorch time / engine time (above 1: faster than LibTorch), and reference\n"
                 "time / fast time\n";
    std::cout << std::left << std::setw(32) << "workload" << std::setw(12) << "fast"
              << std::setw(12) << "reference"
              << "fast vs reference\n";
    for (const auto& [work, t] : times_) {
      if (!t.count("libtorch")) continue;
      std::cout << std::setw(32) << work << std::fixed << std::setprecision(2) << std::setw(12)
                << (t.count("fast") ? t.at("libtorch") / t.at("fast") : 0.0) << std::setw(12)
                << (t.count("reference") ? t.at("libtorch") / t.at("reference") : 0.0)
                << (t.count("reference") && t.count("fast") ? t.at("reference") / t.at("fast")
                                                            : 0.0)
                << "\n";
    }
  }

 private:
  std::map<std::string, std::map<std::string, double>> times_;
};

}  // namespace

int main(int argc, char** argv) {
  const char* env = std::getenv("PARITY_BENCH_THREADS");
  const int threads = env ? std::atoi(env) : 1;
  at::set_num_threads(threads);            // LibTorch's pool
  parity::fast::set_num_threads(threads);  // fast's (it runs OpenBLAS one block per thread)
  // LibTorch's GEMM runs on OpenBLAS's own pool, which at::set_num_threads does
  // not limit; the process shares one OpenBLAS, found by name.
  using SetThreads = void (*)(int);
  if (auto set_blas = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
    set_blas(threads);
  else
    std::cout << "OpenBLAS not loaded: LibTorch's GEMM threads are not set\n";
  std::cout << "threads: " << threads << " (PARITY_BENCH_THREADS)\n";
  parity::bench::registerTensorModel();
  parity::bench::registerBinary();
  parity::bench::registerReduceLinalg();
  parity::bench::registerRandom();
  parity::bench::registerSerialize();
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
}
