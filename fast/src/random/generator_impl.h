// RAND-1: CPUGeneratorImpl's state: the engine, its mutex and the cached
// second Box-Muller sample of double and of float.
#pragma once
#include <mutex>
#include <optional>

#include "parity/fast/generator.h"
#include "random/mt19937.h"

namespace parity::fast::random {

struct GeneratorImpl {
  std::mutex mutex;
  MT19937 engine;
  std::optional<double> next_double_normal;
  std::optional<float> next_float_normal;

  uint32_t random() { return engine(); }
  uint64_t random64() {
    const uint32_t hi = engine();
    const uint32_t lo = engine();
    return (static_cast<uint64_t>(hi) << 32) | lo;
  }
};

// The generator an op draws from: the one given, else the default.
GeneratorImpl& resolve(const std::optional<Generator>& gen);

}  // namespace parity::fast::random
