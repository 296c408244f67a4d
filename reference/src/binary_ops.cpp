// add, sub, mul, div and their in-place forms (ATen/native/BinaryOps.cpp
// and cpu/BinaryOpsKernel.cpp, torch 1.13). Each op: torch's argument checks,
// then the elementwise core (elementwise.cpp) with the per-element kernel.
// Integers wrap (computed in uint64, converted back); float16/bfloat16
// compute in float and round once; add/sub compute a + alpha * b with one
// fused multiply-add, as torch's vectorized kernel does.
#include <cmath>
#include <cstdint>
#include <string>

#include "elementwise.h"
#include "parity/ref/factories.h"
#include "parity/ref/ops.h"

namespace parity::ref {

namespace {

// at::native::alpha_check, on the op's common dtype.
void check_alpha(ScalarType common, const Scalar& alpha) {
  if (alpha.isBoolean() && common != kBool)
    throw Error("Boolean alpha only supported for Boolean results.");
  if (!isFloatingType(common) && !alpha.isIntegral(true))
    throw Error("For integral input tensors, argument alpha must not be a floating point number.");
}

// at::native::sub_check: bool tensors (a bool Scalar included) cannot be subtracted.
void check_sub(const Operand& a, const Operand& b) {
  const bool bool_a = a.tensor.scalar_type() == kBool, bool_b = b.tensor.scalar_type() == kBool;
  if (bool_a && bool_b)
    throw Error(
        "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
        "`logical_xor()` operator instead.");
  if (bool_a || bool_b)
    throw Error(
        "Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.");
}

template <class C>
C wrap(uint64_t bits) {
  return static_cast<C>(bits);  // modular since C++20
}

// add_kernel: a + alpha * b (alpha already in the compute type).
template <class C>
C add_values(C a, C b, C alpha) {
  if constexpr (std::is_same_v<C, bool>)
    return a || (alpha && b);
  else if constexpr (std::is_integral_v<C>)
    return wrap<C>(static_cast<uint64_t>(a) +
                   static_cast<uint64_t>(alpha) * static_cast<uint64_t>(b));
  else
    return std::fma(b, alpha, a);
}

// add and sub (sub is add with -alpha, as sub_out does).
Tensor& add_into(const ElementwiseLoop& loop, const Scalar& alpha) {
  check_alpha(loop.common, alpha);
  // alpha.to<scalar_t>(): range-checked into the common dtype.
  const Scalar alpha_value = full({}, alpha, TensorOptions().dtype(loop.common)).item();
  run_elementwise(loop, [&](auto a, auto b) {
    using C = decltype(a);
    return add_values<C>(a, b, load<C>(alpha_value));
  });
  return const_cast<Tensor&>(loop.out);
}

Scalar negated(const Scalar& s) {
  if (s.isFloatingPoint()) return Scalar(-s.toDouble());
  return Scalar(static_cast<int64_t>(0 - static_cast<uint64_t>(s.toLong())));
}

Tensor add_op(const Operand& a, const Operand& b, const Scalar& alpha, bool in_place) {
  const ScalarType common = result_type_of({a, b});
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  return add_into(loop, alpha);
}

Tensor sub_op(const Operand& a, const Operand& b, const Scalar& alpha, bool in_place) {
  check_sub(a, b);
  const ScalarType common = result_type_of({a, b});
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  check_alpha(common, alpha);
  return add_into(loop, negated(alpha));
}

// mul_kernel: bool is logical and.
Tensor mul_op(const Operand& a, const Operand& b, bool in_place) {
  const ScalarType common = result_type_of({a, b});
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  run_elementwise(loop, [](auto x, auto y) {
    using C = decltype(x);
    if constexpr (std::is_same_v<C, bool>)
      return x && y;
    else if constexpr (std::is_integral_v<C>)
      return wrap<C>(static_cast<uint64_t>(x) * static_cast<uint64_t>(y));
    else
      return x * y;
  });
  return loop.out;
}

}  // namespace

Tensor Tensor::add(const Tensor& other, const Scalar& alpha) const {
  return add_op({*this}, {other}, alpha, false);
}
Tensor Tensor::add(const Scalar& other, const Scalar& alpha) const {
  return add_op({*this}, wrap_scalar(other), alpha, false);
}
Tensor Tensor::sub(const Tensor& other, const Scalar& alpha) const {
  return sub_op({*this}, {other}, alpha, false);
}
Tensor Tensor::sub(const Scalar& other, const Scalar& alpha) const {
  return sub_op({*this}, wrap_scalar(other), alpha, false);
}
Tensor Tensor::mul(const Tensor& other) const { return mul_op({*this}, {other}, false); }
Tensor Tensor::mul(const Scalar& other) const { return mul_op({*this}, wrap_scalar(other), false); }

Tensor& Tensor::add_(const Tensor& other, const Scalar& alpha) const {
  add_op({*this}, {other}, alpha, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::add_(const Scalar& other, const Scalar& alpha) const {
  add_op({*this}, wrap_scalar(other), alpha, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::sub_(const Tensor& other, const Scalar& alpha) const {
  sub_op({*this}, {other}, alpha, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::sub_(const Scalar& other, const Scalar& alpha) const {
  sub_op({*this}, wrap_scalar(other), alpha, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::mul_(const Tensor& other) const {
  mul_op({*this}, {other}, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::mul_(const Scalar& other) const {
  mul_op({*this}, wrap_scalar(other), true);
  return const_cast<Tensor&>(*this);
}

Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return self.add(other, alpha);
}
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return self.add(other, alpha);
}
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha) {
  return self.sub(other, alpha);
}
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha) {
  return self.sub(other, alpha);
}
Tensor mul(const Tensor& self, const Tensor& other) { return self.mul(other); }
Tensor mul(const Tensor& self, const Scalar& other) { return self.mul(other); }

}  // namespace parity::ref
