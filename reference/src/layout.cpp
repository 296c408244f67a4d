// Memory-layout predicates and the "preserve" layout of clone() and *_like.
#include "layout.h"

#include <algorithm>
#include <numeric>
#include <optional>

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

namespace {

using StrideLists = std::vector<std::vector<int64_t>>;

// TensorIterator's should_swap: 1 if dim a goes outside dim b, -1 if
// inside, 0 if no input decides. Inputs are asked in order; one that
// broadcasts either dim (stride 0) abstains, and for equal strides one only
// decides when a is the larger dim (smaller size inside).
int compare_dims(const std::vector<int64_t>& sizes,
                 const StrideLists& inputs,
                 int64_t a,
                 int64_t b) {
  for (const std::vector<int64_t>& strides : inputs) {
    if (strides[a] == 0 || strides[b] == 0) continue;
    if (strides[a] != strides[b]) return strides[a] < strides[b] ? -1 : 1;
    if (sizes[a] > sizes[b]) return 1;
  }
  return 0;
}

// TensorIterator's reorder_dimensions: the dims, innermost first. It starts
// from the row-major order and runs an insertion sort that walks past
// ambiguous pairs without stopping, so it is not a plain stable sort.
std::vector<int64_t> iterator_order(const std::vector<int64_t>& sizes, const StrideLists& inputs) {
  const int ndim = static_cast<int>(sizes.size());
  std::vector<int64_t> perm(ndim);
  for (int i = 0; i < ndim; ++i) perm[i] = ndim - 1 - i;
  for (int i = 1; i < ndim; ++i) {
    int moving = i;
    for (int j = i - 1; j >= 0; --j) {
      const int c = compare_dims(sizes, inputs, perm[j], perm[moving]);
      if (c > 0) {
        std::swap(perm[j], perm[moving]);
        moving = j;
      } else if (c < 0) {
        break;
      }
    }
  }
  return perm;
}

// TensorIterator's compute_strides: an input's stride, or 0 where it is
// broadcast (its size 1, the iterator's not).
std::vector<int64_t> broadcast_strides(const std::vector<int64_t>& sizes, const Geometry& input) {
  std::vector<int64_t> strides = input.strides;
  for (size_t d = 0; d < sizes.size(); ++d)
    if (input.sizes[d] == 1 && sizes[d] != 1) strides[d] = 0;
  return strides;
}

}  // namespace

std::vector<int64_t> dense_strides_like(const std::vector<int64_t>& sizes,
                                        const std::vector<int64_t>& strides) {
  std::vector<int64_t> result(sizes.size());
  int64_t stride = 1;
  for (int64_t d : iterator_order(sizes, {strides})) {
    result[d] = stride;
    stride *= std::max<int64_t>(sizes[d], 1);
  }
  return result;
}

std::vector<int64_t> iterator_output_strides(const std::vector<int64_t>& sizes,
                                             const std::vector<Geometry>& inputs) {
  StrideLists strides;
  for (const Geometry& input : inputs) strides.push_back(broadcast_strides(sizes, input));
  const std::vector<int64_t> order = iterator_order(sizes, strides);
  // An unchanged (row-major) order allocates a plain contiguous tensor.
  bool row_major = true;
  for (size_t i = 0; i < order.size(); ++i)
    row_major = row_major && order[i] == static_cast<int64_t>(order.size() - 1 - i);
  if (row_major) return contiguous_strides(sizes);
  // Otherwise (compatible_stride) sizes multiply unclamped: every dim
  // outside a size-0 dim gets stride 0.
  std::vector<int64_t> result(sizes.size());
  int64_t stride = 1;
  for (int64_t d : order) {
    result[d] = stride;
    stride *= sizes[d];
  }
  return result;
}

Tensor empty_preserving(const Tensor& self, ScalarType dtype) {
  const TensorImpl& t = *self.impl();
  if (is_non_overlapping_and_dense(t)) return empty_strided(t.sizes, t.strides, dtype);
  return empty_strided(t.sizes, dense_strides_like(t.sizes, t.strides), dtype);
}

namespace {

// c10's compute_channels_last_contiguous_2d (4-d only).
bool is_channels_last_contiguous(const TensorImpl& t) {
  if (t.sizes.size() != 4) return false;
  int64_t expected = 1;
  for (int d : {1, 3, 2, 0}) {
    if (t.sizes[d] == 1) continue;
    if (t.strides[d] != expected) return false;
    expected *= t.sizes[d];
  }
  return true;
}

// TensorIterator's compute_fast_setup_type, for inputs of one shape.
std::optional<std::vector<int64_t>> fast_setup_strides(const std::vector<int64_t>& sizes,
                                                       const std::vector<Tensor>& inputs) {
  bool contiguous = true, channels_last = true, dense = true, same_strides = true;
  for (const Tensor& input : inputs) {
    const TensorImpl& t = *input.impl();
    if (t.sizes != sizes) return std::nullopt;
    contiguous = contiguous && input.is_contiguous();
    channels_last = channels_last && is_channels_last_contiguous(t);
    dense = dense && is_non_overlapping_and_dense(t);
    same_strides = same_strides && t.strides == inputs.front().impl()->strides;
  }
  if (contiguous) return contiguous_strides(sizes);
  if (channels_last) {
    const int64_t c = sizes[1], h = sizes[2], w = sizes[3];
    return std::vector<int64_t>{h * w * c, 1, w * c, c};
  }
  if (dense && same_strides) return inputs.front().impl()->strides;
  return std::nullopt;
}

}  // namespace

std::vector<int64_t> elementwise_output_strides(const std::vector<int64_t>& sizes,
                                                const std::vector<Tensor>& inputs) {
  if (auto strides = fast_setup_strides(sizes, inputs)) return *strides;
  // compute_strides: an input of lower rank gets leading size-1, stride-0 dims.
  std::vector<Geometry> geometries;
  for (const Tensor& input : inputs) {
    const TensorImpl& t = *input.impl();
    const size_t pad = sizes.size() - t.sizes.size();
    Geometry g{std::vector<int64_t>(pad, 1), std::vector<int64_t>(pad, 0)};
    g.sizes.insert(g.sizes.end(), t.sizes.begin(), t.sizes.end());
    g.strides.insert(g.strides.end(), t.strides.begin(), t.strides.end());
    geometries.push_back(std::move(g));
  }
  return iterator_output_strides(sizes, geometries);
}

}  // namespace parity::ref
