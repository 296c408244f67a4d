// erfinv as ATen's calc_erfinv (float in float, double in double): a
// rational first guess (the MATLAB 2.0 erfinv of G. L. Pavlis, 1996:
// central part for |y| <= 0.7, tail part beyond), then two Newton steps on
// erf(x) = y, which make the guess accurate to the type. LibTorch's AVX2
// build contracts each Horner step into a fused multiply-add; the Newton
// steps do not quite erase that last bit, so the steps are fused here too.
// Clause: INIT-5.
#include "erfinv.h"

#include <cmath>
#include <limits>
#include <numbers>

namespace parity::ref {

namespace {

template <class T>
T erfinv_of(T y) {
  const T y_abs = std::abs(y);
  if (y_abs > 1) return std::numeric_limits<T>::quiet_NaN();
  if (y_abs == 1) return std::copysign(std::numeric_limits<T>::infinity(), y);
  T x;
  if (y_abs <= T(0.7)) {
    const T z = y * y;
    T num = T(-0.140543331);
    num = std::fma(num, z, T(0.914624893));
    num = std::fma(num, z, T(-1.645349621));
    num = std::fma(num, z, T(0.886226899));
    T dem = T(0.012229801);
    dem = std::fma(dem, z, T(-0.329097515));
    dem = std::fma(dem, z, T(1.442710462));
    dem = std::fma(dem, z, T(-2.118377725));
    dem = std::fma(dem, z, T(1));
    x = y * num / dem;
  } else {
    const T z = std::sqrt(-std::log((T(1) - y_abs) / T(2)));
    T num = T(1.641345311);
    num = std::fma(num, z, T(3.429567803));
    num = std::fma(num, z, T(-1.624906493));
    num = std::fma(num, z, T(-1.970840454));
    T dem = T(1.637067800);
    dem = std::fma(dem, z, T(3.543889200));
    dem = std::fma(dem, z, T(1));
    x = std::copysign(num, y) / dem;
  }
  // d/dx erf(x) = 2/sqrt(pi) * exp(-x^2)
  const T two_over_sqrt_pi = T(2) / static_cast<T>(std::sqrt(std::numbers::pi));
  x = x - (std::erf(x) - y) / (two_over_sqrt_pi * std::exp(-x * x));
  x = x - (std::erf(x) - y) / (two_over_sqrt_pi * std::exp(-x * x));
  return x;
}

}  // namespace

float erfinv(float y) { return erfinv_of(y); }
double erfinv(double y) { return erfinv_of(y); }

}  // namespace parity::ref
