// remainder fmod floor_divide maximum minimum atan2 (ATen/native/
// BinaryOps.cpp and cpu/BinaryOpsKernel.cpp, torch 1.13), on the common
// dtype of the operands (torch.result_type), with in-place forms where
// LibTorch has them.
// - remainder has Python's sign (the divisor's); fmod has C's (the
//   dividend's); an integer divisor of zero raises "ZeroDivisionError";
//   both refuse bool. MIN % -1 is 0 (LibTorch traps: SIGFPE).
// - floor_divide is div(rounding_mode="floor").
// - maximum/minimum propagate NaN; otherwise ties return the first operand
//   (so maximum(-0.0, 0.0) is -0.0), as the scalar kernel's std::max does.
//   LibTorch's AVX2 loop returns the second on full vector blocks of a
//   contiguous run; we follow the scalar kernel (only the zero's sign differs).
// - atan2 promotes integer and bool inputs to kFloat; no float16 kernel.
#include <cmath>
#include <limits>

#include "parity/ref/ops.h"
#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

template <class C>
void check_divisor(C b) {
  if constexpr (std::is_integral_v<C>)
    if (b == 0) throw Error("ZeroDivisionError");
}

template <class C>
C fmod_value(C a, C b) {
  if constexpr (std::is_floating_point_v<C>) {
    return std::fmod(a, b);
  } else {
    check_divisor(b);
    if constexpr (std::is_signed_v<C>)
      if (b == -1) return 0;
    return static_cast<C>(a % b);
  }
}

// The C remainder, moved by one divisor when its sign differs from b's.
template <class C>
C remainder_value(C a, C b) {
  C r = fmod_value(a, b);
  if constexpr (std::is_signed_v<C> || std::is_floating_point_v<C>)
    if (r != 0 && (r < 0) != (b < 0)) r = static_cast<C>(r + b);
  return r;
}

enum class Mod { Remainder, Fmod };

Tensor mod_op(Mod op, const Operand& a, const Operand& b, bool in_place) {
  const ScalarType common = result_type_of({a, b});
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  if (common == kBool)
    throw_not_implemented(op == Mod::Remainder ? "remainder_cpu" : "fmod_cpu", kBool);
  run_elementwise(loop, [op](auto x, auto y) {
    if constexpr (std::is_same_v<decltype(x), bool>)
      return x;  // refused above
    else
      return op == Mod::Remainder ? remainder_value(x, y) : fmod_value(x, y);
  });
  return loop.out;
}

template <class C>
bool is_nan(C x) {
  if constexpr (std::is_floating_point_v<C>)
    return std::isnan(x);
  else
    return false;
}

Tensor extremum_op(bool maximum, const Tensor& a, const Tensor& b) {
  const ScalarType common = result_type_of({{a}, {b}});
  const ElementwiseLoop loop = plan_out_of_place({{a}, {b}}, common, common);
  run_elementwise(loop, [maximum](auto x, auto y) {
    if (is_nan(x) || is_nan(y)) return x != x ? x : y;
    if (maximum) return x < y ? y : x;
    return y < x ? y : x;
  });
  return loop.out;
}

Tensor atan2_op(const Operand& a, const Operand& b, bool in_place) {
  ScalarType common = result_type_of({a, b});
  if (!isFloatingType(common)) common = kFloat;
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  if (common == kHalf) throw_not_implemented("atan2_cpu", kHalf);
  run_elementwise(loop, [](auto x, auto y) {
    if constexpr (std::is_floating_point_v<decltype(x)>)
      return std::atan2(x, y);
    else
      return x;  // the common dtype is floating
  });
  return loop.out;
}

Tensor& same(const Tensor& self) { return const_cast<Tensor&>(self); }

}  // namespace

Tensor Tensor::remainder(const Tensor& other) const {
  return mod_op(Mod::Remainder, {*this}, {other}, false);
}
Tensor Tensor::remainder(const Scalar& other) const {
  return mod_op(Mod::Remainder, {*this}, wrap_scalar(other), false);
}
Tensor Tensor::fmod(const Tensor& other) const {
  return mod_op(Mod::Fmod, {*this}, {other}, false);
}
Tensor Tensor::fmod(const Scalar& other) const {
  return mod_op(Mod::Fmod, {*this}, wrap_scalar(other), false);
}
Tensor Tensor::floor_divide(const Tensor& other) const { return div(other, "floor"); }
Tensor Tensor::floor_divide(const Scalar& other) const { return div(other, "floor"); }
Tensor Tensor::maximum(const Tensor& other) const { return extremum_op(true, *this, other); }
Tensor Tensor::minimum(const Tensor& other) const { return extremum_op(false, *this, other); }
Tensor Tensor::max(const Tensor& other) const { return maximum(other); }
Tensor Tensor::min(const Tensor& other) const { return minimum(other); }
Tensor Tensor::atan2(const Tensor& other) const { return atan2_op({*this}, {other}, false); }

Tensor& Tensor::remainder_(const Tensor& other) const {
  mod_op(Mod::Remainder, {*this}, {other}, true);
  return same(*this);
}
Tensor& Tensor::remainder_(const Scalar& other) const {
  mod_op(Mod::Remainder, {*this}, wrap_scalar(other), true);
  return same(*this);
}
Tensor& Tensor::fmod_(const Tensor& other) const {
  mod_op(Mod::Fmod, {*this}, {other}, true);
  return same(*this);
}
Tensor& Tensor::fmod_(const Scalar& other) const {
  mod_op(Mod::Fmod, {*this}, wrap_scalar(other), true);
  return same(*this);
}
Tensor& Tensor::floor_divide_(const Tensor& other) const { return div_(other, "floor"); }
Tensor& Tensor::floor_divide_(const Scalar& other) const { return div_(other, "floor"); }
Tensor& Tensor::atan2_(const Tensor& other) const {
  atan2_op({*this}, {other}, true);
  return same(*this);
}

Tensor remainder(const Tensor& self, const Tensor& other) { return self.remainder(other); }
Tensor remainder(const Tensor& self, const Scalar& other) { return self.remainder(other); }
Tensor fmod(const Tensor& self, const Tensor& other) { return self.fmod(other); }
Tensor fmod(const Tensor& self, const Scalar& other) { return self.fmod(other); }
Tensor floor_divide(const Tensor& self, const Tensor& other) { return self.floor_divide(other); }
Tensor floor_divide(const Tensor& self, const Scalar& other) { return self.floor_divide(other); }
Tensor maximum(const Tensor& self, const Tensor& other) { return self.maximum(other); }
Tensor minimum(const Tensor& self, const Tensor& other) { return self.minimum(other); }
Tensor max(const Tensor& self, const Tensor& other) { return self.max(other); }
Tensor min(const Tensor& self, const Tensor& other) { return self.min(other); }
Tensor atan2(const Tensor& self, const Tensor& other) { return self.atan2(other); }

}  // namespace parity::ref
