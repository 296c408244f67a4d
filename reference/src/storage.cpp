// Storage handles: element count, bytes, and element get/set with
// Python's TypedStorage indexing (one negative wrap, IndexError beyond).
#include <sstream>

#include "element.h"
#include "tensor_impl.h"

namespace parity::ref {

Storage::Storage(std::shared_ptr<StorageImpl> impl, ScalarType dtype)
    : impl_(std::move(impl)), dtype_(dtype) {}

int64_t Storage::size() const {
  return static_cast<int64_t>(impl_->bytes.size() / elementSize(dtype_));
}

size_t Storage::nbytes() const { return impl_->bytes.size(); }

void* Storage::data_ptr() const { return impl_->bytes.empty() ? nullptr : impl_->bytes.data(); }

std::byte* Storage::element_address(int64_t i) const {
  const int64_t n = size();
  if (i < -n || i >= n) {
    std::ostringstream msg;
    msg << "index " << i << " out of range for storage of size " << n;
    throw IndexError(msg.str());
  }
  if (i < 0) i += n;
  return impl_->bytes.data() + i * static_cast<int64_t>(elementSize(dtype_));
}

Scalar Storage::get(int64_t i) const { return read_element(dtype_, element_address(i)); }

// Python's storage[i] = v writes through a temporary tensor with its own
// version counter, so the tensors' _version() does not change (1.13).
void Storage::set(int64_t i, Scalar v) const { write_element(dtype_, element_address(i), v); }

Storage::ElementRef::operator Scalar() const { return Storage(impl_, dtype_).get(index_); }

Storage::ElementRef& Storage::ElementRef::operator=(const Scalar& v) {
  Storage(impl_, dtype_).set(index_, v);
  return *this;
}

}  // namespace parity::ref
