// Bool subscripts (x[True], x[..., False]) as LibTorch runs them: each one
// unsqueezes a size-1 dim and indexes it with a long tensor, a one-element
// zero for true or an empty one for false. That is advanced indexing, so the
// result is at::index's: a new tensor whose strides TensorIterator picks from
// its operands (see iter_layout.h), not a view and not always contiguous.
#pragma once
#include <span>

#include "meta/view_meta.h"

namespace parity::fast::meta {

// A bool subscript, at its dim of the subscripted tensor after all the
// subscripts' unsqueezes (where the dim it indexes has size 1).
struct BoolDim {
  int64_t dim;
  bool value;
};

struct BoolIndexGeometry {
  // The elements the result holds, as a view of the subscripted tensor in
  // the result's shape: the bool dims collapse into one dim of size 1 (all
  // true) or 0 (any false), where the first of them was if they are
  // adjacent, else in front.
  Geometry source;
  // The strides at::index gives the result (elements).
  DimVector result_strides;
  bool all_true = true;
};

// sizes/strides/offset: the subscripted tensor; bools: in subscript order,
// at least one.
BoolIndexGeometry bool_index(IntArrayRef sizes,
                             IntArrayRef strides,
                             int64_t offset,
                             std::span<const BoolDim> bools);

}  // namespace parity::fast::meta
