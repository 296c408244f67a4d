// Internal: the record behind a Generator handle (CPUGeneratorImpl): the
// engine and the second sample of the last Box-Muller pair, kept per type.
// Clauses: RAND-1, RAND-2.
#pragma once
#include <cstdint>
#include <optional>

#include "mt19937.h"
#include "parity/ref/generator.h"

namespace parity::ref {

struct GeneratorImpl {
  Mt19937 engine;
  std::optional<double> next_double_normal_sample;
  // Never filled by a CPU kernel; kept so states round-trip (get_state).
  std::optional<float> next_float_normal_sample;

  // One 32-bit output.
  uint32_t random() { return engine(); }
  // Two outputs, the first one high.
  uint64_t random64() {
    const uint64_t hi = engine();
    const uint64_t lo = engine();
    return (hi << 32) | lo;
  }
};

// The generator a draw uses: the given one, else the default.
GeneratorImpl& generator_or_default(const std::optional<Generator>& gen);

}  // namespace parity::ref
