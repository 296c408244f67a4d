// Element conversions between the ten dtypes, exactly as torch 1.13's CPU
// copy kernels produce them, written without undefined behaviour.
#pragma once
#include <bit>
#include <cstdint>
#include <type_traits>

#include "parity/spec.h"

#if defined(__F16C__)
#include <immintrin.h>
#endif

namespace parity::fast::core {

// --- float16 --------------------------------------------------------------

inline float half_bits_to_float(uint16_t h) {
#if defined(__F16C__)
  return _cvtsh_ss(h);
#else
  uint32_t sign = static_cast<uint32_t>(h & 0x8000u) << 16;
  uint32_t em = h & 0x7FFFu;
  if (em >= 0x7C00u) return std::bit_cast<float>(sign | 0x7F800000u | ((em & 0x3FFu) << 13));
  // Normal: rebias the exponent from 15 to 127 ((127 - 15) << 23).
  if (em >= 0x0400u) return std::bit_cast<float>(sign | ((em << 13) + 0x38000000u));
  // Subnormal or zero: exactly em * 2^-24, which float holds exactly.
  float mag = static_cast<float>(em) * 0x1p-24f;
  return sign ? -mag : mag;
#endif
}

// Round to nearest, ties to even; NaN becomes the quiet NaN 0x7E00 with its
// sign, as c10's conversion does.
inline uint16_t float_to_half_bits(float f) {
#if defined(__F16C__)
  return static_cast<uint16_t>(_cvtss_sh(f, _MM_FROUND_TO_NEAREST_INT));
#else
  uint32_t x = std::bit_cast<uint32_t>(f);
  uint16_t sign = static_cast<uint16_t>((x >> 16) & 0x8000u);
  uint32_t ax = x & 0x7FFFFFFFu;
  if (ax > 0x7F800000u) return sign | 0x7E00u;
  // 65520 (= 65504 + half an ulp) and above round to infinity.
  if (ax >= 0x477FF000u) return sign | 0x7C00u;
  if (ax < 0x38800000u) {
    // Below 2^-14 the result is subnormal: adding 0.5f makes the FPU round
    // to a multiple of 2^-24 (float's ulp at 0.5), ties to even, for us.
    float r = std::bit_cast<float>(ax) + 0.5f;
    return sign | static_cast<uint16_t>(std::bit_cast<uint32_t>(r) - 0x3F000000u);
  }
  // Normal: rebias (-112 << 23) and round away the 13 dropped bits (ties to
  // even through the kept bit); a carry into the exponent is correct.
  uint32_t r = ax + 0xC8000FFFu + ((ax >> 13) & 1u);
  return sign | static_cast<uint16_t>(r >> 13);
#endif
}

// --- bfloat16 -------------------------------------------------------------

inline float bf16_bits_to_float(uint16_t b) {
  return std::bit_cast<float>(static_cast<uint32_t>(b) << 16);
}

// Round to nearest even; every NaN becomes 0x7FC0 (sign dropped, as c10).
inline uint16_t float_to_bf16_bits(float f) {
  if (f != f) return 0x7FC0u;
  uint32_t u = std::bit_cast<uint32_t>(f);
  return static_cast<uint16_t>((u + 0x7FFFu + ((u >> 16) & 1u)) >> 16);
}

// --- classification ------------------------------------------------------

template <class T>
inline constexpr bool is_reduced_float_v = std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>;
template <class T>
inline constexpr bool is_float_v = std::is_floating_point_v<T> || is_reduced_float_v<T>;

template <class T>
inline float reduced_to_float(T v) {
  if constexpr (std::is_same_v<T, Half>) {
    return half_bits_to_float(v.x);
  } else {
    return bf16_bits_to_float(v.x);
  }
}
template <class T>
inline T float_to_reduced(float f) {
  if constexpr (std::is_same_v<T, Half>) {
    return Half{float_to_half_bits(f)};
  } else {
    return BFloat16{float_to_bf16_bits(f)};
  }
}

// --- float -> integer ----------------------------------------------------
// torch does a plain static_cast, which is undefined out of range; on x86 it
// yields the "integer indefinite" value. We return that value explicitly:
//  * int32 and narrower go through int32: NaN or out of range -> INT32_MIN,
//    then wrap to the width (so 70000.5 -> int16 4464, 1e10 -> int8 0);
//  * uint8 goes through int64 (torch's vectorised path): -2.7 -> 254,
//    2^32+257 -> 1; NaN or out of range -> INT64_MIN -> 0;
//  * int64: NaN or out of range -> INT64_MIN.
// -2^31 and -2^63 are exact in float and double, so a >= / < pair against
// the powers of two is the exact "truncation fits" test (anything that
// truncates onto the boundary gets the same sentinel value anyway).
template <class F>
inline int32_t float_to_int32(F v) {
  return (v >= F(-2147483648.0) && v < F(2147483648.0)) ? static_cast<int32_t>(v) : INT32_MIN;
}
template <class F>
inline int64_t float_to_int64(F v) {
  return (v >= F(-9223372036854775808.0) && v < F(9223372036854775808.0)) ? static_cast<int64_t>(v)
                                                                          : INT64_MIN;
}

template <class I, class F>
inline I float_to_integral(F v) {
  if constexpr (std::is_same_v<I, int64_t>) {
    return float_to_int64(v);
  } else if constexpr (std::is_same_v<I, uint8_t>) {
    return static_cast<uint8_t>(float_to_int64(v));
  } else {
    return static_cast<I>(float_to_int32(v));
  }
}

// --- the conversion -------------------------------------------------------

template <class To, class From>
inline To convert(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (std::is_same_v<To, bool>) {
    if constexpr (is_reduced_float_v<From>) {
      return reduced_to_float(v) != 0.0f;  // NaN -> true, -0 -> false
    } else {
      return v != From(0);
    }
  } else if constexpr (std::is_same_v<From, bool>) {
    if constexpr (is_reduced_float_v<To>) {
      return float_to_reduced<To>(v ? 1.0f : 0.0f);
    } else {
      return static_cast<To>(v ? 1 : 0);
    }
  } else if constexpr (is_reduced_float_v<From>) {
    return convert<To>(reduced_to_float(v));
  } else if constexpr (is_reduced_float_v<To>) {
    // c10 builds Half/BFloat16 from a float: doubles and integers round to
    // float first (a double rounding torch has too).
    return float_to_reduced<To>(static_cast<float>(v));
  } else if constexpr (std::is_floating_point_v<To>) {
    return static_cast<To>(v);
  } else if constexpr (std::is_floating_point_v<From>) {
    return float_to_integral<To>(v);
  } else {
    return static_cast<To>(v);  // integer -> integer wraps (defined in C++20)
  }
}

// Any dtype's value as a double (printing, item()).
template <class T>
inline double to_double(T v) {
  if constexpr (is_reduced_float_v<T>) {
    return static_cast<double>(reduced_to_float(v));
  } else {
    return static_cast<double>(v);
  }
}

}  // namespace parity::fast::core
