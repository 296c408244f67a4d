// pow and square (ATen/native/Pow.cpp, cpu/PowKernel.cpp, torch 1.13), on
// the common dtype of base and exponent; bool has no kernel ("pow").
// - Integers: repeated squaring, wrapping; a negative exponent tensor gives
//   1 for base 1, +-1 for base -1, else 0; a negative integer Scalar
//   exponent of an integer base is refused.
// - A Scalar exponent: 0 fills ones (even over NaN), 1 copies. For float32,
//   float64 and bfloat16, 0.5 / -0.5 / -1 are sqrt / rsqrt / reciprocal,
//   2 / 3 / -2 are x*x, x*x*x, 1/(x*x) in the dtype's own arithmetic (the
//   bfloat16 exponent is itself rounded to bfloat16 first); other
//   exponents use std::pow, float32 in double. float16 always uses
//   std::pow with the exponent rounded to float16.
// - pow_(Scalar) requires the common dtype to be self's ("Found dtype").
// - pow(Scalar, Tensor) lays its result out contiguously (exponent's
//   sizes) and fills ones when the base is 1.
// square(x) is pow(x, 2): bool gives int64.
#include <cmath>
#include <cstdint>

#include "overlap.h"
#include "parity/ref/ops.h"
#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

// c10::Scalar::equal: a bool Scalar equals no number.
bool scalar_equals(const Scalar& s, double v) {
  if (s.isBoolean()) return false;
  if (s.isFloatingPoint()) return s.toDouble() == v;
  return static_cast<double>(s.toLong()) == v;
}

// Integer power by repeated squaring, wrapping at C's width.
template <class C>
C int_pow(C base, C exp) {
  if constexpr (std::is_signed_v<C>) {
    if (exp < 0) {
      if (base == 1) return 1;
      if (base == -1) return (exp & 1) ? C(-1) : C(1);
      return 0;
    }
  }
  uint64_t result = 1, b = static_cast<uint64_t>(base);
  for (uint64_t e = static_cast<uint64_t>(exp); e != 0; e /= 2) {
    if (e & 1) result *= b;
    b *= b;
  }
  return static_cast<C>(result);
}

template <class C>
C pow_values(C base, C exp) {
  if constexpr (std::is_same_v<C, bool>)
    return base;  // refused before the loop runs
  else if constexpr (std::is_integral_v<C>)
    return int_pow(base, exp);
  else
    return std::pow(base, exp);
}

Tensor pow_tensor_op(const Operand& base, const Operand& exp, bool in_place) {
  const ScalarType common = result_type_of({base, exp});
  const ElementwiseLoop loop = in_place ? plan_in_place({base, exp}, common)
                                        : plan_out_of_place({base, exp}, common, common);
  if (common == kBool) throw_not_implemented("pow", kBool);
  run_elementwise(loop, [](auto x, auto y) { return pow_values(x, y); });
  return loop.out;
}

// The floating kernel for a Scalar exponent (see the file comment).
void pow_floating(const ElementwiseLoop& loop, const Scalar& exp) {
  const ScalarType dtype = loop.common;
  const bool bf16 = dtype == kBFloat16, half = dtype == kHalf;
  const bool fast_roots = !half;
  const double e = half   ? checked_value(exp, kHalf).toDouble()
                   : bf16 ? checked_value(exp, kBFloat16).toDouble()
                          : exp.toDouble();
  run_elementwise(loop, [&](auto x) {
    using C = decltype(x);
    if constexpr (!std::is_floating_point_v<C>) {
      return x;  // the common dtype is floating
    } else {
      auto in_dtype = [&](C v) -> C {  // bfloat16 arithmetic rounds every product
        if constexpr (std::is_same_v<C, float>)
          return bf16 ? round_to<BFloat16>(v) : v;
        else
          return v;
      };
      if (fast_roots) {
        if (scalar_equals(exp, 0.5)) return std::sqrt(x);
        if (scalar_equals(exp, -0.5)) return C(1) / std::sqrt(x);
        if (scalar_equals(exp, -1.0)) return C(1) / x;
        if (e == 2.0) return x * x;
        if (e == 3.0) return in_dtype(x * x) * x;
        if (e == -2.0) return C(1) / in_dtype(x * x);
      }
      if (half || bf16) return std::pow(x, static_cast<C>(e));
      return static_cast<C>(std::pow(static_cast<double>(x), e));
    }
  });
}

Tensor pow_scalar_op(const Tensor& self, const Scalar& exp, bool in_place) {
  if (isIntegralType(self.scalar_type(), true) && exp.isIntegral(true) && exp.toLong() < 0)
    throw Error("Integers to negative integer powers are not allowed.");
  const ScalarType common = result_type_of({{self}, wrap_scalar(exp)});
  if (in_place) check_no_internal_overlap(*self.impl());  // TensorIterator checks overlap first
  if (in_place && common != self.scalar_type())
    throw Error(std::string("Found dtype ") + toString(self.scalar_type()) + " but expected " +
                toString(common));
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, common) : plan_out_of_place({{self}}, common, common);
  if (scalar_equals(exp, 0.0)) {
    fill_results(loop, Scalar(1));
  } else if (scalar_equals(exp, 1.0)) {
    run_elementwise(loop, [](auto x) { return x; });
  } else if (common == kBool) {
    throw_not_implemented("pow", kBool);
  } else if (isFloatingType(common)) {
    pow_floating(loop, exp);
  } else {
    const int64_t e = checked_value(exp, common).toLong();
    run_elementwise(loop, [e](auto x) {
      using C = decltype(x);
      return pow_values(x, static_cast<C>(e));
    });
  }
  return loop.out;
}

Tensor pow_scalar_base_op(const Scalar& base, const Tensor& exp) {
  const Operand wrapped = wrap_scalar(base);
  const ScalarType common = result_type_of({wrapped, {exp}});
  const std::vector<int64_t> shape(exp.sizes().begin(), exp.sizes().end());
  ElementwiseLoop loop{{wrapped.tensor.to(common).expand(shape), exp.to(common).expand(shape)},
                       empty_contiguous(shape, common),
                       common};
  if (scalar_equals(base, 1.0)) {
    fill_results(loop, Scalar(1));
    return loop.out;
  }
  if (common == kBool) throw_not_implemented("pow", kBool);
  run_elementwise(loop, [](auto x, auto y) { return pow_values(x, y); });
  return loop.out;
}

Tensor& same(const Tensor& self) { return const_cast<Tensor&>(self); }

}  // namespace

Tensor Tensor::pow(const Tensor& exponent) const {
  return pow_tensor_op({*this}, {exponent}, false);
}
Tensor Tensor::pow(const Scalar& exponent) const { return pow_scalar_op(*this, exponent, false); }
Tensor Tensor::square() const { return pow(2); }
Tensor& Tensor::pow_(const Tensor& exponent) const {
  pow_tensor_op({*this}, {exponent}, true);
  return same(*this);
}
Tensor& Tensor::pow_(const Scalar& exponent) const {
  pow_scalar_op(*this, exponent, true);
  return same(*this);
}
Tensor& Tensor::square_() const { return pow_(2); }

Tensor pow(const Tensor& self, const Tensor& exponent) { return self.pow(exponent); }
Tensor pow(const Tensor& self, const Scalar& exponent) { return self.pow(exponent); }
Tensor pow(const Scalar& self, const Tensor& exponent) {
  return pow_scalar_base_op(self, exponent);
}
Tensor square(const Tensor& self) { return self.square(); }

}  // namespace parity::ref
