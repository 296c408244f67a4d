// RAND-1..RAND-11: sampling with LibTorch 1.13's CPU streams (spec/API.md,
// "Generators and sampling"). The in-place forms are Tensor members
// (tensor.h); every function draws from `generator`, else the default one.
#pragma once
#include <cstdint>
#include <optional>

#include "parity/fast/generator.h"
#include "parity/fast/tensor.h"

namespace parity::fast {

// The default generator, with Python's names.
void manual_seed(uint64_t seed);
uint64_t initial_seed();
uint64_t seed();
Tensor get_rng_state();
void set_rng_state(const Tensor& new_state);

Tensor rand(IntArrayRef size, TensorOptions options = {});
Tensor rand(IntArrayRef size, std::optional<Generator> generator, TensorOptions options = {});
Tensor randn(IntArrayRef size, TensorOptions options = {});
Tensor randn(IntArrayRef size, std::optional<Generator> generator, TensorOptions options = {});

Tensor randint(int64_t high, IntArrayRef size, TensorOptions options = kLong);
Tensor randint(int64_t low, int64_t high, IntArrayRef size, TensorOptions options = kLong);
Tensor randint(int64_t high,
               IntArrayRef size,
               std::optional<Generator> generator,
               TensorOptions options = kLong);
Tensor randint(int64_t low,
               int64_t high,
               IntArrayRef size,
               std::optional<Generator> generator,
               TensorOptions options = kLong);

Tensor normal(double mean,
              double std,
              IntArrayRef size,
              std::optional<Generator> generator = std::nullopt,
              TensorOptions options = {});
Tensor normal(const Tensor& mean,
              double std = 1,
              std::optional<Generator> generator = std::nullopt);
Tensor normal(double mean, const Tensor& std, std::optional<Generator> generator = std::nullopt);
Tensor normal(const Tensor& mean,
              const Tensor& std,
              std::optional<Generator> generator = std::nullopt);

Tensor randperm(int64_t n, TensorOptions options = kLong);
Tensor randperm(int64_t n, std::optional<Generator> generator, TensorOptions options = kLong);

Tensor bernoulli(const Tensor& p, std::optional<Generator> generator = std::nullopt);
Tensor bernoulli(const Tensor& self, double p, std::optional<Generator> generator = std::nullopt);

Tensor rand_like(const Tensor& self, TensorOptions options = {});
Tensor randn_like(const Tensor& self, TensorOptions options = {});
Tensor randint_like(const Tensor& self, int64_t high, TensorOptions options = {});
Tensor randint_like(const Tensor& self, int64_t low, int64_t high, TensorOptions options = {});

}  // namespace parity::fast
