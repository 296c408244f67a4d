// Copies and in-place writes: copy_, fill_, zero_, contiguous, clone, to.
// Every in-place write bumps the storage's version counter once
// (Note [version counter] in storage.h).
#include <sstream>

#include "element.h"
#include "index_walk.h"
#include "layout.h"
#include "overlap.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// TensorIterator's broadcast of src against the destination's shape.
void check_broadcastable_to(IntArrayRef dst, IntArrayRef src) {
  const int64_t nd = static_cast<int64_t>(dst.size()), ns = static_cast<int64_t>(src.size());
  const int64_t n = std::max(nd, ns);
  std::vector<int64_t> shape(n);
  for (int64_t i = n - 1; i >= 0; --i) {
    const int64_t a = i - (n - nd) >= 0 ? dst[i - (n - nd)] : 1;
    const int64_t b = i - (n - ns) >= 0 ? src[i - (n - ns)] : 1;
    if (a != b && a != 1 && b != 1) {
      std::ostringstream msg;
      msg << "The size of tensor a (" << a << ") must match the size of tensor b (" << b
          << ") at non-singleton dimension " << i;
      throw Error(msg.str());
    }
    shape[i] = a == 1 ? b : a;
  }
  if (IntArrayRef(shape) != dst) {
    std::ostringstream msg;
    msg << "output with shape " << dst << " doesn't match the broadcast shape "
        << IntArrayRef(shape);
    throw Error(msg.str());
  }
}

}  // namespace

void copy_values(const Tensor& dst, const Tensor& src) {
  const std::vector<Scalar> values = read_all(src);
  const TensorImpl& d = *dst.impl();
  size_t k = 0;
  for_each_index(d.sizes, d.strides, d.offset, [&](int64_t i) { write_at(d, i, values[k++]); });
}

// Tensor.copy_: src broadcasts to self's shape, values convert to self's
// dtype. All of src is read before anything is written.
Tensor& Tensor::copy_(const Tensor& src) const {
  const TensorImpl& dst = checked_impl();
  check_no_internal_overlap(dst);
  check_broadcastable_to(sizes(), src.sizes());
  check_no_partial_overlap(*this, src);
  copy_values(*this, src.expand(sizes()));
  dst.storage->version++;
  return const_cast<Tensor&>(*this);
}

// Tensor.fill_: the value is range-checked like c10::Scalar::to<T>().
// torch 1.13 does not refuse an expanded destination here.
Tensor& Tensor::fill_(const Scalar& value) const {
  const TensorImpl& dst = checked_impl();
  check_convertible(value, dst.dtype);
  for_each_index(dst.sizes, dst.strides, dst.offset, [&](int64_t i) { write_at(dst, i, value); });
  dst.storage->version++;
  return const_cast<Tensor&>(*this);
}

Tensor& Tensor::zero_() const { return fill_(0); }

Tensor Tensor::contiguous() const {
  if (is_contiguous()) return *this;
  Tensor result = empty_contiguous(checked_impl().sizes, scalar_type());
  copy_values(result, *this);
  return result;
}

// clone() uses MemoryFormat::Preserve: a dense tensor keeps its strides.
Tensor Tensor::clone() const {
  Tensor result = empty_preserving(*this, scalar_type());
  copy_values(result, *this);
  return result;
}

// to(dtype) copies with MemoryFormat::Preserve too, like clone().
Tensor Tensor::to(ScalarType dtype) const {
  if (dtype == checked_impl().dtype) return *this;
  Tensor result = empty_preserving(*this, dtype);
  copy_values(result, *this);
  return result;
}

Tensor Tensor::to(Device device) const {
  check_cpu(device);
  return *this;
}

Tensor Tensor::to(Device device, ScalarType dtype) const {
  check_cpu(device);
  return to(dtype);
}

Tensor Tensor::to(TensorOptions options) const {
  check_cpu(options.device());
  return options.has_dtype() ? to(options.dtype()) : *this;
}

}  // namespace parity::ref
