// RAND-1, RAND-2, RAND-10: Generator, a handle on one CPU generator
// (LibTorch's at::Generator over a CPUGeneratorImpl): copies alias it.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>

#include "parity/fast/vocabulary.h"

namespace parity::fast {

class Tensor;
namespace random {
struct GeneratorImpl;
}  // namespace random

class Generator {
 public:
  Generator() = default;  // undefined, as a default-constructed at::Generator
  explicit Generator(std::shared_ptr<random::GeneratorImpl> impl) : impl_(std::move(impl)) {}

  bool defined() const { return static_cast<bool>(impl_); }
  // Reseeds and drops the cached normal samples.
  void set_current_seed(uint64_t seed);
  uint64_t current_seed() const;
  // Seeds from a non-deterministic source; returns that seed.
  uint64_t seed();
  // LibTorch's 5056-byte kByte state.
  Tensor get_state() const;
  void set_state(const Tensor& new_state);
  Generator clone() const;
  // Held while drawing; callers composing draws may hold it, as at::Generator's.
  std::mutex& mutex() const;

  random::GeneratorImpl* impl() const { return impl_.get(); }

 private:
  std::shared_ptr<random::GeneratorImpl> impl_;
};

Generator make_generator(uint64_t seed = default_rng_seed_val);
// The process's default CPU generator.
const Generator& default_generator();

}  // namespace parity::fast
