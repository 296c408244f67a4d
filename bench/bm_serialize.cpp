// Save and load of one 256 MiB float32 tensor through a file (issue 5):
// the engines' torch.save format (atomic save: temp file, fsync, rename)
// against LibTorch's torch::pickle_save / pickle_load of the same format.
// The file lives in PARITY_BENCH_DIR (default: the system temp dir).
#include <cstdlib>
#include <filesystem>

#include "bench.h"

namespace parity::bench {
namespace {

constexpr int64_t kElements = int64_t{64} << 20;  // 64 Mi float32 = 256 MiB

std::string benchFile(const std::string& engine) {
  const char* dir = std::getenv("PARITY_BENCH_DIR");
  const auto base = dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  return (base / ("parity_bench_" + engine + ".pt")).string();
}

template <class E>
void save256(benchmark::State& s) {
  const auto t = E::ones({kElements});
  const std::string path = benchFile(E::name);
  for (auto _ : s) E::save(t, path);
  std::filesystem::remove(path);
  s.SetBytesProcessed(s.iterations() * kElements * 4);
}

template <class E>
void load256(benchmark::State& s) {
  const std::string path = benchFile(E::name);
  E::save(E::ones({kElements}), path);
  for (auto _ : s) benchmark::DoNotOptimize(E::load_tensor(path));
  std::filesystem::remove(path);
  s.SetBytesProcessed(s.iterations() * kElements * 4);
}

template <class E>
void registerEngine() {
  const std::string e = E::name;
  benchmark::RegisterBenchmark(("save 256 MiB f32/" + e).c_str(), save256<E>)->UseRealTime();
  benchmark::RegisterBenchmark(("load 256 MiB f32/" + e).c_str(), load256<E>)->UseRealTime();
}

}  // namespace

void registerSerialize() {
  registerEngine<TorchEngine>();
  registerEngine<FastEngine>();
  registerEngine<RefEngine>();
}

}  // namespace parity::bench
