// Internal: float16 and bfloat16 bit conversions (c10::Half, c10::BFloat16).
#pragma once
#include <cstdint>

namespace parity::ref {

uint16_t float_to_half_bits(float f);
float half_bits_to_float(uint16_t h);
uint16_t float_to_bfloat16_bits(float f);
float bfloat16_bits_to_float(uint16_t b);

}  // namespace parity::ref
