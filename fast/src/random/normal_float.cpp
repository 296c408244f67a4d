// RAND-4: the float32 block fill as LibTorch runs it on an AVX2 machine:
// Box-Muller with Cephes-style polynomial log and sincos (the avx_mathfun
// algorithms), every fused multiply-add of LibTorch's build kept fused.
// The recipe and its verification: helper_notes/NORMAL_AVX2.md. Two
// bit-identical versions: 8 lanes with AVX2+FMA intrinsics, chosen at run
// time, and a portable scalar one written with std::fma.
#include "random/normal_float.h"

#include <bit>
#include <cmath>
#include <cstdint>

#include "iter/outer_loop.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace parity::fast::random {
namespace {

// Cephes logf (valid on [2^-24, 1] here): mantissa/exponent split, a
// degree-8 polynomial in m - 1, then the exponent's two-part ln 2.
constexpr float kSqrtHalf = 0x1.6a09e6p-1f;
constexpr float kLogP[9] = {0x1.204376p-4f,  -0x1.d7a37p-4f,  0x1.de4a34p-4f,
                            -0x1.fcba9ep-4f, 0x1.23d37ep-3f,  -0x1.555cap-3f,
                            0x1.999d58p-3f,  -0x1.fffff8p-3f, 0x1.555554p-2f};
constexpr float kLogQ1 = -0x1.bd0106p-13f;
constexpr float kLogQ2 = 0x1.63p-1f;
// Cephes sinf/cosf: octant reduction by 4/pi with pi/4 in three parts.
constexpr float kFourOverPi = 0x1.45f306p+0f;
constexpr float kMinusDP1 = -0x1.92p-1f;
constexpr float kMinusDP2 = -0x1.fb4p-13f;
constexpr float kMinusDP3 = -0x1.4442d2p-25f;
constexpr float kCos0 = 0x1.99eb9cp-16f, kCos1 = -0x1.6c0c34p-10f, kCos2 = 0x1.55554ap-5f;
constexpr float kSin0 = -0x1.9943f2p-13f, kSin1 = 0x1.11073cp-7f, kSin2 = -0x1.555546p-3f;
constexpr float kTwoPi = 0x1.921fb6p+2f;

float log_poly(float x) {
  x = std::fmax(x, 0x1p-126f);
  const uint32_t b = std::bit_cast<uint32_t>(x);
  float m = std::bit_cast<float>((b & ~0x7F800000u) | 0x3F000000u);
  float e = static_cast<float>(static_cast<int32_t>(b >> 23) - 127) + 1.0f;
  if (m < kSqrtHalf) {
    e = e - 1.0f;
    m = (m - 1.0f) + m;
  } else {
    m = m - 1.0f;
  }
  const float z = m * m;
  float y = kLogP[0];
  for (int i = 1; i < 9; ++i) y = std::fma(y, m, kLogP[i]);
  y = y * m;
  y = std::fma(y, z, e * kLogQ1);
  y = y - 0.5f * z;
  m = m + y;
  return m + e * kLogQ2;
}

// x >= 0.
void sincos_poly(float x, float* s, float* c) {
  int32_t j = static_cast<int32_t>(x * kFourOverPi);
  j = (j + 1) & ~1;
  const float y = static_cast<float>(j);
  const uint32_t sin_sign = static_cast<uint32_t>(j & 4) << 29;
  const uint32_t cos_sign = static_cast<uint32_t>(~(j - 2) & 4) << 29;
  const bool sin_poly_for_sin = (j & 2) == 0;
  x = std::fma(y, kMinusDP1, x);
  x = std::fma(y, kMinusDP2, x);
  x = std::fma(y, kMinusDP3, x);
  const float z = x * x;
  float yc = std::fma(kCos0, z, kCos1);
  yc = std::fma(yc, z, kCos2);
  yc = yc * z;
  yc = std::fma(yc, z, -(0.5f * z));
  yc = yc + 1.0f;
  float ys = std::fma(kSin0, z, kSin1);
  ys = std::fma(ys, z, kSin2);
  ys = ys * z;
  ys = std::fma(ys, x, x);
  const float sv = sin_poly_for_sin ? ys : yc, cv = sin_poly_for_sin ? yc : ys;
  *s = std::bit_cast<float>(std::bit_cast<uint32_t>(sv) ^ sin_sign);
  *c = std::bit_cast<float>(std::bit_cast<uint32_t>(cv) ^ cos_sign);
}

void block_scalar(float* d, float mean, float sd) {
  for (int k = 0; k < 8; ++k) {
    const float u1 = 1.0f - d[k];
    const float u2 = d[k + 8];
    const float r = std::sqrt(-2.0f * log_poly(u1));
    float s, c;
    sincos_poly(kTwoPi * u2, &s, &c);
    d[k] = std::fma(r * c, sd, mean);
    d[k + 8] = std::fma(r * s, sd, mean);
  }
}

#if defined(__x86_64__)
#define PARITY_AVX2 __attribute__((target("avx2,fma")))

PARITY_AVX2 void blocks_avx2(float* data, int64_t b, int64_t e, float mean, float sd) {
  const __m256 one = _mm256_set1_ps(1.0f), half = _mm256_set1_ps(0.5f);
  const __m256 vmean = _mm256_set1_ps(mean), vsd = _mm256_set1_ps(sd);
  for (int64_t blk = b; blk < e; ++blk) {
    float* d = data + 16 * blk;
    const __m256 u1 = _mm256_sub_ps(one, _mm256_loadu_ps(d));
    const __m256 u2 = _mm256_loadu_ps(d + 8);
    // log(u1)
    const __m256 x = _mm256_max_ps(u1, _mm256_set1_ps(0x1p-126f));
    const __m256i xb = _mm256_castps_si256(x);
    __m256 m = _mm256_castsi256_ps(_mm256_or_si256(
        _mm256_and_si256(xb, _mm256_set1_epi32(~0x7F800000)), _mm256_set1_epi32(0x3F000000)));
    __m256 ex = _mm256_add_ps(
        _mm256_cvtepi32_ps(_mm256_sub_epi32(_mm256_srli_epi32(xb, 23), _mm256_set1_epi32(127))),
        one);
    const __m256 lt = _mm256_cmp_ps(m, _mm256_set1_ps(kSqrtHalf), _CMP_LT_OQ);
    const __m256 tmp = _mm256_and_ps(m, lt);
    m = _mm256_sub_ps(m, one);
    ex = _mm256_sub_ps(ex, _mm256_and_ps(one, lt));
    m = _mm256_add_ps(m, tmp);
    const __m256 z = _mm256_mul_ps(m, m);
    __m256 y = _mm256_set1_ps(kLogP[0]);
    for (int i = 1; i < 9; ++i) y = _mm256_fmadd_ps(y, m, _mm256_set1_ps(kLogP[i]));
    y = _mm256_mul_ps(y, m);
    y = _mm256_fmadd_ps(y, z, _mm256_mul_ps(ex, _mm256_set1_ps(kLogQ1)));
    y = _mm256_sub_ps(y, _mm256_mul_ps(half, z));
    m = _mm256_add_ps(m, y);
    const __m256 lg = _mm256_add_ps(m, _mm256_mul_ps(ex, _mm256_set1_ps(kLogQ2)));
    const __m256 r = _mm256_sqrt_ps(_mm256_mul_ps(_mm256_set1_ps(-2.0f), lg));
    // sincos(2*pi*u2), argument >= 0
    __m256 th = _mm256_mul_ps(_mm256_set1_ps(kTwoPi), u2);
    __m256i j = _mm256_cvttps_epi32(_mm256_mul_ps(th, _mm256_set1_ps(kFourOverPi)));
    j = _mm256_and_si256(_mm256_add_epi32(j, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
    const __m256 yj = _mm256_cvtepi32_ps(j);
    const __m256 sin_sign =
        _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_and_si256(j, _mm256_set1_epi32(4)), 29));
    const __m256 cos_sign = _mm256_castsi256_ps(_mm256_slli_epi32(
        _mm256_andnot_si256(_mm256_sub_epi32(j, _mm256_set1_epi32(2)), _mm256_set1_epi32(4)), 29));
    const __m256 swap = _mm256_castsi256_ps(
        _mm256_cmpeq_epi32(_mm256_and_si256(j, _mm256_set1_epi32(2)), _mm256_set1_epi32(2)));
    th = _mm256_fmadd_ps(yj, _mm256_set1_ps(kMinusDP1), th);
    th = _mm256_fmadd_ps(yj, _mm256_set1_ps(kMinusDP2), th);
    th = _mm256_fmadd_ps(yj, _mm256_set1_ps(kMinusDP3), th);
    const __m256 z2 = _mm256_mul_ps(th, th);
    __m256 yc = _mm256_fmadd_ps(_mm256_set1_ps(kCos0), z2, _mm256_set1_ps(kCos1));
    yc = _mm256_fmadd_ps(yc, z2, _mm256_set1_ps(kCos2));
    yc = _mm256_mul_ps(yc, z2);
    yc = _mm256_fmsub_ps(yc, z2, _mm256_mul_ps(half, z2));
    yc = _mm256_add_ps(yc, one);
    __m256 ys = _mm256_fmadd_ps(_mm256_set1_ps(kSin0), z2, _mm256_set1_ps(kSin1));
    ys = _mm256_fmadd_ps(ys, z2, _mm256_set1_ps(kSin2));
    ys = _mm256_mul_ps(ys, z2);
    ys = _mm256_fmadd_ps(ys, th, th);
    const __m256 sv = _mm256_xor_ps(_mm256_blendv_ps(ys, yc, swap), sin_sign);
    const __m256 cv = _mm256_xor_ps(_mm256_blendv_ps(yc, ys, swap), cos_sign);
    _mm256_storeu_ps(d, _mm256_fmadd_ps(_mm256_mul_ps(r, cv), vsd, vmean));
    _mm256_storeu_ps(d + 8, _mm256_fmadd_ps(_mm256_mul_ps(r, sv), vsd, vmean));
  }
}

bool have_avx2_fma() {
  static const bool ok = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
  return ok;
}
#endif

}  // namespace

void normal_fill_float(float* data, int64_t nblocks, float mean, float sd) {
  iter::parallel_units(nblocks, nblocks * 16 * 8, [&](int64_t b, int64_t e) {
#if defined(__x86_64__)
    if (have_avx2_fma()) {
      blocks_avx2(data, b, e, mean, sd);
      return;
    }
#endif
    for (int64_t i = b; i < e; ++i) block_scalar(data + 16 * i, mean, sd);
  });
}

// The portable version, for tests that compare it with the vector one.
void normal_fill_float_scalar(float* data, int64_t nblocks, float mean, float sd) {
  for (int64_t i = 0; i < nblocks; ++i) block_scalar(data + 16 * i, mean, sd);
}

}  // namespace parity::fast::random
