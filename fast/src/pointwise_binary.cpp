// The binary ops of pointwise.h: pow (tensor, scalar and scalar-base
// forms), remainder, fmod, floor_divide, bitwise, maximum/minimum, atan2
// and the logical ops. Each is torch's binary TensorIterator build
// (promotion with wrapped Scalars, layout, in-place checks, cast check),
// then the kernel's dtype check and one run.
#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/arith_kernels.h"
#include "cpu/fill_kernels.h"
#include "cpu/math_kernels.h"
#include "meta/view_meta.h"
#include "parity/fast/operators.h"
#include "parity/fast/pointwise.h"
#include "pointwise_common.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

using cpu::ArithOp;

struct BinarySpec {
  bool float_result = false;  // integral inputs give kFloat (atan2)
  bool bool_result = false;   // out of place, the result is kBool (logical ops)
  bool cast_check = true;     // in place, refuse a common dtype self can't hold
};

using Check = void (*)(ScalarType common);
using RunFn = void (*)(const iter::NaryPlan&, const ScalarType*, ScalarType common);

Tensor binary(const Tensor& self,
              const pw::Input& other,
              bool inplace,
              BinarySpec spec,
              Check check,
              RunFn run_kernel) {
  pw::Input ins[2] = {self, other};
  ScalarType common = pw::common_dtype(ins);
  if (spec.float_result && !isFloatingType(common)) common = kFloat;
  pw::round_to_reduced(ins, common);
  Tensor out;
  if (inplace) {
    pw::check_inplace_out(self, ins);
    if (spec.cast_check) pw::check_can_cast(common, self.dtype());
    out = self;
  } else {
    out = pw::fresh_output(ins, spec.bool_result ? kBool : common, common);
  }
  if (check) check(common);
  pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
    run_kernel(plan, dts, common);
  });
  if (inplace) detail::bump_version(self);
  return out;
}

void arith(ArithOp op, const iter::NaryPlan& plan, const ScalarType* dts, ScalarType common) {
  cpu::ArithArgs a;
  a.op = op;
  a.dtype = common;
  cpu::run_arith(a, plan, dts);
}

#define PARITY_FAST_ARITH_RUN(OP) \
  [](const iter::NaryPlan& p, const ScalarType* d, ScalarType c) { arith(ArithOp::OP, p, d, c); }

void pow_check(ScalarType common) {
  if (common == kBool) pw::not_implemented("pow", kBool);
}
void pow_run(const iter::NaryPlan& plan, const ScalarType* dts, ScalarType common) {
  if (isIntegralType(common, false)) return arith(ArithOp::PowInt, plan, dts, common);
  cpu::run_math({cpu::MathOp::Pow, common, 0}, plan, dts);
}

// Scalar::equal(double): a bool Scalar equals no number.
bool scalar_equal(const Scalar& s, double v) {
  if (s.isBoolean()) return false;
  if (s.isFloatingPoint()) return s.toDouble() == v;
  return static_cast<double>(s.toLong()) == v && s.toLong() == static_cast<int64_t>(v);
}

// pow(Tensor, Scalar): torch's meta casts self to the common dtype first
// and builds a unary op on it; exponents 0 and 1 are a fill and a copy.
Tensor pow_scalar(const Tensor& self, const Scalar& e, bool inplace) {
  if (isIntegralType(self.dtype(), true) && e.isIntegral(true) && e.toLong() < 0)
    throw Error("Integers to negative integer powers are not allowed.");
  pw::Input ins0[2] = {self, e};
  const ScalarType common = pw::common_dtype(ins0);
  Tensor base = self.dtype() == common ? self : self.to(common);
  pw::Input ins[1] = {base};
  Tensor out;
  if (inplace) {
    pw::Input self_in[1] = {self};
    pw::check_inplace_out(self, self_in);
    if (common != self.dtype())
      throw Error(std::string("Found dtype ") + toString(self.dtype()) + " but expected " +
                  toString(common));
    out = self;
  } else {
    out = pw::fresh_output(ins, common, common);
  }
  if (scalar_equal(e, 0.0)) {
    if (out.numel() != 0) cpu::fill(*out.unsafeGetTensorImpl(), Scalar(int64_t{1}));
  } else if (scalar_equal(e, 1.0)) {
    if (!inplace) detail::copy_into(out, base);
  } else if (common == kBool) {
    pw::not_implemented("pow", kBool);
  } else if (isIntegralType(common, false)) {
    cpu::ArithArgs a;
    a.op = ArithOp::PowIntScalar;
    a.dtype = common;
    a.exponent = core::dispatch_dtype(common, [&](auto tag) -> int64_t {
      using T = typename decltype(tag)::type;
      if constexpr (std::is_integral_v<T>)
        return static_cast<int64_t>(core::checked_scalar_to<T>(e));
      else
        return 0;
    });
    pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
      cpu::run_arith(a, plan, dts);
    });
  } else {
    // float16/bfloat16 round the exponent to their dtype first.
    double ex = e.toDouble();
    if (common == kHalf) ex = core::to_double(core::checked_scalar_to<Half>(e));
    if (common == kBFloat16) ex = core::to_double(core::checked_scalar_to<BFloat16>(e));
    pw::run(out, ins, [&](const iter::NaryPlan& plan, const ScalarType* dts) {
      cpu::run_math({cpu::MathOp::PowScalar, common, ex}, plan, dts);
    });
  }
  if (inplace) detail::bump_version(self);
  return out;
}

constexpr BinarySpec kPlain{};

void remainder_check(ScalarType c) {
  if (c == kBool) pw::not_implemented("remainder_cpu", kBool);
}
void fmod_check(ScalarType c) {
  if (c == kBool) pw::not_implemented("fmod_cpu", kBool);
}
void and_check(ScalarType c) {
  if (isFloatingType(c)) pw::not_implemented("bitwise_and_cpu", c);
}
void or_check(ScalarType c) {
  if (isFloatingType(c)) pw::not_implemented("bitwise_or_cpu", c);
}
void xor_check(ScalarType c) {
  if (isFloatingType(c)) pw::not_implemented("bitwise_xor_cpu", c);
}
void atan2_check(ScalarType c) {
  if (c == kHalf) pw::not_implemented("atan2_cpu", kHalf);
}
void atan2_run(const iter::NaryPlan& plan, const ScalarType* dts, ScalarType common) {
  cpu::run_math({cpu::MathOp::Atan2, common, 0}, plan, dts);
}

}  // namespace

// --- pow ----------------------------------------------------------------------------

Tensor Tensor::pow(const Tensor& e) const {
  return binary(*this, e, false, kPlain, pow_check, pow_run);
}
Tensor Tensor::pow(const Scalar& e) const { return pow_scalar(*this, e, false); }
Tensor& Tensor::pow_(const Tensor& e) {
  binary(*this, e, true, kPlain, pow_check, pow_run);
  return *this;
}
Tensor& Tensor::pow_(const Scalar& e) {
  pow_scalar(*this, e, true);
  return *this;
}
Tensor pow(const Tensor& self, const Tensor& e) { return self.pow(e); }
Tensor pow(const Tensor& self, const Scalar& e) { return self.pow(e); }
Tensor pow(const Scalar& self, const Tensor& e) {
  // A contiguous result of result_type(self, e); base 1 is a fill.
  pw::Input ins[2] = {self, e};
  const ScalarType common = pw::common_dtype(ins);
  Tensor out = detail::make_contiguous(e.sizes(), common);
  if (scalar_equal(self, 1.0)) {
    if (out.numel() != 0) cpu::fill(*out.unsafeGetTensorImpl(), Scalar(int64_t{1}));
    return out;
  }
  pw::round_to_reduced(ins, common);
  pow_check(common);
  pw::run(out, ins,
          [&](const iter::NaryPlan& plan, const ScalarType* dts) { pow_run(plan, dts, common); });
  return out;
}

// --- remainder, fmod, bitwise ------------------------------------------------------

#define PARITY_FAST_BINARY(name, check, OP)                                   \
  Tensor Tensor::name(const Tensor& o) const {                                \
    return binary(*this, o, false, kPlain, check, PARITY_FAST_ARITH_RUN(OP)); \
  }                                                                           \
  Tensor Tensor::name(const Scalar& o) const {                                \
    return binary(*this, o, false, kPlain, check, PARITY_FAST_ARITH_RUN(OP)); \
  }                                                                           \
  Tensor& Tensor::name##_(const Tensor& o) {                                  \
    binary(*this, o, true, kPlain, check, PARITY_FAST_ARITH_RUN(OP));         \
    return *this;                                                             \
  }                                                                           \
  Tensor& Tensor::name##_(const Scalar& o) {                                  \
    binary(*this, o, true, kPlain, check, PARITY_FAST_ARITH_RUN(OP));         \
    return *this;                                                             \
  }                                                                           \
  Tensor name(const Tensor& self, const Tensor& o) { return self.name(o); }   \
  Tensor name(const Tensor& self, const Scalar& o) { return self.name(o); }
PARITY_FAST_BINARY(remainder, remainder_check, Remainder)
PARITY_FAST_BINARY(fmod, fmod_check, Fmod)
PARITY_FAST_BINARY(bitwise_and, and_check, BitAnd)
PARITY_FAST_BINARY(bitwise_or, or_check, BitOr)
PARITY_FAST_BINARY(bitwise_xor, xor_check, BitXor)
#undef PARITY_FAST_BINARY

// floor_divide is div(rounding_mode="floor") in 1.13.
Tensor Tensor::floor_divide(const Tensor& o) const { return div(o, "floor"); }
Tensor Tensor::floor_divide(const Scalar& o) const { return div(o, "floor"); }
Tensor& Tensor::floor_divide_(const Tensor& o) { return div_(o, "floor"); }
Tensor& Tensor::floor_divide_(const Scalar& o) { return div_(o, "floor"); }
Tensor floor_divide(const Tensor& self, const Tensor& o) { return self.floor_divide(o); }
Tensor floor_divide(const Tensor& self, const Scalar& o) { return self.floor_divide(o); }

// --- maximum, minimum, atan2, logical ----------------------------------------------

Tensor Tensor::maximum(const Tensor& o) const {
  return binary(*this, o, false, kPlain, nullptr, PARITY_FAST_ARITH_RUN(Maximum));
}
Tensor Tensor::minimum(const Tensor& o) const {
  return binary(*this, o, false, kPlain, nullptr, PARITY_FAST_ARITH_RUN(Minimum));
}
Tensor Tensor::max(const Tensor& o) const { return maximum(o); }
Tensor Tensor::min(const Tensor& o) const { return minimum(o); }
Tensor maximum(const Tensor& self, const Tensor& o) { return self.maximum(o); }
Tensor minimum(const Tensor& self, const Tensor& o) { return self.minimum(o); }
Tensor max(const Tensor& self, const Tensor& o) { return self.maximum(o); }
Tensor min(const Tensor& self, const Tensor& o) { return self.minimum(o); }

Tensor Tensor::atan2(const Tensor& o) const {
  return binary(*this, o, false, {true, false, true}, atan2_check, atan2_run);
}
Tensor& Tensor::atan2_(const Tensor& o) {
  binary(*this, o, true, {true, false, true}, atan2_check, atan2_run);
  return *this;
}
Tensor atan2(const Tensor& self, const Tensor& o) { return self.atan2(o); }

// Comparison-style ops: a bool result out of place; in place any self dtype
// takes the 0/1 result.
#define PARITY_FAST_LOGICAL(name, OP)                                                         \
  Tensor Tensor::name(const Tensor& o) const {                                                \
    return binary(*this, o, false, {false, true, false}, nullptr, PARITY_FAST_ARITH_RUN(OP)); \
  }                                                                                           \
  Tensor& Tensor::name##_(const Tensor& o) {                                                  \
    binary(*this, o, true, {false, true, false}, nullptr, PARITY_FAST_ARITH_RUN(OP));         \
    return *this;                                                                             \
  }                                                                                           \
  Tensor name(const Tensor& self, const Tensor& o) { return self.name(o); }
PARITY_FAST_LOGICAL(logical_and, LogicalAnd)
PARITY_FAST_LOGICAL(logical_or, LogicalOr)
PARITY_FAST_LOGICAL(logical_xor, LogicalXor)
#undef PARITY_FAST_LOGICAL

}  // namespace parity::fast
