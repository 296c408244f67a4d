// Visit order, uniform draws and the double Box-Muller pair shared by the
// sampling kernels (see random_support.h).
// Clauses: RAND-3, RAND-4, RAND-11.
#include "random_support.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "index_walk.h"

namespace parity::ref {

std::vector<int64_t> iteration_dims(const TensorImpl& out) {
  // A stable sort by stride, larger outside. Among equal strides the
  // larger size goes outside, as reorder_dimensions puts the smaller one
  // inside. (Equal strides only occur on size-1 dims of a writable output,
  // where the order changes nothing.)
  std::vector<int64_t> dims(out.sizes.size());
  std::iota(dims.begin(), dims.end(), 0);
  std::stable_sort(dims.begin(), dims.end(), [&](int64_t a, int64_t b) {
    if (out.strides[a] != out.strides[b]) return out.strides[a] > out.strides[b];
    return out.sizes[a] > out.sizes[b];
  });
  return dims;
}

std::vector<int64_t> storage_indices_in_order(const TensorImpl& t,
                                              const std::vector<int64_t>& dims_outer_first) {
  std::vector<int64_t> sizes, strides;
  for (int64_t d : dims_outer_first) {
    sizes.push_back(t.sizes[d]);
    strides.push_back(t.strides[d]);
  }
  std::vector<int64_t> order;
  for_each_index(sizes, strides, t.offset, [&](int64_t i) { order.push_back(i); });
  return order;
}

// The distributions' kernels are compiled for AVX2 with FMA contraction in
// LibTorch's build, so `x * range + from` and `v * std + mean` round once.
float uniform_real_float(GeneratorImpl& gen, int digits, float from, float range) {
  const uint32_t mask = (uint32_t{1} << digits) - 1;
  const float x =
      static_cast<float>(gen.random() & mask) * (1.0f / static_cast<float>(1 << digits));
  return std::fma(x, range, from);
}

double uniform_real_double(GeneratorImpl& gen, double from, double to) {
  const uint64_t mask = (uint64_t{1} << 53) - 1;
  const double x = static_cast<double>(gen.random64() & mask) * (1.0 / 9007199254740992.0);
  return std::fma(x, to - from, from);
}

// Box-Muller: u1 gives the angle, u2 the radius; log(1 - u2) keeps the
// argument in (0, 1]. The pair's sine half waits in the generator.
double normal_double(GeneratorImpl& gen, double mean, double std) {
  if (gen.next_double_normal_sample) {
    const double cached = *gen.next_double_normal_sample;
    gen.next_double_normal_sample.reset();
    return std::fma(cached, std, mean);
  }
  const double u1 = uniform_real_double(gen, 0.0, 1.0);
  const double u2 = uniform_real_double(gen, 0.0, 1.0);
  const double r = std::sqrt(-2.0 * std::log(1.0 - u2));
  const double theta = 2.0 * std::numbers::pi * u1;
  gen.next_double_normal_sample = r * std::sin(theta);
  return std::fma(r * std::cos(theta), std, mean);
}

void bump_version(const Tensor& t) { t.impl()->storage->version++; }

}  // namespace parity::ref
