// INIT-5: torch's calc_erfinv (a rational first guess, central range 0.7,
// then two Newton steps), with LibTorch's build fusing each a*b + c.
#pragma once
#include <cmath>
#include <limits>
#include <numbers>

namespace parity::fast::init_detail {

template <class T>
T erfinv(T y) {
  constexpr T kA[4] = {0.886226899, -1.645349621, 0.914624893, -0.140543331};
  constexpr T kB[4] = {-2.118377725, 1.442710462, -0.329097515, 0.012229801};
  constexpr T kC[4] = {-1.970840454, -1.624906493, 3.429567803, 1.641345311};
  constexpr T kD[2] = {3.543889200, 1.637067800};
  const T y_abs = std::abs(y);
  if (y_abs > T(1)) return std::numeric_limits<T>::quiet_NaN();
  if (y_abs == T(1)) return std::copysign(std::numeric_limits<T>::infinity(), y);
  T x;
  if (y_abs <= T(0.7)) {
    const T z = y * y;
    const T num = std::fma(std::fma(std::fma(kA[3], z, kA[2]), z, kA[1]), z, kA[0]);
    const T dem =
        std::fma(std::fma(std::fma(std::fma(kB[3], z, kB[2]), z, kB[1]), z, kB[0]), z, T(1));
    x = y * num;
    x = x / dem;
  } else {
    const T z = std::sqrt(-std::log((T(1) - y_abs) / T(2)));
    const T num = std::fma(std::fma(std::fma(kC[3], z, kC[2]), z, kC[1]), z, kC[0]);
    const T dem = std::fma(std::fma(kD[1], z, kD[0]), z, T(1));
    x = std::copysign(num, y) / dem;
  }
  const T k = T(2) / static_cast<T>(std::sqrt(std::numbers::pi));
  x = x - (std::erf(x) - y) / (k * std::exp(-x * x));
  x = x - (std::erf(x) - y) / (k * std::exp(-x * x));
  return x;
}

}  // namespace parity::fast::init_detail
