// Factories: zeros, ones, full, empty, eye and the *_like family, with
// torch 1.13's dtype defaults (float factories give kFloat; full takes
// the fill value's kind).
#include "parity/ref/factories.h"

#include <sstream>

#include "element.h"
#include "layout.h"
#include "tensor_impl.h"

namespace parity::ref {

// Shared by every factory: device and requires_grad handling.
Tensor finish_factory(Tensor t, const TensorOptions& options) {
  check_requires_grad_dtype(options.requires_grad(), t.scalar_type());
  t.impl()->requires_grad = options.requires_grad();
  return t;
}

namespace {

std::vector<int64_t> checked_sizes(IntArrayRef size) {
  for (int64_t s : size)
    if (s < 0) {
      std::ostringstream msg;
      msg << "Trying to create tensor with negative dimension " << s << ": " << size;
      throw Error(msg.str());
    }
  return size.vec();
}

ScalarType kind_dtype(const Scalar& v) {
  return v.isBoolean() ? kBool : v.isIntegral(false) ? kLong : kFloat;
}

}  // namespace

Tensor empty(IntArrayRef size, TensorOptions options) {
  check_cpu(options.device());
  check_requires_grad_dtype(options.requires_grad(), options.dtype());
  return finish_factory(empty_contiguous(checked_sizes(size), options.dtype()), options);
}

Tensor zeros(IntArrayRef size, TensorOptions options) {
  return full(size, 0, options.dtype(options.dtype()));
}
Tensor ones(IntArrayRef size, TensorOptions options) {
  return full(size, 1, options.dtype(options.dtype()));
}

Tensor full(IntArrayRef size, const Scalar& fill_value, TensorOptions options) {
  if (!options.has_dtype()) options = options.dtype(kind_dtype(fill_value));
  Tensor t = empty(size, options);
  t.fill_(fill_value);
  t.impl()->storage->version = 0;  // a factory's own fill is not a user write
  return t;
}

Tensor eye(int64_t n, TensorOptions options) { return eye(n, n, options); }

Tensor eye(int64_t n, int64_t m, TensorOptions options) {
  if (n < 0) throw Error("n must be greater or equal to 0, got " + std::to_string(n));
  if (m < 0) throw Error("m must be greater or equal to 0, got " + std::to_string(m));
  Tensor t = zeros({n, m}, options);
  for (int64_t i = 0; i < std::min(n, m); ++i) write_at(*t.impl(), i * m + i, Scalar(1));
  return t;
}

// *_like: the dtype defaults to self's, and the layout is MemoryFormat::Preserve.
Tensor empty_like(const Tensor& self, TensorOptions options) {
  check_cpu(options.device());
  const ScalarType dtype = options.has_dtype() ? options.dtype() : self.scalar_type();
  check_requires_grad_dtype(options.requires_grad(), dtype);
  return finish_factory(empty_preserving(self, dtype), options);
}

Tensor full_like(const Tensor& self, const Scalar& fill_value, TensorOptions options) {
  Tensor t = empty_like(self, options);
  t.fill_(fill_value);
  t.impl()->storage->version = 0;
  return t;
}

Tensor zeros_like(const Tensor& self, TensorOptions options) { return full_like(self, 0, options); }
Tensor ones_like(const Tensor& self, TensorOptions options) { return full_like(self, 1, options); }

}  // namespace parity::ref
