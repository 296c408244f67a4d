#include "cpu/select_kernels.h"

#include <limits>
#include <optional>

#include "cpu/pointwise_loop.h"

namespace parity::fast::cpu {
namespace {

struct WhereF {
  template <class T>
  T operator()(bool c, T a, T b) const {
    return c ? a : b;
  }
};
template <class T>
struct FillF {
  T v;
  T operator()(T x, bool m) const { return m ? v : x; }
};
template <class T>
struct FillByteMaskF {
  static constexpr int kCheckArg = 1;
  static bool bad(uint8_t m) { return m > 1; }
  T v;
  T operator()(T x, uint8_t m) const { return m ? v : x; }
};
// std::max / std::min order: a NaN input passes through.
template <class T>
struct ClampF {
  T lo, hi;
  T operator()(T x) const {
    T y = x < lo ? lo : x;
    return hi < y ? hi : y;
  }
};
template <class T>
struct ClampMinF {
  T lo;
  T operator()(T x) const { return x < lo ? lo : x; }
};
template <class T>
struct ClampMaxF {
  T hi;
  T operator()(T x) const { return hi < x ? hi : x; }
};
struct ClampTensorF {
  template <class T>
  T operator()(T x, T lo, T hi) const {
    if constexpr (std::is_floating_point_v<T>) {
      if (x != x || lo != lo || hi != hi) return std::numeric_limits<T>::quiet_NaN();
    }
    T y = x < lo ? lo : x;
    return hi < y ? hi : y;
  }
};

template <class T>
T scalar_as(const Scalar& s) {
  if constexpr (std::is_same_v<T, bool>)
    return s.toBool();
  else if constexpr (std::is_floating_point_v<T>)
    return static_cast<T>(s.toDouble());
  else
    return static_cast<T>(s.toLong());
}

}  // namespace

void run_where(ScalarType dtype, const iter::NaryPlan& plan, const ScalarType* dts) {
  dispatch_compute(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    run_pw<T, bool, T, T>(plan, dts, WhereF{});
  });
}

void run_masked_fill(ScalarType dtype,
                     const Scalar& value,
                     const iter::NaryPlan& plan,
                     const ScalarType* dts) {
  std::atomic<bool> bad_mask{false};
  dispatch_compute(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    const T v = scalar_as<T>(value);
    if (dts[2] == kBool)
      run_pw<T, T, bool>(plan, dts, FillF<T>{v});
    else
      run_pw<T, T, uint8_t>(plan, dts, FillByteMaskF<T>{v}, &bad_mask);
  });
  if (bad_mask.load()) throw Error("Mask tensor can take 0 and 1 values only");
}

void run_clamp_scalar(ScalarType dtype,
                      const std::optional<Scalar>& lo,
                      const std::optional<Scalar>& hi,
                      const iter::NaryPlan& plan,
                      const ScalarType* dts) {
  dispatch_compute(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (lo && hi)
      run_pw<T, T>(plan, dts, ClampF<T>{scalar_as<T>(*lo), scalar_as<T>(*hi)});
    else if (lo)
      run_pw<T, T>(plan, dts, ClampMinF<T>{scalar_as<T>(*lo)});
    else
      run_pw<T, T>(plan, dts, ClampMaxF<T>{scalar_as<T>(*hi)});
  });
}

void run_clamp_tensor(ScalarType dtype, const iter::NaryPlan& plan, const ScalarType* dts) {
  dispatch_compute(dtype, [&](auto tag) {
    using T = typename decltype(tag)::type;
    run_pw<T, T, T, T>(plan, dts, ClampTensorF{});
  });
}

}  // namespace parity::fast::cpu
