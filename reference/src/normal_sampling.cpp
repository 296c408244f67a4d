// normal_, randn, randn_like and the four normal() forms. normal_ picks one
// of LibTorch's three paths: the float32 fill, the scalar fill (contiguous,
// 16 or more elements), else one cached Box-Muller draw per element in
// TensorIterator order. The Tensor-parameter forms draw N(0, std) or N(0, 1)
// and then scale and shift with the pointwise ops, as LibTorch does.
// Clauses: RAND-4, RAND-9, RAND-11.
#include <sstream>

#include "broadcast.h"
#include "dispatch.h"
#include "normal_fill.h"
#include "overlap.h"
#include "parity/ref/factories.h"
#include "parity/ref/random.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

void check_std(double std) {
  if (!(std >= 0.0)) {
    std::ostringstream msg;
    msg << "normal expects std >= 0.0, but found std " << std;
    throw Error(msg.str());
  }
}

// CHECK_NORMAL_TENSOR_STD: std.min() >= 0 (a NaN minimum fails).
void check_std(const Tensor& std) {
  for (const Scalar& v : read_all(std))
    if (!(v.toDouble() >= 0.0)) throw Error("normal expects all elements of std >= 0.0");
}

// A fresh tensor's own draws are not user writes.
Tensor fresh(Tensor t) {
  t.impl()->storage->version = 0;
  return t;
}

}  // namespace

Tensor& Tensor::normal_(double mean, double std, std::optional<Generator> generator) const {
  const TensorImpl& self = checked_impl();
  check_std(std);
  GeneratorImpl& gen = generator_or_default(generator);
  const bool fill_path = numel() >= 16 && is_contiguous();
  if (self.dtype == kFloat && fill_path) {
    normal_fill_float(self, mean, std, gen);
  } else {
    if (!isFloatingType(self.dtype)) throw_not_implemented("normal_kernel_cpu", self.dtype);
    if (fill_path) {
      normal_fill_scalar(self, mean, std, gen);
    } else {
      check_no_internal_overlap(self);
      const std::vector<int64_t> order = storage_indices_in_order(self, iteration_dims(self));
      dispatch_dtype(self.dtype, [&]<class T>() {
        if constexpr (std::is_same_v<T, double> || std::is_same_v<T, float> ||
                      std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>)
          for (int64_t i : order)
            *element_at<T>(self, i) = from_double<T>(normal_double(gen, mean, std));
      });
    }
  }
  bump_version(*this);
  return const_cast<Tensor&>(*this);
}

Tensor randn(IntArrayRef size, TensorOptions options) { return randn(size, std::nullopt, options); }

Tensor randn(IntArrayRef size, std::optional<Generator> generator, TensorOptions options) {
  Tensor t = empty(size, options);
  t.normal_(0, 1, generator);
  return fresh(t);
}

Tensor randn_like(const Tensor& self, TensorOptions options) {
  Tensor t = empty_like(self, options);
  t.normal_(0, 1);
  return fresh(t);
}

Tensor normal(double mean,
              double std,
              IntArrayRef size,
              std::optional<Generator> generator,
              TensorOptions options) {
  Tensor t = empty(size, options);
  t.normal_(mean, std, generator);
  return fresh(t);
}

Tensor normal(const Tensor& mean, double std, std::optional<Generator> generator) {
  check_std(std);
  Tensor out = empty(mean.sizes(), mean.scalar_type());
  out.normal_(0, std, generator);
  out.add_(mean);
  return fresh(out);
}

Tensor normal(double mean, const Tensor& std, std::optional<Generator> generator) {
  check_std(std);
  Tensor out = empty(std.sizes(), std.scalar_type());
  // mean becomes a 0-d tensor of the output's dtype before the draws
  const Tensor mean_tensor = full({}, mean, out.scalar_type());
  out.normal_(0, 1, generator);
  out.mul_(std).add_(mean_tensor);
  return fresh(out);
}

Tensor normal(const Tensor& mean, const Tensor& std, std::optional<Generator> generator) {
  check_std(std);
  Tensor out = empty(broadcast_shape(mean.sizes(), std.sizes()), mean.scalar_type());
  out.normal_(0, 1, generator);
  out.mul_(std).add_(mean);
  return fresh(out);
}

}  // namespace parity::ref
