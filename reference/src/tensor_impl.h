// Internal: the record behind a Tensor handle, and the few helpers every
// source file shares. Not part of the public API.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "parity/ref/tensor.h"

namespace parity::ref {

// One tensor = a window onto a StorageImpl: element (i0, i1, ...) lives at
// storage index offset + i0*strides[0] + i1*strides[1] + ...
struct TensorImpl {
  std::shared_ptr<StorageImpl> storage;
  ScalarType dtype = kFloat;
  std::vector<int64_t> sizes;
  std::vector<int64_t> strides;
  int64_t offset = 0;
  bool requires_grad = false;
};

// A fresh tensor over fresh zeroed storage with the given strides.
Tensor empty_strided(const std::vector<int64_t>& sizes,
                     const std::vector<int64_t>& strides,
                     ScalarType dtype);
// A fresh contiguous tensor.
Tensor empty_contiguous(const std::vector<int64_t>& sizes, ScalarType dtype);
// A view: same storage and dtype as `base`, new geometry.
Tensor make_view(const Tensor& base,
                 std::vector<int64_t> sizes,
                 std::vector<int64_t> strides,
                 int64_t offset);

// torch's default (row-major) strides; a size-0 dim counts as 1, so
// zeros({2, 0}) has strides [1, 1].
std::vector<int64_t> contiguous_strides(const std::vector<int64_t>& sizes);
int64_t product(const std::vector<int64_t>& sizes);

// c10::maybe_wrap_dim: negative dims count from the end; a 0-d tensor
// accepts dims as if it had one dim (range [-1, 0]).
int64_t wrap_dim(int64_t dim, int64_t ndim);

// The element at a storage index, as a Scalar of the dtype's kind, and
// the unchecked write of a Scalar into it (torch's static_cast rules).
Scalar read_at(const TensorImpl& t, int64_t storage_index);
void write_at(const TensorImpl& t, int64_t storage_index, const Scalar& v);

// Writes src's elements (same shape) into dst in row-major order,
// converting dtype; no checks and no version bump (for fresh tensors).
void copy_values(const Tensor& dst, const Tensor& src);

// All elements in row-major logical order.
std::vector<Scalar> read_all(const Tensor& t);

// Refuses requires_grad on non-floating dtypes, with LibTorch's message.
void check_requires_grad_dtype(bool requires_grad, ScalarType dtype);
// Applies options.requires_grad() to a freshly made tensor.
Tensor finish_factory(Tensor t, const TensorOptions& options);
// Only kCPU is implemented.
void check_cpu(Device device);

}  // namespace parity::ref
