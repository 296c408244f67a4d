// Helpers shared by the Tensor member files and the factories.
#pragma once
#include "meta/view_meta.h"
#include "parity/fast/tensor.h"

namespace parity::fast::detail {

// A fresh tensor over a new buffer just large enough for (sizes, strides).
Tensor make_strided(IntArrayRef sizes, IntArrayRef strides, ScalarType dtype, bool zero = false);
inline Tensor make_contiguous(IntArrayRef sizes, ScalarType dtype, bool zero = false) {
  return make_strided(sizes, meta::contiguous_strides(sizes), dtype, zero);
}
// A view of t's storage with the given geometry.
Tensor make_view(const Tensor& t, meta::Geometry&& g);

// Raw element copy with dtype conversion; src must already be broadcastable
// to dst's shape (its strides are expanded here). No checks, no version bump.
void copy_into(const Tensor& dst, const Tensor& src);

// The checks every in-place write makes first.
void check_inplace(const Tensor& t);
// CPU is the only device of this engine build.
void check_device(Device d);
void bump_version(const Tensor& t);
// torch's get_overlap_status(a, b) == PARTIAL (decidable only when both are
// dense), which every in-place write refuses for its inputs.
bool partial_overlap(const TensorImpl& a, const TensorImpl& b);
// LibTorch's message for a written-to tensor with an expanded dim.
extern const char* const kInternalOverlap;

}  // namespace parity::fast::detail
