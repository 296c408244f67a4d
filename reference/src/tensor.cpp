// Tensor metadata and the helpers every file shares: allocation, views,
// dim wrapping, element access by storage index.
#include <sstream>

#include "element.h"
#include "index_walk.h"
#include "tensor_impl.h"

namespace parity::ref {

// --- shared helpers

int64_t product(const std::vector<int64_t>& sizes) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  return n;
}

std::vector<int64_t> contiguous_strides(const std::vector<int64_t>& sizes) {
  std::vector<int64_t> strides(sizes.size());
  int64_t stride = 1;
  for (size_t d = sizes.size(); d-- > 0;) {
    strides[d] = stride;
    stride *= std::max<int64_t>(sizes[d], 1);
  }
  return strides;
}

Tensor empty_strided(const std::vector<int64_t>& sizes,
                     const std::vector<int64_t>& strides,
                     ScalarType dtype) {
  // Storage must reach the farthest element: 1 + sum (size-1)*stride.
  int64_t extent = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (sizes[d] == 0) extent = 0;
    if (extent > 0) extent += (sizes[d] - 1) * strides[d];
  }
  auto storage = std::make_shared<StorageImpl>();
  storage->bytes.resize(static_cast<size_t>(extent) * elementSize(dtype));
  auto impl = std::make_shared<TensorImpl>();
  impl->storage = storage;
  impl->dtype = dtype;
  impl->sizes = sizes;
  impl->strides = strides;
  return Tensor(impl);
}

Tensor empty_contiguous(const std::vector<int64_t>& sizes, ScalarType dtype) {
  return empty_strided(sizes, contiguous_strides(sizes), dtype);
}

Tensor make_view(const Tensor& base,
                 std::vector<int64_t> sizes,
                 std::vector<int64_t> strides,
                 int64_t offset) {
  auto impl = std::make_shared<TensorImpl>(*base.impl());
  impl->sizes = std::move(sizes);
  impl->strides = std::move(strides);
  impl->offset = offset;
  return Tensor(impl);
}

int64_t wrap_dim(int64_t dim, int64_t ndim) {
  if (ndim <= 0) ndim = 1;  // scalars accept dims -1 and 0
  if (dim < -ndim || dim >= ndim) {
    std::ostringstream msg;
    msg << "Dimension out of range (expected to be in range of [" << -ndim << ", " << ndim - 1
        << "], but got " << dim << ")";
    throw IndexError(msg.str());
  }
  return dim < 0 ? dim + ndim : dim;
}

Scalar read_at(const TensorImpl& t, int64_t storage_index) {
  return read_element(t.dtype, t.storage->bytes.data() + storage_index * elementSize(t.dtype));
}

void write_at(const TensorImpl& t, int64_t storage_index, const Scalar& v) {
  write_element(t.dtype, t.storage->bytes.data() + storage_index * elementSize(t.dtype), v);
}

std::vector<Scalar> read_all(const Tensor& t) {
  const TensorImpl& impl = *t.impl();
  std::vector<Scalar> values;
  values.reserve(static_cast<size_t>(t.numel()));
  for_each_index(impl.sizes, impl.strides, impl.offset,
                 [&](int64_t i) { values.push_back(read_at(impl, i)); });
  return values;
}

void check_requires_grad_dtype(bool requires_grad, ScalarType dtype) {
  if (requires_grad && !isFloatingType(dtype))
    throw Error("Only Tensors of floating point and complex dtype can require gradients");
}

void check_cpu(Device device) {
  if (!device.is_cpu())
    throw NotImplementedError("parity::ref implements only the CPU device, not '" + device.str() +
                              "'");
}

// --- Tensor metadata

const TensorImpl& Tensor::checked_impl() const {
  if (!impl_) throw Error("Tensor is undefined");  // torch: "...undefined tensor"
  return *impl_;
}

IntArrayRef Tensor::sizes() const { return checked_impl().sizes; }
IntArrayRef Tensor::strides() const { return checked_impl().strides; }
int64_t Tensor::size(int64_t d) const { return checked_impl().sizes[wrap_dim(d, dim())]; }
int64_t Tensor::stride(int64_t d) const { return checked_impl().strides[wrap_dim(d, dim())]; }
int64_t Tensor::storage_offset() const { return checked_impl().offset; }
int64_t Tensor::dim() const { return static_cast<int64_t>(checked_impl().sizes.size()); }
int64_t Tensor::numel() const { return product(checked_impl().sizes); }
ScalarType Tensor::scalar_type() const { return checked_impl().dtype; }
TensorOptions Tensor::options() const { return TensorOptions(scalar_type()).device(device()); }
bool Tensor::requires_grad() const { return checked_impl().requires_grad; }
int64_t Tensor::_version() const { return checked_impl().storage->version; }
Storage Tensor::storage() const { return Storage(checked_impl().storage, scalar_type()); }

// c10's compute_contiguous: size-1 dims may have any stride, and a tensor
// with no elements is contiguous.
bool Tensor::is_contiguous() const {
  const TensorImpl& t = checked_impl();
  if (numel() == 0) return true;
  int64_t expected = 1;
  for (size_t d = t.sizes.size(); d-- > 0;) {
    if (t.sizes[d] == 1) continue;
    if (t.strides[d] != expected) return false;
    expected *= t.sizes[d];
  }
  return true;
}

bool Tensor::is_alias_of(const Tensor& other) const {
  return checked_impl().storage == other.checked_impl().storage;
}

// requires_grad_ sets the flag on this tensor (and its copies) only.
const Tensor& Tensor::requires_grad_(bool requires_grad) const {
  check_requires_grad_dtype(requires_grad, scalar_type());
  impl_->requires_grad = requires_grad;
  return *this;
}

}  // namespace parity::ref
