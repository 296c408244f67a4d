// Random sampling: LibTorch 1.13's CPU streams, element for element. Every
// function takes an optional Generator (absent: default_generator()); the
// in-place members (uniform_, normal_, random_, bernoulli_, exponential_)
// are declared in tensor.h.
// Clauses: RAND-1 ... RAND-11.
#pragma once
#include <cstdint>
#include <optional>

#include "parity/ref/generator.h"
#include "parity/ref/tensor.h"
#include "parity/ref/vocabulary.h"

namespace parity::ref {

Tensor rand(IntArrayRef size, TensorOptions options = {});
Tensor rand(IntArrayRef size, std::optional<Generator> generator, TensorOptions options = {});
Tensor randn(IntArrayRef size, TensorOptions options = {});
Tensor randn(IntArrayRef size, std::optional<Generator> generator, TensorOptions options = {});

// [0, high) and [low, high); int64 unless told otherwise.
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
// The result has mean's dtype (std's for a double mean) and the broadcast shape.
Tensor normal(const Tensor& mean,
              double std = 1,
              std::optional<Generator> generator = std::nullopt);
Tensor normal(double mean, const Tensor& std, std::optional<Generator> generator = std::nullopt);
Tensor normal(const Tensor& mean,
              const Tensor& std,
              std::optional<Generator> generator = std::nullopt);

Tensor randperm(int64_t n, TensorOptions options = kLong);
Tensor randperm(int64_t n, std::optional<Generator> generator, TensorOptions options = kLong);

// Each element 1 with probability p[i]; the result has p's dtype.
Tensor bernoulli(const Tensor& p, std::optional<Generator> generator = std::nullopt);
// Each element 1 with probability p; the result has self's dtype and shape.
Tensor bernoulli(const Tensor& self, double p, std::optional<Generator> generator = std::nullopt);

// self's shape, dtype and (dense) strides unless options say otherwise.
Tensor rand_like(const Tensor& self, TensorOptions options = {});
Tensor randn_like(const Tensor& self, TensorOptions options = {});
Tensor randint_like(const Tensor& self, int64_t high, TensorOptions options = {});
Tensor randint_like(const Tensor& self, int64_t low, int64_t high, TensorOptions options = {});

}  // namespace parity::ref
