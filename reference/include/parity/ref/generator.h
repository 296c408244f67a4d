// Generator: a handle on one CPU random generator (at::Generator over a
// CPUGeneratorImpl): mt19937 plus the cached second Box-Muller sample of
// double and of float. Copies alias the same generator.
// Clauses: RAND-1, RAND-2, RAND-10.
#pragma once
#include <cstdint>
#include <memory>

#include "parity/ref/vocabulary.h"

namespace parity::ref {

class Tensor;          // the state travels as a kByte tensor (tensor.h)
struct GeneratorImpl;  // the engine and caches; defined in src/generator_impl.h

class Generator {
 public:
  explicit Generator(std::shared_ptr<GeneratorImpl> impl) : impl_(std::move(impl)) {}

  // Reseeds and drops both cached normal samples.
  void set_current_seed(uint64_t seed) const;
  uint64_t current_seed() const;
  // Seeds from a non-deterministic source; returns that seed.
  uint64_t seed() const;
  // LibTorch's CPUGeneratorImplState, byte for byte: a kByte tensor of 5056.
  Tensor get_state() const;
  // Accepts the 5056-byte state or the 5048-byte legacy one.
  void set_state(const Tensor& new_state) const;
  // An independent generator in the same state.
  Generator clone() const;

  GeneratorImpl& impl() const { return *impl_; }

 private:
  std::shared_ptr<GeneratorImpl> impl_;
};

// at::detail::createCPUGenerator(seed).
Generator make_generator(uint64_t seed = default_rng_seed_val);
// at::detail::getDefaultCPUGenerator(): the one every draw without an
// explicit generator uses.
Generator default_generator();

// Python's torch.manual_seed, initial_seed, seed, get_rng_state,
// set_rng_state: the default generator.
void manual_seed(uint64_t seed);
uint64_t initial_seed();
uint64_t seed();
Tensor get_rng_state();
void set_rng_state(const Tensor& new_state);

}  // namespace parity::ref
