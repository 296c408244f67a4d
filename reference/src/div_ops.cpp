// div and div_ (torch 1.13 BinaryOps.cpp div_out / div_true, div_trunc,
// div_floor, and cpu/BinaryOpsKernel.cpp's kernels). True division promotes
// integer and bool inputs to the default float dtype; "trunc" and "floor"
// keep the common dtype, refuse bool, and raise "ZeroDivisionError" for an
// integer divisor of zero. INT_MIN / -1 wraps (torch leaves it undefined).
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "elementwise.h"
#include "parity/ref/ops.h"

namespace parity::ref {

namespace {

enum class Mode { True, Trunc, Floor };

Mode parse_mode(std::optional<std::string_view> mode) {
  if (!mode) return Mode::True;
  if (*mode == "trunc") return Mode::Trunc;
  if (*mode == "floor") return Mode::Floor;
  throw Error("div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '" +
              std::string(*mode) + "'");
}

// Integer a / b rounded toward zero, wrapping the one overflow (min / -1).
template <class C>
C trunc_div(C a, C b) {
  if (b == 0) throw Error("ZeroDivisionError");
  if constexpr (std::is_signed_v<C>)
    if (b == -1) return static_cast<C>(0 - static_cast<uint64_t>(a));
  return static_cast<C>(a / b);
}

// c10's div_floor_integer: truncation, minus one when the signs differ
// and the remainder is nonzero.
template <class C>
C floor_div_integer(C a, C b) {
  const C quot = trunc_div(a, b);
  if constexpr (std::is_signed_v<C>)
    if ((a < 0) != (b < 0) && b != -1 && a % b != 0) return static_cast<C>(quot - 1);
  return quot;
}

// c10's div_floor_floating: IEEE division by zero; else the quotient of
// a - fmod(a, b), corrected toward -inf, floored, and nudged up when the
// division left it more than half below; a zero keeps the sign of a / b.
template <class C>
C floor_div_floating(C a, C b) {
  if (b == 0) return a / b;
  const C mod = std::fmod(a, b);
  C div = (a - mod) / b;
  if (mod != 0 && (b < 0) != (mod < 0)) div -= C(1);
  if (div == 0) return std::copysign(C(0), a / b);
  C floordiv = std::floor(div);
  if (div - floordiv > C(0.5)) floordiv += C(1);
  return floordiv;
}

void check_not_bool(ScalarType common, Mode mode) {
  if (common == kBool)
    throw Error(std::string(mode == Mode::Trunc ? "\"div_trunc_cpu\"" : "\"div_floor_cpu\"") +
                " not implemented for 'Bool'");
}

Tensor div_op(const Operand& a,
              const Operand& b,
              std::optional<std::string_view> rounding_mode,
              bool in_place) {
  const Mode mode = parse_mode(rounding_mode);
  ScalarType common = result_type_of({a, b});
  if (mode == Mode::True && !isFloatingType(common))
    common = kFloat;  // promote_integer_inputs_to_float
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  if (mode != Mode::True) check_not_bool(common, mode);
  run_elementwise(loop, [&](auto x, auto y) {
    using C = decltype(x);
    if constexpr (std::is_integral_v<C>) {
      return mode == Mode::Trunc ? trunc_div(x, y) : floor_div_integer(x, y);
    } else {
      if (mode == Mode::True) return x / y;
      return mode == Mode::Trunc ? std::trunc(x / y) : floor_div_floating(x, y);
    }
  });
  return loop.out;
}

}  // namespace

Tensor Tensor::div(const Tensor& other) const {
  return div_op({*this}, {other}, std::nullopt, false);
}
Tensor Tensor::div(const Scalar& other) const {
  return div_op({*this}, wrap_scalar(other), std::nullopt, false);
}
Tensor Tensor::div(const Tensor& other, std::optional<std::string_view> rounding_mode) const {
  return div_op({*this}, {other}, rounding_mode, false);
}
Tensor Tensor::div(const Scalar& other, std::optional<std::string_view> rounding_mode) const {
  return div_op({*this}, wrap_scalar(other), rounding_mode, false);
}
Tensor& Tensor::div_(const Tensor& other) const { return div_(other, std::nullopt); }
Tensor& Tensor::div_(const Scalar& other) const { return div_(other, std::nullopt); }
Tensor& Tensor::div_(const Tensor& other, std::optional<std::string_view> rounding_mode) const {
  div_op({*this}, {other}, rounding_mode, true);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::div_(const Scalar& other, std::optional<std::string_view> rounding_mode) const {
  div_op({*this}, wrap_scalar(other), rounding_mode, true);
  return const_cast<Tensor&>(*this);
}

Tensor div(const Tensor& self, const Tensor& other) { return self.div(other); }
Tensor div(const Tensor& self, const Scalar& other) { return self.div(other); }
Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string_view> rounding_mode) {
  return self.div(other, rounding_mode);
}
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string_view> rounding_mode) {
  return self.div(other, rounding_mode);
}

}  // namespace parity::ref
