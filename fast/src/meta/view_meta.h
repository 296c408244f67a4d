// Shape and stride computation for every view, with torch's checks and
// messages. No data is touched here (the meta half of each view op).
#pragma once
#include <optional>
#include <string>

#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::meta {

struct Geometry {
  DimVector sizes;
  DimVector strides;
  int64_t offset = 0;
};

std::string sizes_str(IntArrayRef s);  // "[2, 3]"

// torch's maybe_wrap_dim: a 0-d tensor accepts dims as if it had one.
int64_t wrap_dim(int64_t dim, int64_t ndim);
int64_t numel_of(IntArrayRef sizes);
DimVector contiguous_strides(IntArrayRef sizes);
bool compute_contiguous(IntArrayRef sizes, IntArrayRef strides);
bool is_non_overlapping_and_dense(IntArrayRef sizes, IntArrayRef strides);
// Some dim of size > 1 has stride 0 (torch's MemOverlap::Yes).
bool has_internal_overlap(IntArrayRef sizes, IntArrayRef strides);
void check_nonnegative_sizes(IntArrayRef sizes);

DimVector infer_size(IntArrayRef shape, int64_t numel);
// torch's computeStride: strides for viewing (old sizes, strides) as
// new_shape, or nullopt when some new dim would span two memory chunks.
std::optional<DimVector> compute_stride(IntArrayRef old_sizes,
                                        IntArrayRef old_strides,
                                        IntArrayRef new_shape);
// Broadcast two shapes (TensorIterator's order: a is the earlier operand).
DimVector broadcast_shapes(IntArrayRef a, IntArrayRef b);

Geometry transpose(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t d0, int64_t d1);
Geometry permute(IntArrayRef sizes, IntArrayRef strides, int64_t offset, IntArrayRef dims);
Geometry unsqueeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim);
Geometry squeeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset);
Geometry squeeze(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim);
Geometry expand(
    IntArrayRef sizes, IntArrayRef strides, int64_t offset, IntArrayRef target, ScalarType dtype);
Geometry select(IntArrayRef sizes, IntArrayRef strides, int64_t offset, int64_t dim, int64_t index);
Geometry slice(IntArrayRef sizes,
               IntArrayRef strides,
               int64_t offset,
               int64_t dim,
               std::optional<int64_t> start,
               std::optional<int64_t> end,
               int64_t step);
// narrow's checks; returns the start to slice from.
int64_t narrow_start(IntArrayRef sizes, int64_t dim, int64_t start, int64_t length);

}  // namespace parity::fast::meta

namespace parity::fast::meta {
// torch's infer_dense_strides: dense strides laid out in the same dim order
// as (sizes, strides); what clone/to/empty_like use for a non-dense input.
DimVector infer_dense_strides(IntArrayRef sizes, IntArrayRef strides);
// MemoryFormat::Preserve: keep strides of a non-overlapping dense tensor,
// else infer_dense_strides.
DimVector preserve_strides(IntArrayRef sizes, IntArrayRef strides);
}  // namespace parity::fast::meta
