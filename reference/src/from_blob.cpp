// from_blob: a tensor over caller memory, the storage marked external so
// that the caller's deleter (not the vector's) releases it.
#include <sstream>

#include "parity/ref/interop.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

void check_sizes(IntArrayRef sizes) {
  for (int64_t s : sizes)
    if (s < 0) {
      std::ostringstream msg;
      msg << "Trying to create tensor with negative dimension " << s << ": " << sizes;
      throw Error(msg.str());
    }
}

}  // namespace

Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 IntArrayRef strides,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  check_cpu(options.device());
  check_sizes(sizes);
  if (strides.size() != sizes.size()) {
    std::ostringstream msg;
    msg << "from_blob: " << sizes.size() << " sizes but " << strides.size() << " strides";
    throw Error(msg.str());
  }
  const ScalarType dtype = options.dtype();
  // The storage spans the farthest element, as LibTorch's
  // computeStorageNbytes: 1 + sum (size - 1) * stride, none when empty.
  int64_t extent = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 0) extent = 0;
    if (extent > 0) extent += (sizes[d] - 1) * strides[d];
  }
  auto storage = std::make_shared<StorageImpl>();
  storage->bytes = StorageBytes(data, static_cast<size_t>(extent) * elementSize(dtype), deleter);
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = storage;
  impl->dtype = dtype;
  impl->sizes = sizes.vec();
  impl->strides = strides.vec();
  return finish_factory(Tensor(impl), options);
}

Tensor from_blob(void* data,
                 IntArrayRef sizes,
                 const std::function<void(void*)>& deleter,
                 const TensorOptions& options) {
  check_sizes(sizes);
  const std::vector<int64_t> strides = contiguous_strides(sizes.vec());
  return from_blob(data, sizes, strides, deleter, options);
}

Tensor from_blob(void* data, IntArrayRef sizes, const TensorOptions& options) {
  return from_blob(data, sizes, std::function<void(void*)>(), options);
}

Tensor from_blob(void* data, IntArrayRef sizes, IntArrayRef strides, const TensorOptions& options) {
  return from_blob(data, sizes, strides, std::function<void(void*)>(), options);
}

}  // namespace parity::ref
