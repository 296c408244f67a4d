// abs, sign and the in-place neg_ (ATen/native/UnaryOps.cpp, torch 1.13).
// Both keep the dtype. abs refuses bool; abs of the most negative integer
// wraps to itself. sign is (0 < x) - (x < 0): NaN and -0.0 give +0.0, bool
// passes through. neg itself is in unary_ops.cpp.
#include <cmath>
#include <cstdint>

#include "parity/ref/ops.h"
#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

Tensor abs_op(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  if (dtype == kBool) throw_not_implemented("abs_cpu", dtype);
  run_elementwise(loop, [](auto x) {
    using C = decltype(x);
    if constexpr (std::is_floating_point_v<C>)
      return std::fabs(x);
    else if constexpr (std::is_signed_v<C>)
      return x < 0 ? static_cast<C>(0 - static_cast<uint64_t>(x)) : x;
    else
      return x;
  });
  return loop.out;
}

Tensor sign_op(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  run_elementwise(loop, [](auto x) {
    using C = decltype(x);
    if constexpr (std::is_same_v<C, bool>)
      return x;
    else
      return static_cast<C>(static_cast<int>(C(0) < x) - static_cast<int>(x < C(0)));
  });
  return loop.out;
}

}  // namespace

Tensor Tensor::abs() const { return abs_op(*this, false); }
Tensor Tensor::sign() const { return sign_op(*this, false); }

Tensor& Tensor::abs_() const {
  abs_op(*this, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::sign_() const {
  sign_op(*this, true);
  return const_cast<Tensor&>(*this);
}
// neg's checks, then the result copied back: one write, one version bump.
Tensor& Tensor::neg_() const {
  const Tensor negated = neg();
  const ElementwiseLoop loop = plan_in_place({{*this}, {negated}}, scalar_type());
  run_elementwise(loop, [](auto, auto y) { return y; });
  return const_cast<Tensor&>(*this);
}

Tensor abs(const Tensor& self) { return self.abs(); }
Tensor sign(const Tensor& self) { return self.sign(); }
Tensor neg(const Tensor& self) { return self.neg(); }

}  // namespace parity::ref
