// RAND-4, RAND-9, RAND-11: normal_, randn, randn_like and the normal
// overloads. torch's normal_kernel picks one of two paths: 16 or more
// contiguous elements use the block fill (box_muller.cpp, float32 its own);
// anything else draws one normal_distribution<double> sample per element in
// TensorIterator order, through the generator's cached second sample.
#include <cmath>
#include <numbers>
#include <sstream>

#include "core/dispatch.h"
#include "meta/view_meta.h"
#include "parity/fast/functions.h"
#include "parity/fast/random.h"
#include "random/box_muller.h"
#include "random/normal_float.h"
#include "random/sample_common.h"
#include "random/uniform_real.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

void check_std(double sd) {
  if (!(sd >= 0.0)) throw Error("normal expects std >= 0.0, but found std " + num(sd));
}

void check_std_tensor(const Tensor& sd) {
  if (sd.numel() == 0) return;
  const Tensor bad = sd.ge(0).logical_not().any();
  if (bad.item<bool>()) throw Error("normal expects all elements of std >= 0.0");
}

// at::normal_distribution<double>: one Box-Muller pair per two calls; the
// scaling is fused (LibTorch's build contracts it to an FMA).
double normal_double(random::GeneratorImpl& g, double mean, double sd) {
  if (g.next_double_normal) {
    const double r = std::fma(*g.next_double_normal, sd, mean);
    g.next_double_normal.reset();
    return r;
  }
  const double u1 = random::UniformReal<double>::unit(g.random64());
  const double u2 = random::UniformReal<double>::unit(g.random64());
  const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
  const double theta = 2.0 * std::numbers::pi * u1;
  g.next_double_normal = r * std::sin(theta);
  return std::fma(r * std::cos(theta), sd, mean);
}

template <class T>
void fill_path(const Tensor& self, random::GeneratorImpl& g, double mean, double sd) {
  T* d = self.data_ptr<T>();
  const int64_t n = self.numel();
  const random::UniformReal<T> unit(0, 1);
  random::generate_uniform(g, d, n, unit);
  T tail[16];
  const bool has_tail = n % 16 != 0;
  if (has_tail) random::generate_uniform(g, tail, 16, unit);
  const T m = core::convert<T>(mean), s = core::convert<T>(sd);
  if constexpr (std::is_same_v<T, float>) {
    random::normal_fill_float(d, n / 16, m, s);
  } else {
    random::box_muller_blocks(d, n / 16, m, s);
  }
  if (has_tail) {
    // torch redraws the last 16 slots and transforms them again.
    std::copy(tail, tail + 16, d + n - 16);
    if constexpr (std::is_same_v<T, float>) {
      random::normal_fill_float(d + n - 16, 1, m, s);
    } else {
      random::box_muller_blocks(d + n - 16, 1, m, s);
    }
  }
}

}  // namespace

Tensor& Tensor::normal_(double mean, double std, std::optional<Generator> generator) {
  check_std(std);
  const ScalarType dt = dtype();
  random::require_floating("normal_kernel_cpu", dt);
  random::check_output(*this);
  detail::bump_version(*this);
  auto& g = random::resolve(generator);
  std::lock_guard<std::mutex> lock(g.mutex);
  core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if constexpr (core::is_float_v<T>) {
      if (numel() >= 16 && is_contiguous()) {
        fill_path<T>(*this, g, mean, std);
      } else {
        random::fill_ordered<T>(*this, [&](T* out, int64_t n) {
          for (int64_t k = 0; k < n; ++k) out[k] = core::convert<T>(normal_double(g, mean, std));
        });
      }
    }
  });
  return *this;
}

Tensor randn(IntArrayRef size, TensorOptions options) { return randn(size, std::nullopt, options); }

Tensor randn(IntArrayRef size, std::optional<Generator> generator, TensorOptions options) {
  Tensor t = empty(size, options.requires_grad(false));
  t.normal_(0, 1, std::move(generator));
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

Tensor randn_like(const Tensor& self, TensorOptions options) {
  Tensor t = empty_like(self, options.requires_grad(false));
  t.normal_(0, 1);
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

Tensor normal(double mean,
              double std,
              IntArrayRef size,
              std::optional<Generator> generator,
              TensorOptions options) {
  Tensor t = empty(size, options.requires_grad(false));
  t.normal_(mean, std, std::move(generator));
  if (options.requires_grad()) t.requires_grad_(true);
  return t;
}

Tensor normal(const Tensor& mean, double std, std::optional<Generator> generator) {
  check_std(std);
  Tensor out = empty(mean.sizes(), mean.dtype());
  out.normal_(0, std, std::move(generator));
  out.add_(mean);
  return out;
}

Tensor normal(double mean, const Tensor& std, std::optional<Generator> generator) {
  check_std_tensor(std);
  Tensor out = empty(std.sizes(), std.dtype());
  out.normal_(0, 1, std::move(generator));
  out.mul_(std).add_(mean);
  return out;
}

Tensor normal(const Tensor& mean, const Tensor& std, std::optional<Generator> generator) {
  check_std_tensor(std);
  const DimVector shape = meta::broadcast_shapes(mean.sizes(), std.sizes());
  Tensor out = empty(shape.ref(), mean.dtype());
  out.normal_(0, 1, std::move(generator));
  out.mul_(std).add_(mean);
  return out;
}

}  // namespace parity::fast
