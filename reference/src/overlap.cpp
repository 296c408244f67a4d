// Memory-overlap checks TensorIterator makes before writing (ATen's
// MemoryOverlap.cpp: assert_no_internal_overlap, assert_no_partial_overlap),
// shared by copy_ and the in-place arithmetic ops.
#include "overlap.h"

#include "layout.h"

namespace parity::ref {

// at::assert_no_internal_overlap: a dim of size > 1 with stride 0 means
// several elements of the destination share one memory location, unless the
// tensor counts as dense (an empty one always does).
void check_no_internal_overlap(const TensorImpl& t) {
  if (is_non_overlapping_and_dense(t)) return;
  for (size_t d = 0; d < t.sizes.size(); ++d)
    if (t.sizes[d] > 1 && t.strides[d] == 0)
      throw Error(
          "unsupported operation: more than one element of the written-to tensor refers to a "
          "single memory location. Please clone() the tensor before performing the operation.");
}

// at::assert_no_partial_overlap: only decidable for dense tensors; the
// same block with equal strides is a full (harmless) overlap.
void check_no_partial_overlap(const Tensor& dst, const Tensor& src) {
  const TensorImpl& a = *dst.impl();
  const TensorImpl& b = *src.impl();
  if (&a == &b || dst.numel() == 0 || src.numel() == 0) return;
  if (!is_non_overlapping_and_dense(a) || !is_non_overlapping_and_dense(b)) return;
  if (a.storage != b.storage) return;
  const int64_t a_begin = a.offset, a_end = a.offset + dst.numel();
  const int64_t b_begin = b.offset, b_end = b.offset + src.numel();
  const bool same_block = a_begin == b_begin && a_end == b_end;
  if ((same_block && a.strides != b.strides) || (!same_block && a_begin < b_end && b_begin < a_end))
    throw Error(
        "unsupported operation: some elements of the input tensor and the written-to tensor "
        "refer to a single memory location. Please clone() the tensor before performing the "
        "operation.");
}

}  // namespace parity::ref
