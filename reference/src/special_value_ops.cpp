// isnan isinf isfinite nan_to_num (ATen/native/TensorCompare.cpp,
// UnaryOps.cpp, torch 1.13).
// isnan is x != x; isinf and isfinite of integer and bool inputs are
// zeros_like / ones_like (kBool, self's layout kept); of floating inputs,
// comparisons laid out by TensorIterator.
// nan_to_num replaces NaN by `nan` (default 0), +inf by `posinf` and -inf
// by `neginf` (default: the dtype's largest / lowest finite value), each
// replacement converted to the dtype; integer and bool inputs are copied.
// The result is empty_like(self) (self's layout kept).
#include <cmath>
#include <limits>

#include "layout.h"
#include "parity/ref/factories.h"
#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

template <class C>
bool is_inf(C x) {
  if constexpr (std::is_floating_point_v<C>)
    return std::isinf(x);
  else
    return false;
}

// The largest finite value of a floating dtype.
double largest(ScalarType dtype) {
  switch (dtype) {
    case kHalf:
      return 65504.0;
    case kBFloat16:
      return 3.3895313892515355e38;
    case kFloat:
      return std::numeric_limits<float>::max();
    default:
      return std::numeric_limits<double>::max();
  }
}

Tensor nan_to_num_into(const ElementwiseLoop& loop,
                       std::optional<double> nan,
                       std::optional<double> posinf,
                       std::optional<double> neginf) {
  const ScalarType dtype = loop.common;
  if (!isFloatingType(dtype)) {  // nothing to replace: a copy
    run_elementwise(loop, [](auto x) { return x; });
    return loop.out;
  }
  const double nan_value = nan.value_or(0.0);
  const double pos_value = posinf.value_or(largest(dtype));
  const double neg_value = neginf.value_or(-largest(dtype));
  run_elementwise(loop, [&](auto x) {
    using C = decltype(x);
    if (x != x) return static_cast<C>(nan_value);
    if (is_inf(x)) return static_cast<C>(x > 0 ? pos_value : neg_value);
    return x;
  });
  return loop.out;
}

}  // namespace

Tensor Tensor::isnan() const {
  const ElementwiseLoop loop = plan_out_of_place({{*this}}, scalar_type(), kBool);
  run_elementwise(loop, [](auto x) { return x != x; });
  return loop.out;
}

Tensor Tensor::isinf() const {
  if (!isFloatingType(scalar_type())) return zeros_like(*this, TensorOptions().dtype(kBool));
  const ElementwiseLoop loop = plan_out_of_place({{*this}}, scalar_type(), kBool);
  run_elementwise(loop, [](auto x) { return is_inf(x); });
  return loop.out;
}

Tensor Tensor::isfinite() const {
  if (!isFloatingType(scalar_type())) return ones_like(*this, TensorOptions().dtype(kBool));
  const ElementwiseLoop loop = plan_out_of_place({{*this}}, scalar_type(), kBool);
  run_elementwise(loop, [](auto x) { return x == x && !is_inf(x); });
  return loop.out;
}

Tensor Tensor::nan_to_num(std::optional<double> nan,
                          std::optional<double> posinf,
                          std::optional<double> neginf) const {
  const ScalarType dtype = scalar_type();
  const ElementwiseLoop loop{{*this}, empty_preserving(*this, dtype), dtype};
  return nan_to_num_into(loop, nan, posinf, neginf);
}

Tensor& Tensor::nan_to_num_(std::optional<double> nan,
                            std::optional<double> posinf,
                            std::optional<double> neginf) const {
  if (isFloatingType(scalar_type())) {
    nan_to_num_into(plan_in_place({{*this}}, scalar_type()), nan, posinf, neginf);
  } else {
    impl()->storage->version++;  // LibTorch copies self onto itself: a write, no checks
  }
  return const_cast<Tensor&>(*this);
}

Tensor isnan(const Tensor& self) { return self.isnan(); }
Tensor isinf(const Tensor& self) { return self.isinf(); }
Tensor isfinite(const Tensor& self) { return self.isfinite(); }
Tensor nan_to_num(const Tensor& self,
                  std::optional<double> nan,
                  std::optional<double> posinf,
                  std::optional<double> neginf) {
  return self.nan_to_num(nan, posinf, neginf);
}

}  // namespace parity::ref
