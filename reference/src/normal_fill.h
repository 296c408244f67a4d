// Internal: normal_kernel's fill paths for a contiguous output of 16 or
// more elements: first one uniform per element, then Box-Muller on blocks
// of 16 (element j pairs with j + 8). A trailing partial block cannot be
// paired within itself, so the last 16 slots are drawn again and
// transformed as one block, overwriting values of the previous block.
// Clause: RAND-4.
#pragma once
#include "random_support.h"

namespace parity::ref {

// double, float16, bfloat16: normal_fill<scalar_t> with std:: math in
// scalar_t (float16/bfloat16 round at each named step).
void normal_fill_scalar(const TensorImpl& self, double mean, double std, GeneratorImpl& gen);
// float32: LibTorch's AVX2 kernel (normal_fill_AVX2).
void normal_fill_float(const TensorImpl& self, double mean, double std, GeneratorImpl& gen);

}  // namespace parity::ref
