// normal_fill<scalar_t> for double, float16 and bfloat16 (see normal_fill.h),
// with libm's log/sqrt/cos/sin. LibTorch compiles it with FMA contraction
// (AVX2 build), which fuses `radius * cos(theta) * std + mean` into one
// rounding after radius * cos(theta); bfloat16 has no such step.
// Clause: RAND-4.
#include "normal_fill.h"

#include <cmath>
#include <numbers>

#include "dispatch.h"

namespace parity::ref {

namespace {

// One block of 16 in double: u1 = 1 - d[j] maps [0, 1) to (0, 1] for log.
void fill_16(double* d, double mean, double std) {
  for (int j = 0; j < 8; ++j) {
    const double u1 = 1 - d[j];
    const double u2 = d[j + 8];
    const double radius = std::sqrt(-2 * std::log(u1));
    const double theta = 2.0 * std::numbers::pi * u2;
    d[j] = std::fma(radius * std::cos(theta), std, mean);
    d[j + 8] = std::fma(radius * std::sin(theta), std, mean);
  }
}

// One block of 16 in float16: every named intermediate is a Half (rounded);
// the arithmetic between them is float (c10::Half has no std:: math of its
// own), theta's product double.
void fill_16(Half* d, float mean, float std) {
  for (int j = 0; j < 8; ++j) {
    const float u1 = to_float(from_float<Half>(1.0f - to_float(d[j])));
    const float u2 = to_float(d[j + 8]);
    const float radius = to_float(from_float<Half>(std::sqrt(-2.0f * std::log(u1))));
    const float theta = to_float(from_double<Half>(2.0 * std::numbers::pi * u2));
    d[j] = from_float<Half>(std::fma(radius * std::cos(theta), std, mean));
    d[j + 8] = from_float<Half>(std::fma(radius * std::sin(theta), std, mean));
  }
}

// One block of 16 in bfloat16: c10 declares std::log, sqrt, cos and sin for
// BFloat16 returning BFloat16, and BFloat16 * BFloat16 is a BFloat16, so
// every single operation rounds to bfloat16.
void fill_16(BFloat16* d, float mean, float std) {
  auto bf = [](float x) { return to_float(from_float<BFloat16>(x)); };
  for (int j = 0; j < 8; ++j) {
    const float u1 = bf(1.0f - to_float(d[j]));
    const float u2 = to_float(d[j + 8]);
    const float radius = bf(std::sqrt(bf(-2.0f * bf(std::log(u1)))));
    const float theta = to_float(from_double<BFloat16>(2.0 * std::numbers::pi * u2));
    d[j] = from_float<BFloat16>(bf(bf(radius * bf(std::cos(theta))) * std) + mean);
    d[j + 8] = from_float<BFloat16>(bf(bf(radius * bf(std::sin(theta))) * std) + mean);
  }
}

// Uniforms first, then the blocks; a trailing partial block is redrawn.
template <class T, class Param>
void fill(T* data, int64_t size, Param mean, Param std, GeneratorImpl& gen) {
  for (int64_t i = 0; i < size; ++i) data[i] = uniform_unit<T>(gen);
  for (int64_t i = 0; i + 16 <= size; i += 16) fill_16(data + i, mean, std);
  if (size % 16 != 0) {
    T* last = data + size - 16;
    for (int j = 0; j < 16; ++j) last[j] = uniform_unit<T>(gen);
    fill_16(last, mean, std);
  }
}

}  // namespace

void normal_fill_scalar(const TensorImpl& self, double mean, double std, GeneratorImpl& gen) {
  const int64_t size = product(self.sizes);
  dispatch_dtype(self.dtype, [&]<class T>() {
    T* data = element_at<T>(self, self.offset);
    if constexpr (std::is_same_v<T, double>) {
      fill(data, size, mean, std, gen);
    } else if constexpr (std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>) {
      // static_cast<scalar_t>(mean): through float, then T
      fill(data, size, to_float(from_double<T>(mean)), to_float(from_double<T>(std)), gen);
    }
  });
}

}  // namespace parity::ref
