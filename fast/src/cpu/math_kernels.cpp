#include "cpu/math_kernels.h"

#include <cmath>

#include "core/dtype_convert.h"
#include "cpu/pointwise_loop.h"

namespace parity::fast::cpu {
namespace {

#define PARITY_FAST_UNARY_MATH(Name, expr) \
  struct Name {                            \
    template <class T>                     \
    T operator()(T x) const {              \
      return expr;                         \
    }                                      \
  };
PARITY_FAST_UNARY_MATH(ExpF, std::exp(x))
PARITY_FAST_UNARY_MATH(Exp2F, std::exp2(x))
PARITY_FAST_UNARY_MATH(Expm1F, std::expm1(x))
PARITY_FAST_UNARY_MATH(LogF, std::log(x))
PARITY_FAST_UNARY_MATH(Log2F, std::log2(x))
PARITY_FAST_UNARY_MATH(Log10F, std::log10(x))
PARITY_FAST_UNARY_MATH(Log1pF, std::log1p(x))
PARITY_FAST_UNARY_MATH(SqrtF, std::sqrt(x))
PARITY_FAST_UNARY_MATH(SinF, std::sin(x))
PARITY_FAST_UNARY_MATH(CosF, std::cos(x))
PARITY_FAST_UNARY_MATH(TanF, std::tan(x))
PARITY_FAST_UNARY_MATH(AsinF, std::asin(x))
PARITY_FAST_UNARY_MATH(AcosF, std::acos(x))
PARITY_FAST_UNARY_MATH(AtanF, std::atan(x))
PARITY_FAST_UNARY_MATH(SinhF, std::sinh(x))
PARITY_FAST_UNARY_MATH(CoshF, std::cosh(x))
PARITY_FAST_UNARY_MATH(TanhF, std::tanh(x))
PARITY_FAST_UNARY_MATH(SigmoidF, T(1) / (T(1) + std::exp(-x)))
#undef PARITY_FAST_UNARY_MATH

// A bfloat16 result rounds to bfloat16 in between, as c10's BFloat16 math.
template <class T>
inline T round_bf16(T v, bool bf16) {
  if constexpr (std::is_same_v<T, float>)
    return bf16 ? core::bf16_bits_to_float(core::float_to_bf16_bits(v)) : v;
  else
    return v;
}
template <class T>
struct RsqrtF {
  bool bf16;
  T operator()(T x) const { return T(1) / round_bf16(std::sqrt(x), bf16); }
};

struct Atan2F {
  template <class T>
  T operator()(T a, T b) const {
    return std::atan2(a, b);
  }
};
struct PowF {
  template <class T>
  T operator()(T a, T b) const {
    return std::pow(a, b);
  }
};

// pow(x, scalar) as torch's pow_tensor_scalar_kernel: the exponents 2, 3,
// -2, 0.5, -0.5 and -1 have their own formulas (float, double and bfloat16
// only); a bfloat16 product rounds to bfloat16 after each multiplication.
enum class PowKind { Square, Cube, InvSquare, Sqrt, Rsqrt, Recip, General };
template <class T, PowKind kKind>
struct PowScalarF {
  double e;  // rounded to float16/bfloat16 for those dtypes, as torch does
  bool bf16;
  T r(T v) const { return round_bf16(v, bf16); }
  T operator()(T x) const {
    if constexpr (kKind == PowKind::Square) return x * x;
    if constexpr (kKind == PowKind::Cube) return r(x * x) * x;
    if constexpr (kKind == PowKind::InvSquare) return T(1) / r(x * x);
    if constexpr (kKind == PowKind::Sqrt) return std::sqrt(x);
    if constexpr (kKind == PowKind::Rsqrt) return T(1) / r(std::sqrt(x));
    if constexpr (kKind == PowKind::Recip) return T(1) / x;
    // torch's scalar path raises a float base to a double exponent.
    if constexpr (kKind == PowKind::General)
      return static_cast<T>(std::pow(static_cast<double>(x), e));
  }
};

// torch's lerp: two fused formulas, split at weight 0.5, each exact at its
// end: s + w (e - s) and e - (1 - w)(e - s).
template <class T>
inline T lerp(T s, T e, T w) {
  const T d = e - s;
  return w < T(0.5) ? std::fma(w, d, s) : std::fma(-d, T(1) - w, e);
}
template <class T>
struct LerpScalarF {
  T w;
  T operator()(T s, T e) const { return lerp(s, e, w); }
};
struct LerpTensorF {
  template <class T>
  T operator()(T s, T e, T w) const {
    return lerp(s, e, w);
  }
};

template <class T>
void run_typed(const MathArgs& a, const iter::NaryPlan& plan, const ScalarType* dts) {
  switch (a.op) {
    case MathOp::Exp:
      return run_pw<T, T>(plan, dts, ExpF{});
    case MathOp::Exp2:
      return run_pw<T, T>(plan, dts, Exp2F{});
    case MathOp::Expm1:
      return run_pw<T, T>(plan, dts, Expm1F{});
    case MathOp::Log:
      return run_pw<T, T>(plan, dts, LogF{});
    case MathOp::Log2:
      return run_pw<T, T>(plan, dts, Log2F{});
    case MathOp::Log10:
      return run_pw<T, T>(plan, dts, Log10F{});
    case MathOp::Log1p:
      return run_pw<T, T>(plan, dts, Log1pF{});
    case MathOp::Sqrt:
      return run_pw<T, T>(plan, dts, SqrtF{});
    case MathOp::Rsqrt:
      return run_pw<T, T>(plan, dts, RsqrtF<T>{a.dtype == kBFloat16});
    case MathOp::Sin:
      return run_pw<T, T>(plan, dts, SinF{});
    case MathOp::Cos:
      return run_pw<T, T>(plan, dts, CosF{});
    case MathOp::Tan:
      return run_pw<T, T>(plan, dts, TanF{});
    case MathOp::Asin:
      return run_pw<T, T>(plan, dts, AsinF{});
    case MathOp::Acos:
      return run_pw<T, T>(plan, dts, AcosF{});
    case MathOp::Atan:
      return run_pw<T, T>(plan, dts, AtanF{});
    case MathOp::Sinh:
      return run_pw<T, T>(plan, dts, SinhF{});
    case MathOp::Cosh:
      return run_pw<T, T>(plan, dts, CoshF{});
    case MathOp::Tanh:
      return run_pw<T, T>(plan, dts, TanhF{});
    case MathOp::Sigmoid:
      return run_pw<T, T>(plan, dts, SigmoidF{});
    case MathOp::Atan2:
      return run_pw<T, T, T>(plan, dts, Atan2F{});
    case MathOp::Pow:
      return run_pw<T, T, T>(plan, dts, PowF{});
    case MathOp::PowScalar: {
      const double e = a.scalar;
      const bool special = a.dtype != kHalf;
      PowKind k = PowKind::General;
      if (special) {
        k = e == 2.0    ? PowKind::Square
            : e == 3.0  ? PowKind::Cube
            : e == -2.0 ? PowKind::InvSquare
            : e == 0.5  ? PowKind::Sqrt
            : e == -0.5 ? PowKind::Rsqrt
            : e == -1.0 ? PowKind::Recip
                        : PowKind::General;
      }
      const bool bf = a.dtype == kBFloat16;
      switch (k) {
        case PowKind::Square:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::Square>{e, bf});
        case PowKind::Cube:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::Cube>{e, bf});
        case PowKind::InvSquare:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::InvSquare>{e, bf});
        case PowKind::Sqrt:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::Sqrt>{e, bf});
        case PowKind::Rsqrt:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::Rsqrt>{e, bf});
        case PowKind::Recip:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::Recip>{e, bf});
        case PowKind::General:
          return run_pw<T, T>(plan, dts, PowScalarF<T, PowKind::General>{e, bf});
      }
      return;
    }
    case MathOp::Lerp:
      return run_pw<T, T, T>(plan, dts, LerpScalarF<T>{static_cast<T>(a.scalar)});
    case MathOp::LerpTensor:
      return run_pw<T, T, T, T>(plan, dts, LerpTensorF{});
  }
}

}  // namespace

void run_math(const MathArgs& args, const iter::NaryPlan& plan, const ScalarType* dts) {
  if (args.dtype == kDouble)
    run_typed<double>(args, plan, dts);
  else
    run_typed<float>(args, plan, dts);
}

}  // namespace parity::fast::cpu
