#include "cpu/unary_kernels.h"

#include <cmath>
#include <limits>

#include "core/dtype_convert.h"
#include "cpu/pointwise_loop.h"

namespace parity::fast::cpu {
namespace {

template <class T>
inline constexpr bool is_int_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;
// Wrapping integer arithmetic in an unsigned type at least as wide as int.
template <class T>
using Wide = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

struct AbsF {
  template <class T>
  T operator()(T x) const {
    if constexpr (std::is_unsigned_v<T>)
      return x;
    else if constexpr (is_int_v<T>)
      return x < 0 ? static_cast<T>(Wide<T>(0) - static_cast<Wide<T>>(x)) : x;
    else
      return std::abs(x);
  }
};
struct SignF {
  template <class T>
  T operator()(T x) const {
    if constexpr (std::is_same_v<T, bool> || std::is_unsigned_v<T>)
      return x > 0;
    else
      return static_cast<T>((T(0) < x) - (x < T(0)));  // NaN and -0 give +0
  }
};
struct FloorF {
  template <class T>
  T operator()(T x) const {
    return std::floor(x);
  }
};
struct CeilF {
  template <class T>
  T operator()(T x) const {
    return std::ceil(x);
  }
};
struct RoundF {  // half to even, as nearbyint in the default rounding mode
  template <class T>
  T operator()(T x) const {
    return std::nearbyint(x);
  }
};
struct TruncF {
  template <class T>
  T operator()(T x) const {
    return std::trunc(x);
  }
};
struct FracF {
  template <class T>
  T operator()(T x) const {
    return x - std::trunc(x);
  }
};
struct ReciprocalF {
  template <class T>
  T operator()(T x) const {
    return T(1) / x;
  }
};
struct BitwiseNotF {
  template <class T>
  T operator()(T x) const {
    if constexpr (std::is_same_v<T, bool>)
      return !x;
    else
      return static_cast<T>(~x);
  }
};
struct LogicalNotF {
  template <class T>
  bool operator()(T x) const {
    return x == T(0);
  }
};
struct IsNanF {
  template <class T>
  bool operator()(T x) const {
    return x != x;
  }
};
struct IsInfF {
  template <class T>
  bool operator()(T x) const {
    if constexpr (std::is_floating_point_v<T>)
      return std::abs(x) == std::numeric_limits<T>::infinity();
    else
      return false;
  }
};
struct IsFiniteF {
  template <class T>
  bool operator()(T x) const {
    if constexpr (std::is_floating_point_v<T>)
      return std::abs(x) < std::numeric_limits<T>::infinity();  // false for NaN
    else
      return true;
  }
};
template <class T>
struct NanToNumF {
  T nan, posinf, neginf;
  T operator()(T x) const {
    constexpr T inf = std::numeric_limits<T>::infinity();
    return x != x ? nan : x == inf ? posinf : x == -inf ? neginf : x;
  }
};
// torch's round_decimals_kernel: x * 10^d (or x / 10^-d), nearbyint, then
// back. A bfloat16 op rounds each intermediate to bfloat16, as c10's
// BFloat16 arithmetic does.
template <class T>
struct RoundDecimalsF {
  T ten_pow;
  bool neg;
  bool bf16;
  T r(T v) const {
    if constexpr (std::is_same_v<T, float>)
      return bf16 ? core::bf16_bits_to_float(core::float_to_bf16_bits(v)) : v;
    else
      return v;
  }
  T operator()(T x) const {
    return neg ? std::nearbyint(r(x / ten_pow)) * ten_pow
               : std::nearbyint(r(x * ten_pow)) / ten_pow;
  }
};

template <class T>
void run_typed(const UnaryArgs& a, const iter::NaryPlan& plan, const ScalarType* dts) {
  constexpr bool fp = std::is_floating_point_v<T>;
  switch (a.op) {
    case UnaryOp::Abs:
      return run_pw<T, T>(plan, dts, AbsF{});
    case UnaryOp::Sign:
      return run_pw<T, T>(plan, dts, SignF{});
    case UnaryOp::LogicalNot:
      return run_pw<bool, T>(plan, dts, LogicalNotF{});
    case UnaryOp::IsNan:
      return run_pw<bool, T>(plan, dts, IsNanF{});
    case UnaryOp::IsInf:
      return run_pw<bool, T>(plan, dts, IsInfF{});
    case UnaryOp::IsFinite:
      return run_pw<bool, T>(plan, dts, IsFiniteF{});
    case UnaryOp::BitwiseNot:
      if constexpr (!fp) return run_pw<T, T>(plan, dts, BitwiseNotF{});
      break;
    default:
      break;
  }
  if constexpr (fp) {
    switch (a.op) {
      case UnaryOp::Floor:
        return run_pw<T, T>(plan, dts, FloorF{});
      case UnaryOp::Ceil:
        return run_pw<T, T>(plan, dts, CeilF{});
      case UnaryOp::Round:
        return run_pw<T, T>(plan, dts, RoundF{});
      case UnaryOp::Trunc:
        return run_pw<T, T>(plan, dts, TruncF{});
      case UnaryOp::Frac:
        return run_pw<T, T>(plan, dts, FracF{});
      case UnaryOp::Reciprocal:
        return run_pw<T, T>(plan, dts, ReciprocalF{});
      case UnaryOp::NanToNum:
        return run_pw<T, T>(plan, dts,
                            NanToNumF<T>{static_cast<T>(a.nan), static_cast<T>(a.posinf),
                                         static_cast<T>(a.neginf)});
      case UnaryOp::RoundDecimals: {
        const bool neg = a.decimals < 0;
        const double p = std::pow(10.0, static_cast<double>(neg ? -a.decimals : a.decimals));
        const bool bf16 = a.dtype == kBFloat16;
        const T tp =
            bf16 ? static_cast<T>(core::to_double(core::convert<BFloat16>(p))) : static_cast<T>(p);
        return run_pw<T, T>(plan, dts, RoundDecimalsF<T>{tp, neg, bf16});
      }
      default:
        break;
    }
  }
  throw Error("parity::fast: unary op not available for this dtype");
}

}  // namespace

void run_unary(const UnaryArgs& args, const iter::NaryPlan& plan, const ScalarType* dts) {
  dispatch_compute(args.dtype,
                   [&](auto tag) { run_typed<typename decltype(tag)::type>(args, plan, dts); });
}

}  // namespace parity::fast::cpu
