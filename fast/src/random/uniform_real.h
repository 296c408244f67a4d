// RAND-3: at::uniform_real_distribution<T>: the low 24/53/11/8 bits of one
// draw (64-bit for double) scaled into [from, to) with one fused
// multiply-add, in float for the 16-bit types (whose to - from is first
// rounded to the type).
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "core/dtype_convert.h"

namespace parity::fast::random {

template <class T>
struct UniformReal {
  using Word = std::conditional_t<std::is_same_v<T, double>, uint64_t, uint32_t>;
  static constexpr int kDigits = std::is_same_v<T, double>  ? 53
                                 : std::is_same_v<T, float> ? 24
                                 : std::is_same_v<T, Half>  ? 11
                                                            : 8;
  using Acc = std::conditional_t<std::is_same_v<T, double>, double, float>;

  Acc from, range;  // range: to - from, rounded to T

  // from_d/to_d: the op's double bounds; the kernel first casts them to T.
  UniformReal(double from_d, double to_d) {
    const T f = core::convert<T>(from_d), t = core::convert<T>(to_d);
    if constexpr (core::is_reduced_float_v<T>) {
      from = core::reduced_to_float(f);
      range = core::reduced_to_float(core::float_to_reduced<T>(core::reduced_to_float(t) - from));
    } else {
      from = f;
      range = t - f;
    }
  }

  static Acc unit(Word w) {
    constexpr Word kMask = (Word{1} << kDigits) - 1;
    constexpr Acc kScale = Acc(1) / static_cast<Acc>(uint64_t{1} << kDigits);
    // Through int64: the masked word fits, and signed converts in one instruction.
    return static_cast<Acc>(static_cast<int64_t>(w & kMask)) * kScale;
  }

  // LibTorch's kernel is built with FMA contraction: one rounding.
  T operator()(Word w) const {
    const Acc v = std::fma(unit(w), range, from);
    if constexpr (core::is_reduced_float_v<T>) {
      return core::float_to_reduced<T>(v);
    } else {
      return v;
    }
  }
};

}  // namespace parity::fast::random
