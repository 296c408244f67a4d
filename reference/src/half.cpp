// float16 and bfloat16 bit conversions, as c10::Half and c10::BFloat16 do
// them: float -> 16 bits rounds to nearest, ties to even; overflow gives
// inf; NaN stays NaN; float16 keeps subnormals.
#include "half.h"

#include <bit>
#include <cmath>

namespace parity::ref {

namespace {

// Shifts `value` right by `shift` bits, rounding to nearest, ties to even.
uint32_t shift_round_even(uint32_t value, int shift) {
  const uint32_t kept = value >> shift;
  const uint32_t rest = value & ((1u << shift) - 1);
  const uint32_t half = 1u << (shift - 1);
  return (rest > half || (rest == half && (kept & 1))) ? kept + 1 : kept;
}

}  // namespace

uint16_t float_to_half_bits(float f) {
  const uint32_t x = std::bit_cast<uint32_t>(f);
  const uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000);
  const uint32_t abs = x & 0x7fffffff;
  if (abs > 0x7f800000) return sign | 0x7e00;   // NaN -> quiet NaN
  if (abs >= 0x47800000) return sign | 0x7c00;  // >= 65536 (or inf) -> inf
  const int exp = static_cast<int>(abs >> 23) - 127;
  const uint32_t mant = (abs & 0x7fffff) | 0x800000;  // 24-bit significand
  if (exp >= -14) {
    // Normal half: keep 11 significant bits. A carry out of the mantissa
    // bumps the exponent, and past 65504 that correctly yields inf.
    const uint32_t rounded = shift_round_even(mant, 13);  // 11 bits (+carry)
    return static_cast<uint16_t>(sign | (((exp + 15) << 10) + (rounded - 0x400)));
  }
  if (exp < -25) return sign;  // below half the smallest subnormal -> 0
  // Subnormal half: count units of 2^-24; the value is mant * 2^(exp-23).
  return static_cast<uint16_t>(sign | shift_round_even(mant, -(exp + 1)));
}

float half_bits_to_float(uint16_t h) {
  const uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  const uint32_t exp = (h >> 10) & 0x1f;
  const uint32_t mant = h & 0x3ff;
  if (exp == 0) {  // zero or subnormal: mant * 2^-24, exact in float
    const float magnitude = std::ldexp(static_cast<float>(mant), -24);
    return sign ? -magnitude : magnitude;
  }
  if (exp == 31) return std::bit_cast<float>(sign | 0x7f800000 | (mant << 13));  // inf/NaN
  return std::bit_cast<float>(sign | ((exp - 15 + 127) << 23) | (mant << 13));
}

uint16_t float_to_bfloat16_bits(float f) {
  if (std::isnan(f)) return 0x7fc0;  // c10 canonicalises NaN
  const uint32_t x = std::bit_cast<uint32_t>(f);
  // bfloat16 is the top half of a float: round the low 16 bits away.
  const uint32_t bias = ((x >> 16) & 1) + 0x7fff;
  return static_cast<uint16_t>((x + bias) >> 16);
}

float bfloat16_bits_to_float(uint16_t b) {
  return std::bit_cast<float>(static_cast<uint32_t>(b) << 16);
}

}  // namespace parity::ref
