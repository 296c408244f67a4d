// RAND-4: the float32 block fill (LibTorch's AVX2 normal_fill).
#pragma once
#include <cstdint>

namespace parity::fast::random {

// Transforms nblocks consecutive blocks of 16 uniforms at data.
// AVX2+FMA when the CPU has them, else the scalar version (same bits).
void normal_fill_float(float* data, int64_t nblocks, float mean, float sd);
void normal_fill_float_scalar(float* data, int64_t nblocks, float mean, float sd);

}  // namespace parity::fast::random
