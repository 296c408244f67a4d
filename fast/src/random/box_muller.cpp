// RAND-4: normal_fill_16 per dtype. theta is 2π·u2 computed in double, then
// rounded to the dtype; float16/bfloat16 round at every assignment as c10's
// Half arithmetic does.
#include "random/box_muller.h"

#include <cmath>
#include <numbers>

#include "core/dtype_convert.h"
#include "iter/outer_loop.h"

namespace parity::fast::random {
namespace {

constexpr double kTwoPi = 2.0f * std::numbers::pi;

template <class T>
float f32(T v) {
  return core::reduced_to_float(v);
}
template <class T>
T r16(float v) {
  return core::float_to_reduced<T>(v);
}

// double and float: scalar_t throughout, the final scaling fused.
template <class T>
void block16_native(T* d, T mean, T sd) {
  for (int j = 0; j < 8; ++j) {
    const T u1 = 1 - d[j];
    const T u2 = d[j + 8];
    const T radius = std::sqrt(-2 * std::log(u1));
    const T theta = static_cast<T>(kTwoPi * u2);
    d[j] = std::fma(radius * std::cos(theta), sd, mean);
    d[j + 8] = std::fma(radius * std::sin(theta), sd, mean);
  }
}

// float16: c10::Half arithmetic gives float, rounded at each Half
// assignment; libm runs in float; the final scaling is a float FMA.
void block16_half(Half* d, Half mean, Half sd) {
  for (int j = 0; j < 8; ++j) {
    const Half u1 = r16<Half>(1.0f - f32(d[j]));
    const Half u2 = d[j + 8];
    const Half radius = r16<Half>(std::sqrt(-2 * std::log(f32(u1))));
    const Half theta = r16<Half>(static_cast<float>(kTwoPi * static_cast<double>(f32(u2))));
    const float r = f32(radius), th = f32(theta), s = f32(sd), m = f32(mean);
    d[j] = r16<Half>(std::fma(r * std::cos(th), s, m));
    d[j + 8] = r16<Half>(std::fma(r * std::sin(th), s, m));
  }
}

// bfloat16: c10 has BFloat16 overloads of std::log/sqrt/cos/sin and
// BFloat16-valued arithmetic, so every step rounds to bfloat16.
void block16_bf16(BFloat16* d, BFloat16 mean, BFloat16 sd) {
  using B = BFloat16;
  auto rb = [](float v) { return r16<B>(v); };
  const float s = f32(sd), m = f32(mean);
  for (int j = 0; j < 8; ++j) {
    const B u1 = rb(1.0f - f32(d[j]));
    const B u2 = d[j + 8];
    const B lg = rb(std::log(f32(u1)));
    const B radius = rb(std::sqrt(f32(rb(-2.0f * f32(lg)))));
    const B theta = rb(static_cast<float>(kTwoPi * static_cast<double>(f32(u2))));
    const float r = f32(radius);
    const B c = rb(std::cos(f32(theta))), sn = rb(std::sin(f32(theta)));
    d[j] = rb(f32(rb(f32(rb(r * f32(c))) * s)) + m);
    d[j + 8] = rb(f32(rb(f32(rb(r * f32(sn))) * s)) + m);
  }
}

template <class T>
void block16(T* d, T mean, T sd) {
  if constexpr (std::is_same_v<T, Half>) {
    block16_half(d, mean, sd);
  } else if constexpr (std::is_same_v<T, BFloat16>) {
    block16_bf16(d, mean, sd);
  } else {
    block16_native(d, mean, sd);
  }
}

}  // namespace

template <class T>
void box_muller_blocks(T* data, int64_t nblocks, T mean, T sd) {
  iter::parallel_units(nblocks, nblocks * 16 * 8, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) block16(data + 16 * i, mean, sd);
  });
}

template void box_muller_blocks<double>(double*, int64_t, double, double);
template void box_muller_blocks<float>(float*, int64_t, float, float);
template void box_muller_blocks<Half>(Half*, int64_t, Half, Half);
template void box_muller_blocks<BFloat16>(BFloat16*, int64_t, BFloat16, BFloat16);

}  // namespace parity::fast::random
