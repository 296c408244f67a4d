// Internal: the write-overlap checks of copy_ and in-place ops.
#pragma once
#include "tensor_impl.h"

namespace parity::ref {

// Refuses a destination with an expanded (stride-0, size > 1) dim.
void check_no_internal_overlap(const TensorImpl& t);
// Refuses a source that partly overlaps the destination's memory.
void check_no_partial_overlap(const Tensor& dst, const Tensor& src);

}  // namespace parity::ref
