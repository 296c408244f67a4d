#include "cpu/binary_kernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <type_traits>

#include "core/dtype_convert.h"
#include "cpu/copy_kernels.h"

namespace parity::fast::cpu {
namespace {

// Elements per conversion block: three buffers of 8-byte elements stay in
// L1 (24 KiB) and on an OpenMP worker's stack.
constexpr int64_t kBlock = 1024;

template <class T>
inline constexpr bool is_int_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Integer arithmetic wraps, as torch's does in practice, without signed
// overflow: it runs in an unsigned type at least as wide as int (so that
// uint16 * uint16 does not promote to a signed int and overflow).
template <class T>
using Wide = std::conditional_t<(sizeof(T) < sizeof(unsigned)), unsigned, std::make_unsigned_t<T>>;

// --- the ops, one functor per op over one C++ type --------------------------

struct AddF {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>)
      return a || b;
    else if constexpr (is_int_v<T>)
      return static_cast<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b));
    else
      return a + b;
  }
};
struct SubF {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (is_int_v<T>)
      return static_cast<T>(static_cast<Wide<T>>(a) - static_cast<Wide<T>>(b));
    else
      return a - b;  // bool never gets here (sub refuses bool)
  }
};
template <class T>
struct AddAlphaF {
  T alpha;
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>) {
      return a || (alpha && b);
    } else if constexpr (is_int_v<T>) {
      return static_cast<T>(static_cast<Wide<T>>(a) +
                            static_cast<Wide<T>>(alpha) * static_cast<Wide<T>>(b));
    } else {
#ifdef __FMA__
      return std::fma(b, alpha, a);  // torch's vectorised path: fmadd(b, alpha, a)
#else
      return a + alpha * b;
#endif
    }
  }
};
struct MulF {
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (std::is_same_v<T, bool>)
      return a && b;
    else if constexpr (is_int_v<T>)
      return static_cast<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b));
    else
      return a * b;
  }
};
struct DivF {  // true division; the compute dtype is always floating here
  template <class T>
  T operator()(T a, T b) const {
    return a / b;
  }
};
// Integer quotient of a nonzero divisor; the one overflowing case
// (min / -1) wraps instead of trapping.
template <class T>
T int_div(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b == T(-1)) return static_cast<T>(Wide<T>(0) - static_cast<Wide<T>>(a));
  }
  return static_cast<T>(a / b);
}
struct DivTruncF {
  static constexpr bool kChecksZero = true;
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (is_int_v<T>)
      return int_div(a, b);
    else
      return std::trunc(a / b);
  }
};
struct DivFloorF {
  static constexpr bool kChecksZero = true;
  template <class T>
  T operator()(T a, T b) const {
    if constexpr (is_int_v<T>) {
      T q = int_div(a, b);
      if constexpr (std::is_signed_v<T>) {
        // c10's div_floor_integer: round toward -inf when the signs differ.
        if ((a < 0) != (b < 0) && static_cast<T>(a - q * b) != 0) q = static_cast<T>(q - 1);
      }
      return q;
    } else {
      // torch's div_floor_floating, step for step.
      if (b == 0) return a / b;
      T mod = std::fmod(a, b);
      T div = (a - mod) / b;
      if (mod != 0 && (b < 0) != (mod < 0)) div -= T(1);
      if (div != 0) {
        T fl = std::floor(div);
        if (div - fl > T(0.5)) fl += T(1);
        return fl;
      }
      return std::copysign(T(0), a / b);
    }
  }
};
struct EqF {
  template <class T>
  bool operator()(T a, T b) const {
    return a == b;
  }
};
struct NeF {
  template <class T>
  bool operator()(T a, T b) const {
    return a != b;
  }
};
struct LtF {
  template <class T>
  bool operator()(T a, T b) const {
    return a < b;
  }
};
struct LeF {
  template <class T>
  bool operator()(T a, T b) const {
    return a <= b;
  }
};
struct GtF {
  template <class T>
  bool operator()(T a, T b) const {
    return a > b;
  }
};
struct GeF {
  template <class T>
  bool operator()(T a, T b) const {
    return a >= b;
  }
};

template <class Op>
constexpr bool checks_zero() {
  if constexpr (requires { Op::kChecksZero; })
    return Op::kChecksZero;
  else
    return false;
}

// The inner loops: three shapes of stride (both inputs unit, one of them a
// broadcast scalar), each a plain counted loop over one type.
template <class K, class T, class Op>
void loop(K* o, const T* a, const T* b, int64_t n, bool a_scalar, bool b_scalar, const Op& op) {
  if (!a_scalar && !b_scalar) {
    for (int64_t i = 0; i < n; ++i) o[i] = op(a[i], b[i]);
  } else if (a_scalar && !b_scalar) {
    const T x = a[0];
    for (int64_t i = 0; i < n; ++i) o[i] = op(x, b[i]);
  } else if (!a_scalar) {
    const T y = b[0];
    for (int64_t i = 0; i < n; ++i) o[i] = op(a[i], y);
  } else {
    const K v = op(a[0], b[0]);
    std::fill_n(o, n, v);
  }
}

template <class T>
bool has_zero(const T* b, int64_t n) {
  bool z = false;
  for (int64_t i = 0; i < n; ++i) z |= b[i] == T(0);
  return z;
}

// One row: convert what must be converted, block by block, and run the loop.
template <class T, class K, class Op>
struct RowRunner {
  Op op;
  ScalarType ct, kt;  // dtypes of T and K
  ScalarType out_t, a_t, b_t;
  std::atomic<bool>* zero_div;

  void operator()(char* const* p, const int64_t* st, int64_t n) const {
    constexpr auto tsz = static_cast<int64_t>(sizeof(T));
    constexpr auto ksz = static_cast<int64_t>(sizeof(K));
    alignas(64) T buf_a[kBlock];
    alignas(64) T buf_b[kBlock];
    alignas(64) K buf_o[kBlock];
    const bool a_scalar = st[1] == 0, b_scalar = st[2] == 0;
    const bool a_direct = a_t == ct && st[1] == tsz;
    const bool b_direct = b_t == ct && st[2] == tsz;
    const bool o_direct = out_t == kt && st[0] == ksz;
    // A broadcast input is converted once per row.
    if (a_scalar) copy_row_kernel(a_t, ct)(reinterpret_cast<char*>(buf_a), p[1], 1, tsz, 0);
    if (b_scalar) copy_row_kernel(b_t, ct)(reinterpret_cast<char*>(buf_b), p[2], 1, tsz, 0);
    if constexpr (checks_zero<Op>() && is_int_v<T>) {
      if (b_scalar && buf_b[0] == T(0)) {
        zero_div->store(true, std::memory_order_relaxed);
        return;
      }
    }
    const iter::RowFn conv_a = a_scalar || a_direct ? nullptr : copy_row_kernel(a_t, ct);
    const iter::RowFn conv_b = b_scalar || b_direct ? nullptr : copy_row_kernel(b_t, ct);
    const iter::RowFn conv_o = o_direct ? nullptr : copy_row_kernel(kt, out_t);
    for (int64_t s = 0; s < n; s += kBlock) {
      const int64_t m = std::min(kBlock, n - s);
      const T* a = buf_a;
      const T* b = buf_b;
      if (a_direct)
        a = reinterpret_cast<const T*>(p[1]) + s;
      else if (conv_a)
        conv_a(reinterpret_cast<char*>(buf_a), p[1] + s * st[1], m, tsz, st[1]);
      if (b_direct)
        b = reinterpret_cast<const T*>(p[2]) + s;
      else if (conv_b)
        conv_b(reinterpret_cast<char*>(buf_b), p[2] + s * st[2], m, tsz, st[2]);
      if constexpr (checks_zero<Op>() && is_int_v<T>) {
        if (!b_scalar && has_zero(b, m)) {
          zero_div->store(true, std::memory_order_relaxed);
          return;
        }
      }
      K* o = o_direct ? reinterpret_cast<K*>(p[0]) + s : buf_o;
      loop<K, T, Op>(o, a, b, m, a_scalar, b_scalar, op);
      if (conv_o) conv_o(p[0] + s * st[0], reinterpret_cast<const char*>(buf_o), m, st[0], ksz);
    }
  }
};

template <class T, class K, class Op>
void run_op(const iter::ElementwisePlan& plan,
            const BinaryArgs& args,
            Op op,
            std::atomic<bool>* zd) {
  RowRunner<T, K, Op> r{op,       args.compute, std::is_same_v<K, bool> ? kBool : args.compute,
                        args.out, args.a,       args.b,
                        zd};
  iter::for_each_row(plan, r);
}

template <class T>
void run_typed(const iter::ElementwisePlan& plan, const BinaryArgs& args, std::atomic<bool>* zd) {
  switch (args.op) {
    case BinaryOp::Add:
      return run_op<T, T>(plan, args, AddF{}, zd);
    case BinaryOp::Sub:
      return run_op<T, T>(plan, args, SubF{}, zd);
    case BinaryOp::AddAlpha: {
      T alpha{};
      if constexpr (std::is_same_v<T, bool>)
        alpha = args.alpha.toBool();
      else if constexpr (is_int_v<T>)
        alpha = static_cast<T>(args.alpha.toLong());
      else
        alpha = static_cast<T>(args.alpha.toDouble());
      return run_op<T, T>(plan, args, AddAlphaF<T>{alpha}, zd);
    }
    case BinaryOp::Mul:
      return run_op<T, T>(plan, args, MulF{}, zd);
    case BinaryOp::Div:
      if constexpr (std::is_floating_point_v<T>) return run_op<T, T>(plan, args, DivF{}, zd);
      break;
    case BinaryOp::DivTrunc:
      if constexpr (!std::is_same_v<T, bool>) return run_op<T, T>(plan, args, DivTruncF{}, zd);
      break;
    case BinaryOp::DivFloor:
      if constexpr (!std::is_same_v<T, bool>) return run_op<T, T>(plan, args, DivFloorF{}, zd);
      break;
    case BinaryOp::Eq:
      return run_op<T, bool>(plan, args, EqF{}, zd);
    case BinaryOp::Ne:
      return run_op<T, bool>(plan, args, NeF{}, zd);
    case BinaryOp::Lt:
      return run_op<T, bool>(plan, args, LtF{}, zd);
    case BinaryOp::Le:
      return run_op<T, bool>(plan, args, LeF{}, zd);
    case BinaryOp::Gt:
      return run_op<T, bool>(plan, args, GtF{}, zd);
    case BinaryOp::Ge:
      return run_op<T, bool>(plan, args, GeF{}, zd);
  }
  throw Error("parity::fast: binary op not available for this dtype");
}

}  // namespace

void run_binary(const iter::ElementwisePlan& plan, const BinaryArgs& args) {
  std::atomic<bool> zero_div{false};
  switch (args.compute) {
    case kBool:
      run_typed<bool>(plan, args, &zero_div);
      break;
    case kByte:
      run_typed<uint8_t>(plan, args, &zero_div);
      break;
    case kChar:
      run_typed<int8_t>(plan, args, &zero_div);
      break;
    case kShort:
      run_typed<int16_t>(plan, args, &zero_div);
      break;
    case kInt:
      run_typed<int32_t>(plan, args, &zero_div);
      break;
    case kLong:
      run_typed<int64_t>(plan, args, &zero_div);
      break;
    case kFloat:
      run_typed<float>(plan, args, &zero_div);
      break;
    case kDouble:
      run_typed<double>(plan, args, &zero_div);
      break;
    default:
      throw Error("parity::fast: float16/bfloat16 are computed in float32");
  }
  if (zero_div.load()) throw Error("ZeroDivisionError");
}

}  // namespace parity::fast::cpu
