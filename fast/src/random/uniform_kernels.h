// RAND-3: uniform_real for float32 and float64 over a whole buffer, in
// place (the words drawn into the output's own memory become the values),
// vectorised with the fused multiply-add done in hardware where there is one.
#pragma once
#include <cstdint>

namespace parity::fast::random {

// data holds n 32-bit draws; each becomes fma(low 24 bits * 2^-24, range, from).
void uniform_f32_inplace(float* data, int64_t n, float from, float range);
// data holds n 64-bit draws; each becomes fma(low 53 bits * 2^-53, range, from).
void uniform_f64_inplace(double* data, int64_t n, double from, double range);

}  // namespace parity::fast::random
