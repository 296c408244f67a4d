// Memory-layout predicates and the "preserve" layout of clone() and *_like.
#include "layout.h"

#include <algorithm>
#include <numeric>

namespace parity::ref {

bool is_non_overlapping_and_dense(const TensorImpl& t) {
  // c10 keeps this flag as "contiguous, or dense in some dim order"; a tensor
  // with no elements is contiguous, so it counts as dense whatever its strides.
  for (int64_t s : t.sizes)
    if (s == 0) return true;
  const size_t ndim = t.sizes.size();
  if (ndim == 1) return t.sizes[0] < 2 || t.strides[0] == 1;
  // Order dims by stride (size<2 dims last), then require dense strides.
  std::vector<size_t> perm(ndim);
  std::iota(perm.begin(), perm.end(), 0);
  std::sort(perm.begin(), perm.end(), [&](size_t a, size_t b) {
    if (t.sizes[a] < 2) return false;
    if (t.sizes[b] < 2) return true;
    return t.strides[a] < t.strides[b];
  });
  int64_t required = 1;
  for (size_t d : perm) {
    if (t.sizes[d] < 2) return true;
    if (t.strides[d] != required) return false;
    required *= t.sizes[d];
  }
  return true;
}

std::vector<int64_t> dense_strides_like(const std::vector<int64_t>& sizes,
                                        const std::vector<int64_t>& strides) {
  const int ndim = static_cast<int>(sizes.size());
  // 1: dim a goes outside dim b; -1: inside; 0: ambiguous (keep order).
  auto compare = [&](int64_t a, int64_t b) {
    if (strides[a] == 0 || strides[b] == 0) return 0;
    if (strides[a] != strides[b]) return strides[a] < strides[b] ? -1 : 1;
    return sizes[a] > sizes[b] ? 1 : 0;  // equal strides: smaller size inside
  };
  std::vector<int64_t> perm(ndim);  // perm[0] is the innermost dim
  for (int i = 0; i < ndim; ++i) perm[i] = ndim - 1 - i;
  // Insertion sort that only moves past strictly-ordered or ambiguous pairs,
  // as ATen's (it is not a plain stable sort).
  for (int i = 1; i < ndim; ++i) {
    int moving = i;
    for (int j = i - 1; j >= 0; --j) {
      const int c = compare(perm[j], perm[moving]);
      if (c > 0) {
        std::swap(perm[j], perm[moving]);
        moving = j;
      } else if (c < 0) {
        break;
      }
    }
  }
  std::vector<int64_t> result(ndim);
  int64_t stride = 1;
  for (int64_t d : perm) {
    result[d] = stride;
    stride *= std::max<int64_t>(sizes[d], 1);
  }
  return result;
}

Tensor empty_preserving(const Tensor& self, ScalarType dtype) {
  const TensorImpl& t = *self.impl();
  if (is_non_overlapping_and_dense(t)) return empty_strided(t.sizes, t.strides, dtype);
  return empty_strided(t.sizes, dense_strides_like(t.sizes, t.strides), dtype);
}

}  // namespace parity::ref
