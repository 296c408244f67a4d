// torch's assert_no_internal_overlap / assert_no_overlap for ops that write
// into a tensor they also read from (scatter_, ...).
#pragma once
#include "tensor_internal.h"

namespace parity::fast::detail {

inline void assert_no_internal_overlap(const Tensor& t) {
  if (meta::has_internal_overlap(t.sizes(), t.strides())) throw Error(kInternalOverlap);
}

// get_overlap_status is FULL (the same impl, or the same dense range with
// the same strides) or PARTIAL.
inline void assert_no_overlap(const Tensor& out, const Tensor& in) {
  const TensorImpl& a = *out.unsafeGetTensorImpl();
  const TensorImpl& b = *in.unsafeGetTensorImpl();
  bool lap = &a == &b;
  if (!lap && a.numel() > 0 && b.numel() > 0 && a.storage_impl() == b.storage_impl() &&
      meta::is_non_overlapping_and_dense(a.sizes(), a.strides()) &&
      meta::is_non_overlapping_and_dense(b.sizes(), b.strides())) {
    const char* ab = a.data();
    const char* ae = ab + a.numel() * static_cast<int64_t>(a.itemsize());
    const char* bb = b.data();
    const char* be = bb + b.numel() * static_cast<int64_t>(b.itemsize());
    lap = ab < be && bb < ae;
  }
  if (lap) {
    throw Error(
        "unsupported operation: some elements of the input tensor and the written-to tensor "
        "refer to a single memory location. Please clone() the tensor before performing the "
        "operation.");
  }
}

}  // namespace parity::fast::detail
