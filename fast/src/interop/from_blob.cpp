// from_blob: the storage is caller memory (StorageImpl::create_external);
// nothing is copied and nothing of ours frees it.
#include <string>

#include "parity/fast/interop.h"
#include "tensor_internal.h"

namespace parity::fast {

Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 IntArrayRef strides,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  detail::check_device(options.device());
  meta::check_nonnegative_sizes(sizes);
  if (strides.size() != sizes.size())
    throw Error("from_blob: " + std::to_string(sizes.size()) + " sizes but " +
                std::to_string(strides.size()) + " strides");
  const ScalarType dtype = options.dtype();
  if (options.requires_grad() && !isFloatingType(dtype))
    throw Error("Only Tensors of floating point and complex dtype can require gradients");
  // LibTorch's computeStorageNbytes: up to the farthest element.
  size_t nbytes = 0;
  if (meta::numel_of(sizes) > 0) {
    int64_t last = 0;
    for (size_t d = 0; d < sizes.size(); ++d) last += (sizes[d] - 1) * strides[d];
    nbytes = static_cast<size_t>(last + 1) * elementSize(dtype);
  }
  Storage storage(StorageImpl::create_external(data, nbytes, deleter), dtype);
  Tensor t(IntrusivePtr<TensorImpl>(
      new TensorImpl(std::move(storage), dtype, DimVector(sizes), DimVector(strides), 0)));
  if (options.requires_grad()) t.unsafeGetTensorImpl()->set_requires_grad(true);
  return t;
}

Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  meta::check_nonnegative_sizes(sizes);
  return from_blob(data, sizes, meta::contiguous_strides(sizes).ref(), deleter, options);
}

Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options) {
  return from_blob(data, sizes, std::function<void(void*)>(), options);
}

Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const TensorOptions& options) {
  return from_blob(data, sizes, strides, std::function<void(void*)>(), options);
}

}  // namespace parity::fast
