// normal_fill for float32 (see normal_fill.h): LibTorch's AVX2 kernel,
// normal_fill_AVX2, written out one lane at a time. Its log and sincos are
// not libm's but the Cephes single-precision polynomials of avx_mathfun.h,
// evaluated in float with the fused multiply-adds that GCC (-mfma,
// fp-contract=fast) gave LibTorch's build; each std::fma below is one of
// them and changes results if split. Products left unfused are either
// rounded in LibTorch too or exact. Domain: u1 in [2^-24, 1], theta in
// [0, 2pi), the only inputs the fill produces.
// Clause: RAND-4.
#include <bit>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "normal_fill.h"

namespace parity::ref {

namespace {

// Cephes logf: x = m * 2^e with m in [sqrt(1/2), sqrt(2)), then
// log(x) = (m - 1) + polynomial + e * log(2), log(2) split in two parts.
float cephes_log(float x) {
  constexpr float kSqrtHalf = 0x1.6a09e6p-1f;
  constexpr float kP[9] = {0x1.204376p-4f,  -0x1.d7a37p-4f,  0x1.de4a34p-4f,
                           -0x1.fcba9ep-4f, 0x1.23d37ep-3f,  -0x1.555cap-3f,
                           0x1.999d58p-3f,  -0x1.fffff8p-3f, 0x1.555554p-2f};
  constexpr float kLog2Low = -0x1.bd0106p-13f;  // log(2) = kLog2High + kLog2Low
  constexpr float kLog2High = 0x1.63p-1f;

  const uint32_t bits = std::bit_cast<uint32_t>(x);
  float e = static_cast<float>(static_cast<int32_t>(bits >> 23) - 127) + 1.0f;
  float m = std::bit_cast<float>((bits & ~0x7f800000u) | 0x3f000000u);  // in [0.5, 1)
  if (m < kSqrtHalf) {
    e = e - 1.0f;
    m = (m - 1.0f) + m;
  } else {
    m = m - 1.0f;
  }
  const float z = m * m;
  float y = kP[0];
  for (int i = 1; i < 9; ++i) y = std::fma(y, m, kP[i]);
  y = y * m;
  y = std::fma(y, z, e * kLog2Low);
  y = y - 0.5f * z;
  m = m + y;
  return m + e * kLog2High;
}

// Cephes sinf/cosf together: reduce x by the nearest even multiple j of
// pi/4 (pi/4 in three parts), then pick the sine or cosine polynomial and
// the sign from j's octant.
void cephes_sincos(float x, float& sin_out, float& cos_out) {
  constexpr float kFourOverPi = 0x1.45f306p+0f;
  constexpr float kMinusPiOver4[3] = {-0x1.92p-1f, -0x1.fb4p-13f, -0x1.4442d2p-25f};
  constexpr float kCos[3] = {0x1.99eb9cp-16f, -0x1.6c0c34p-10f, 0x1.55554ap-5f};
  constexpr float kSin[3] = {-0x1.9943f2p-13f, 0x1.11073cp-7f, -0x1.555546p-3f};

  // x >= 0 here, so no input sign to carry.
  auto j = static_cast<int32_t>(x * kFourOverPi);  // truncation
  j = (j + 1) & ~1;
  const auto y = static_cast<float>(j);
  const uint32_t sin_sign = static_cast<uint32_t>(j & 4) << 29;
  const uint32_t cos_sign = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const bool sin_uses_sin_poly = (j & 2) == 0;

  for (float part : kMinusPiOver4) x = std::fma(y, part, x);
  const float z = x * x;

  float yc = std::fma(kCos[0], z, kCos[1]);
  yc = std::fma(yc, z, kCos[2]);
  yc = yc * z;
  yc = std::fma(yc, z, -(0.5f * z));
  yc = yc + 1.0f;

  float ys = std::fma(kSin[0], z, kSin[1]);
  ys = std::fma(ys, z, kSin[2]);
  ys = ys * z;
  ys = std::fma(ys, x, x);

  const float sin_poly = sin_uses_sin_poly ? ys : yc;
  const float cos_poly = sin_uses_sin_poly ? yc : ys;
  sin_out = std::bit_cast<float>(std::bit_cast<uint32_t>(sin_poly) ^ sin_sign);
  cos_out = std::bit_cast<float>(std::bit_cast<uint32_t>(cos_poly) ^ cos_sign);
}

// One block of 16: element j pairs with j + 8 (one AVX2 register each).
void fill_16(float* d, float mean, float std) {
  const float two_pi = static_cast<float>(2.0 * std::numbers::pi);
  for (int j = 0; j < 8; ++j) {
    const float u1 = 1.0f - d[j];  // [0, 1) -> (0, 1] for log
    const float u2 = d[j + 8];
    const float radius = std::sqrt(-2.0f * cephes_log(u1));
    float sin_theta, cos_theta;
    cephes_sincos(two_pi * u2, sin_theta, cos_theta);
    d[j] = std::fma(radius * cos_theta, std, mean);
    d[j + 8] = std::fma(radius * sin_theta, std, mean);
  }
}

}  // namespace

void normal_fill_float(const TensorImpl& self, double mean, double std, GeneratorImpl& gen) {
  const int64_t size = product(self.sizes);
  float* data = element_at<float>(self, self.offset);
  const auto mean_f = static_cast<float>(mean);
  const auto std_f = static_cast<float>(std);
  for (int64_t i = 0; i < size; ++i) data[i] = uniform_unit<float>(gen);
  for (int64_t i = 0; i + 16 <= size; i += 16) fill_16(data + i, mean_f, std_f);
  if (size % 16 != 0) {
    // A trailing partial block has no partners of its own: redraw the last
    // 16 slots and transform them as one block.
    float* last = data + size - 16;
    for (int j = 0; j < 16; ++j) last[j] = uniform_unit<float>(gen);
    fill_16(last, mean_f, std_f);
  }
}

}  // namespace parity::ref
