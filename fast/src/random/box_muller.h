// RAND-4: torch's normal_fill: Box-Muller over blocks of 16 uniforms already
// drawn in place (first 8 are u1, last 8 are u2), with each dtype's own
// intermediate roundings.
#pragma once
#include <cstdint>

#include "parity/fast/vocabulary.h"

namespace parity::fast::random {

// Transforms nblocks consecutive blocks of 16 at data (in parallel when
// large); the scalar normal_fill_16 for double, float16 and bfloat16, and
// libm's float32 version of it.
template <class T>
void box_muller_blocks(T* data, int64_t nblocks, T mean, T sd);

}  // namespace parity::fast::random
