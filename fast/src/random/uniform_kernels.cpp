// RAND-3: the float32/float64 uniform transforms, cloned for x86-64-v3
// (AVX2 + FMA) and the baseline (std::fma there is libm's, equally exact),
// split over threads in fixed ranges: each element depends only on its word.
#include "random/uniform_kernels.h"

#include <cmath>
#include <cstring>

#include "iter/outer_loop.h"

namespace parity::fast::random {
namespace {

__attribute__((target_clones("arch=x86-64-v3", "default"))) void f32_range(
    float* data, int64_t b, int64_t e, float from, float range) {
  for (int64_t k = b; k < e; ++k) {
    uint32_t w;
    std::memcpy(&w, data + k, 4);
    const float x = static_cast<float>(static_cast<int32_t>(w & 0xFFFFFFu)) * 0x1p-24f;
    data[k] = std::fma(x, range, from);
  }
}

__attribute__((target_clones("arch=x86-64-v3", "default"))) void f64_range(
    double* data, int64_t b, int64_t e, double from, double range) {
  for (int64_t k = b; k < e; ++k) {
    uint64_t w;
    std::memcpy(&w, data + k, 8);
    const double x =
        static_cast<double>(static_cast<int64_t>(w & ((uint64_t{1} << 53) - 1))) * 0x1p-53;
    data[k] = std::fma(x, range, from);
  }
}

}  // namespace

void uniform_f32_inplace(float* data, int64_t n, float from, float range) {
  iter::parallel_units(n, n, [&](int64_t b, int64_t e) { f32_range(data, b, e, from, range); });
}

void uniform_f64_inplace(double* data, int64_t n, double from, double range) {
  iter::parallel_units(n, n, [&](int64_t b, int64_t e) { f64_range(data, b, e, from, range); });
}

}  // namespace parity::fast::random
