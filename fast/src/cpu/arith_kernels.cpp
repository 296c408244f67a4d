#include "cpu/arith_kernels.h"

#include <cmath>
#include <limits>

#include "cpu/pointwise_loop.h"

namespace parity::fast::cpu {
namespace {

template <class T>
inline constexpr bool is_int_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;
template <class T>
using Wide = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

// a % b for b != 0; the overflowing min % -1 is 0.
template <class T>
inline T int_mod(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b == T(-1)) return 0;
  }
  return static_cast<T>(a % b);
}

struct NonZeroDivisor {
  static constexpr int kCheckArg = 1;
  template <class T>
  static bool bad(T b) {
    return b == T(0);
  }
};

struct RemainderF : NonZeroDivisor {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (is_int_v<T>) {
      T r = int_mod(a, b);
      if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
      return r;
    } else {
      T m = std::fmod(a, b);
      if (m != 0 && ((b < 0) != (m < 0))) m += b;
      return m;
    }
  }
};
struct FmodF : NonZeroDivisor {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (is_int_v<T>)
      return int_mod(a, b);
    else
      return std::fmod(a, b);
  }
};
// Float remainder/fmod divide by zero into NaN: no check.
struct RemainderFloatF {
  template <class T>
  T operator()(T a, T b) const {
    return RemainderF{}(a, b);
  }
};
struct FmodFloatF {
  template <class T>
  T operator()(T a, T b) const {
    return std::fmod(a, b);
  }
};

// torch's powi: square and multiply, wrapping; negative exponents give 1
// for base 1, +-1 for base -1, 0 otherwise.
template <class T>
inline T powi(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) {
      if (a == 1) return 1;
      if (a == -1) return (b & 1) ? T(-1) : T(1);
      return 0;
    }
  }
  Wide<T> r = 1, x = static_cast<Wide<T>>(a);
  auto e = static_cast<std::make_unsigned_t<T>>(b);
  while (e) {
    if (e & 1) r *= x;
    e >>= 1;
    x *= x;
  }
  return static_cast<T>(r);
}
struct PowIntF {
  template <class T>
  T operator()(T a, T b) const {
    return powi(a, b);
  }
};
template <class T>
struct PowIntScalarF {
  T e;
  T operator()(T a) const { return powi(a, e); }
};

struct BitAndF {
  template <class T>
  T operator()(T a, T b) const {
    return static_cast<T>(a & b);
  }
};
struct BitOrF {
  template <class T>
  T operator()(T a, T b) const {
    return static_cast<T>(a | b);
  }
};
struct BitXorF {
  template <class T>
  T operator()(T a, T b) const {
    return static_cast<T>(a ^ b);
  }
};
// NaN in either gives NaN; otherwise std::max/std::min (the first operand
// wins a +0/-0 tie), as torch's scalar loop.
struct MaximumF {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a || b;
    } else if constexpr (std::is_floating_point_v<T>) {
      if (a != a || b != b) return std::numeric_limits<T>::quiet_NaN();
      return a < b ? b : a;
    } else {
      return a < b ? b : a;
    }
  }
};
struct MinimumF {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a && b;
    } else if constexpr (std::is_floating_point_v<T>) {
      if (a != a || b != b) return std::numeric_limits<T>::quiet_NaN();
      return b < a ? b : a;
    } else {
      return b < a ? b : a;
    }
  }
};
struct LogicalAndF {
  template <class T>
  bool operator()(T a, T b) const {
    return a != T(0) && b != T(0);
  }
};
struct LogicalOrF {
  template <class T>
  bool operator()(T a, T b) const {
    return a != T(0) || b != T(0);
  }
};
struct LogicalXorF {
  template <class T>
  bool operator()(T a, T b) const {
    return (a != T(0)) != (b != T(0));
  }
};

template <class T>
void run_typed(const ArithArgs& a,
               const iter::NaryPlan& plan,
               const ScalarType* dts,
               std::atomic<bool>* zd) {
  constexpr bool fp = std::is_floating_point_v<T>;
  constexpr bool integer = is_int_v<T>;
  switch (a.op) {
    case ArithOp::Remainder:
      if constexpr (fp) return run_pw<T, T, T>(plan, dts, RemainderFloatF{});
      if constexpr (integer) return run_pw<T, T, T>(plan, dts, RemainderF{}, zd);
      break;
    case ArithOp::Fmod:
      if constexpr (fp) return run_pw<T, T, T>(plan, dts, FmodFloatF{});
      if constexpr (integer) return run_pw<T, T, T>(plan, dts, FmodF{}, zd);
      break;
    case ArithOp::PowInt:
      if constexpr (integer) return run_pw<T, T, T>(plan, dts, PowIntF{});
      break;
    case ArithOp::PowIntScalar:
      if constexpr (integer)
        return run_pw<T, T>(plan, dts, PowIntScalarF<T>{static_cast<T>(a.exponent)});
      break;
    case ArithOp::BitAnd:
      if constexpr (!fp) return run_pw<T, T, T>(plan, dts, BitAndF{});
      break;
    case ArithOp::BitOr:
      if constexpr (!fp) return run_pw<T, T, T>(plan, dts, BitOrF{});
      break;
    case ArithOp::BitXor:
      if constexpr (!fp) return run_pw<T, T, T>(plan, dts, BitXorF{});
      break;
    case ArithOp::Maximum:
      return run_pw<T, T, T>(plan, dts, MaximumF{});
    case ArithOp::Minimum:
      return run_pw<T, T, T>(plan, dts, MinimumF{});
    case ArithOp::LogicalAnd:
      return run_pw<bool, T, T>(plan, dts, LogicalAndF{});
    case ArithOp::LogicalOr:
      return run_pw<bool, T, T>(plan, dts, LogicalOrF{});
    case ArithOp::LogicalXor:
      return run_pw<bool, T, T>(plan, dts, LogicalXorF{});
  }
  throw Error("parity::fast: binary op not available for this dtype");
}

}  // namespace

void run_arith(const ArithArgs& args, const iter::NaryPlan& plan, const ScalarType* dts) {
  std::atomic<bool> zero_div{false};
  dispatch_compute(args.dtype, [&](auto tag) {
    run_typed<typename decltype(tag)::type>(args, plan, dts, &zero_div);
  });
  if (zero_div.load()) throw Error("ZeroDivisionError");
}

}  // namespace parity::fast::cpu
