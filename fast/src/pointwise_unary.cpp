// The unary ops of pointwise.h: the floating functions (integral and bool
// inputs give float32), the dtype-keeping ones, the rounding family (a copy
// for integral inputs, as torch), NaN tests and nan_to_num. Each follows
// torch's unary TensorIterator build: output layout from self, in-place
// checks, the cast check, then the kernel's dtype check and one run.
#include <limits>

#include "core/dispatch.h"
#include "core/dtype_convert.h"
#include "cpu/math_kernels.h"
#include "cpu/unary_kernels.h"
#include "meta/promotion.h"
#include "parity/fast/functions.h"
#include "parity/fast/pointwise.h"
#include "pointwise_common.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

using cpu::MathOp;
using cpu::UnaryOp;

// The output: self when in place (checked), else a fresh tensor of dtype
// laid out from self.
Tensor output_for(const Tensor& self,
                  ScalarType dtype,
                  bool inplace,
                  std::optional<ScalarType> cast_to = std::nullopt) {
  pw::Input in[1] = {self};
  if (!inplace) return pw::fresh_output(in, dtype, cast_to);
  pw::check_inplace_out(self, in);
  pw::check_can_cast(dtype, self.dtype());
  return self;
}

void finish(const Tensor& self, bool inplace) {
  if (inplace) detail::bump_version(self);
}

// exp ... sigmoid: build_borrowing_unary_float_op. half_kernel: the
// kernel's name where LibTorch 1.13 has no float16 kernel.
Tensor float_fn(const Tensor& self, bool inplace, MathOp op, const char* half_kernel) {
  ScalarType dt = isFloatingType(self.dtype()) ? self.dtype() : kFloat;
  Tensor out = output_for(self, dt, inplace, dt);  // integers are cast to float first
  if (dt == kHalf && half_kernel) pw::not_implemented(half_kernel, kHalf);
  pw::Input in[1] = {self};
  pw::run(out, in, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    cpu::run_math({op, dt, 0}, plan, dts);
  });
  finish(self, inplace);
  return out;
}

// The ops whose result keeps self's dtype (or a fixed one) and whose
// kernel exists for `ok` dtypes only.
Tensor unary(const Tensor& self, bool inplace, cpu::UnaryArgs args, ScalarType out_dtype) {
  Tensor out = output_for(self, out_dtype, inplace);
  pw::Input in[1] = {self};
  pw::run(out, in, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    cpu::run_unary(args, plan, dts);
  });
  finish(self, inplace);
  return out;
}
Tensor unary(const Tensor& self, bool inplace, UnaryOp op) {
  cpu::UnaryArgs a;
  a.op = op;
  a.dtype = self.dtype();
  return unary(self, inplace, a, self.dtype());
}

// floor ceil round trunc: integral inputs are copied (torch's shortcut);
// bool and float16 have no kernel.
Tensor rounding(const Tensor& self, bool inplace, UnaryOp op, const char* kernel) {
  const ScalarType dt = self.dtype();
  if (isIntegralType(dt, false)) {
    if (!inplace) return self.clone();
    pw::Input in[1] = {self};
    pw::check_inplace_out(self, in);
    detail::bump_version(self);  // torch copies self onto itself
    return self;
  }
  if (dt == kBool || dt == kHalf) {
    if (inplace) output_for(self, dt, true);
    pw::not_implemented(kernel, dt);
  }
  return unary(self, inplace, op);
}

Tensor round_decimals(const Tensor& self, bool inplace, int64_t decimals) {
  const ScalarType dt = self.dtype();
  if (decimals == 0) {
    // No integral shortcut on this overload: the plain kernel's dtypes.
    if (!isFloatingType(dt) || dt == kHalf) {
      if (inplace) output_for(self, dt, true);
      pw::not_implemented("round_vml_cpu", dt);
    }
    return unary(self, inplace, UnaryOp::Round);
  }
  if (!isFloatingType(dt) || dt == kHalf) {
    if (inplace) output_for(self, dt, true);
    pw::not_implemented("round_cpu", dt);
  }
  cpu::UnaryArgs a;
  a.op = UnaryOp::RoundDecimals;
  a.dtype = dt;
  a.decimals = decimals;
  return unary(self, inplace, a, dt);
}

// A value of dtype (as torch's static_cast<scalar_t>) back as a double.
double as_dtype(ScalarType dt, double v) {
  return core::dispatch_dtype(dt, [&](auto tag) {
    using T = typename decltype(tag)::type;
    return core::to_double(core::convert<T>(v));
  });
}

Tensor nan_to_num_impl(const Tensor& self,
                       bool inplace,
                       std::optional<double> nan,
                       std::optional<double> posinf,
                       std::optional<double> neginf) {
  const ScalarType dt = self.dtype();
  pw::Input in[1] = {self};
  Tensor out;
  if (inplace) {
    pw::check_inplace_out(self, in);
    out = self;
  } else {
    out = empty_like(self);  // torch's nan_to_num: empty_like, then _out
  }
  if (!isFloatingType(dt)) {
    if (!inplace) detail::copy_into(out, self);
    finish(self, inplace);
    return out;
  }
  double hi = 0;
  switch (dt) {
    case kHalf:
      hi = 65504.0;
      break;
    case kBFloat16:
      hi = core::to_double(BFloat16{0x7F7F});
      break;
    case kFloat:
      hi = std::numeric_limits<float>::max();
      break;
    default:
      hi = std::numeric_limits<double>::max();
  }
  cpu::UnaryArgs a;
  a.op = UnaryOp::NanToNum;
  a.dtype = dt;
  a.nan = as_dtype(dt, nan.value_or(0.0));
  a.posinf = posinf ? as_dtype(dt, *posinf) : hi;
  a.neginf = neginf ? as_dtype(dt, *neginf) : -hi;
  pw::run(out, in,
          [&](const iter::NaryPlan& plan, const ScalarType* dts) { cpu::run_unary(a, plan, dts); });
  finish(self, inplace);
  return out;
}

[[noreturn]] void neg_bool() {
  throw Error(
      "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
      "invert a mask, use the `~` or `logical_not()` operator instead.");
}

}  // namespace

// --- the floating functions -------------------------------------------------------

#define PARITY_FAST_FLOAT_FN(name, OP, half_kernel)                                       \
  Tensor Tensor::name() const { return float_fn(*this, false, MathOp::OP, half_kernel); } \
  Tensor& Tensor::name##_() {                                                             \
    float_fn(*this, true, MathOp::OP, half_kernel);                                       \
    return *this;                                                                         \
  }                                                                                       \
  Tensor name(const Tensor& self) { return self.name(); }
PARITY_FAST_FLOAT_FN(exp, Exp, "exp_vml_cpu")
PARITY_FAST_FLOAT_FN(exp2, Exp2, nullptr)
PARITY_FAST_FLOAT_FN(expm1, Expm1, "expm1_vml_cpu")
PARITY_FAST_FLOAT_FN(log, Log, "log_vml_cpu")
PARITY_FAST_FLOAT_FN(log2, Log2, "log2_vml_cpu")
PARITY_FAST_FLOAT_FN(log10, Log10, "log10_vml_cpu")
PARITY_FAST_FLOAT_FN(log1p, Log1p, "log1p_vml_cpu")
PARITY_FAST_FLOAT_FN(sqrt, Sqrt, "sqrt_vml_cpu")
PARITY_FAST_FLOAT_FN(rsqrt, Rsqrt, "rsqrt_cpu")
PARITY_FAST_FLOAT_FN(sin, Sin, "sin_vml_cpu")
PARITY_FAST_FLOAT_FN(cos, Cos, "cos_vml_cpu")
PARITY_FAST_FLOAT_FN(tan, Tan, "tan_vml_cpu")
PARITY_FAST_FLOAT_FN(asin, Asin, "asin_vml_cpu")
PARITY_FAST_FLOAT_FN(acos, Acos, "acos_vml_cpu")
PARITY_FAST_FLOAT_FN(atan, Atan, "atan_vml_cpu")
PARITY_FAST_FLOAT_FN(sinh, Sinh, "sinh_cpu")
PARITY_FAST_FLOAT_FN(cosh, Cosh, "cosh_cpu")
PARITY_FAST_FLOAT_FN(tanh, Tanh, "tanh_vml_cpu")
PARITY_FAST_FLOAT_FN(sigmoid, Sigmoid, "sigmoid_cpu")
#undef PARITY_FAST_FLOAT_FN

Tensor Tensor::reciprocal() const {
  ScalarType dt = isFloatingType(dtype()) ? dtype() : kFloat;
  cpu::UnaryArgs a;
  a.op = UnaryOp::Reciprocal;
  a.dtype = dt;
  return unary(*this, false, a, dt);
}
Tensor& Tensor::reciprocal_() {
  ScalarType dt = isFloatingType(dtype()) ? dtype() : kFloat;
  cpu::UnaryArgs a;
  a.op = UnaryOp::Reciprocal;
  a.dtype = dt;
  unary(*this, true, a, dt);
  return *this;
}
Tensor reciprocal(const Tensor& self) { return self.reciprocal(); }

// --- dtype-keeping ops ------------------------------------------------------------

Tensor Tensor::abs() const {
  if (dtype() == kBool) pw::not_implemented("abs_cpu", kBool);
  return unary(*this, false, UnaryOp::Abs);
}
Tensor& Tensor::abs_() {
  if (dtype() == kBool) {
    output_for(*this, kBool, true);
    pw::not_implemented("abs_cpu", kBool);
  }
  unary(*this, true, UnaryOp::Abs);
  return *this;
}
Tensor abs(const Tensor& self) { return self.abs(); }

Tensor& Tensor::neg_() {
  if (dtype() == kBool) neg_bool();
  return mul_(Scalar(int64_t{-1}));  // exactly -x in every dtype, integer wrap included
}
Tensor neg(const Tensor& self) { return self.neg(); }

Tensor Tensor::sign() const { return unary(*this, false, UnaryOp::Sign); }
Tensor& Tensor::sign_() {
  unary(*this, true, UnaryOp::Sign);
  return *this;
}
Tensor sign(const Tensor& self) { return self.sign(); }

Tensor Tensor::frac() const {
  if (!isFloatingType(dtype())) pw::not_implemented("frac_cpu", dtype());
  return unary(*this, false, UnaryOp::Frac);
}
Tensor& Tensor::frac_() {
  if (!isFloatingType(dtype())) {
    output_for(*this, dtype(), true);
    pw::not_implemented("frac_cpu", dtype());
  }
  unary(*this, true, UnaryOp::Frac);
  return *this;
}
Tensor frac(const Tensor& self) { return self.frac(); }

// square is pow(self, 2) in 1.13: bool gives int64.
Tensor Tensor::square() const { return pow(Scalar(int64_t{2})); }
Tensor& Tensor::square_() { return pow_(Scalar(int64_t{2})); }
Tensor square(const Tensor& self) { return self.square(); }

Tensor Tensor::bitwise_not() const {
  if (isFloatingType(dtype())) pw::not_implemented("bitwise_not_cpu", dtype());
  return unary(*this, false, UnaryOp::BitwiseNot);
}
Tensor& Tensor::bitwise_not_() {
  if (isFloatingType(dtype())) {
    output_for(*this, dtype(), true);
    pw::not_implemented("bitwise_not_cpu", dtype());
  }
  unary(*this, true, UnaryOp::BitwiseNot);
  return *this;
}
Tensor bitwise_not(const Tensor& self) { return self.bitwise_not(); }

Tensor Tensor::logical_not() const {
  cpu::UnaryArgs a;
  a.op = UnaryOp::LogicalNot;
  a.dtype = dtype();
  return unary(*this, false, a, kBool);
}
Tensor& Tensor::logical_not_() {
  cpu::UnaryArgs a;
  a.op = UnaryOp::LogicalNot;
  a.dtype = dtype();
  unary(*this, true, a, dtype());
  return *this;
}
Tensor logical_not(const Tensor& self) { return self.logical_not(); }

Tensor Tensor::relu() const {
  if (dtype() == kBool) throw Error("Boolean inputs not supported for relu");
  return clamp_min(Scalar(int64_t{0}));
}
Tensor& Tensor::relu_() {
  if (dtype() == kBool) throw Error("Boolean inputs not supported for relu");
  return clamp_min_(Scalar(int64_t{0}));
}
Tensor relu(const Tensor& self) { return self.relu(); }

// --- rounding ---------------------------------------------------------------------

#define PARITY_FAST_ROUNDING(name, OP, kernel)                                        \
  Tensor Tensor::name() const { return rounding(*this, false, UnaryOp::OP, kernel); } \
  Tensor& Tensor::name##_() {                                                         \
    rounding(*this, true, UnaryOp::OP, kernel);                                       \
    return *this;                                                                     \
  }                                                                                   \
  Tensor name(const Tensor& self) { return self.name(); }
PARITY_FAST_ROUNDING(floor, Floor, "floor_vml_cpu")
PARITY_FAST_ROUNDING(ceil, Ceil, "ceil_vml_cpu")
PARITY_FAST_ROUNDING(round, Round, "round_vml_cpu")
PARITY_FAST_ROUNDING(trunc, Trunc, "trunc_vml_cpu")
#undef PARITY_FAST_ROUNDING

Tensor Tensor::round(int64_t decimals) const { return round_decimals(*this, false, decimals); }
Tensor& Tensor::round_(int64_t decimals) {
  round_decimals(*this, true, decimals);
  return *this;
}
Tensor round(const Tensor& self, int64_t decimals) { return self.round(decimals); }

// --- NaN tests, nan_to_num -------------------------------------------------------

#define PARITY_FAST_TEST(name, OP)        \
  Tensor Tensor::name() const {           \
    cpu::UnaryArgs a;                     \
    a.op = UnaryOp::OP;                   \
    a.dtype = dtype();                    \
    return unary(*this, false, a, kBool); \
  }                                       \
  Tensor name(const Tensor& self) { return self.name(); }
PARITY_FAST_TEST(isnan, IsNan)
PARITY_FAST_TEST(isinf, IsInf)
PARITY_FAST_TEST(isfinite, IsFinite)
#undef PARITY_FAST_TEST

Tensor Tensor::nan_to_num(std::optional<double> nan,
                          std::optional<double> posinf,
                          std::optional<double> neginf) const {
  return nan_to_num_impl(*this, false, nan, posinf, neginf);
}
Tensor& Tensor::nan_to_num_(std::optional<double> nan,
                            std::optional<double> posinf,
                            std::optional<double> neginf) {
  nan_to_num_impl(*this, true, nan, posinf, neginf);
  return *this;
}
Tensor nan_to_num(const Tensor& self,
                  std::optional<double> nan,
                  std::optional<double> posinf,
                  std::optional<double> neginf) {
  return self.nan_to_num(nan, posinf, neginf);
}

}  // namespace parity::fast
