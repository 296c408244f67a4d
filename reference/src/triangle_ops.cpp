// tril, triu and their in-place forms (ATen/native/TriangularOps.cpp,
// torch 1.13): element (.., i, j) of every matrix in the last two dims is
// kept when j - i <= diagonal (tril) or j - i >= diagonal (triu), else zeroed.
#include "index_walk.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// LibTorch reads size(-2), which fails for fewer than 2 dims, but only once
// it has returned early for a tensor with no elements.
void check_matrix_dims(const Tensor& self) {
  if (self.numel() == 0) return;
  if (self.dim() == 0) throw IndexError("Dimension specified as -2 but tensor has no dimensions");
  wrap_dim(-2, self.dim());
}

// Writes into out (self's shape) self's elements, zeroed outside the triangle.
void write_triangle(const Tensor& out, const Tensor& self, int64_t diagonal, bool lower) {
  if (self.numel() == 0) return;
  const std::vector<Scalar> values = read_all(self);
  const int64_t rows = self.size(-2), cols = self.size(-1);
  const TensorImpl& o = *out.impl();
  int64_t k = 0;  // the row-major position of the element visited
  for_each_index(o.sizes, o.strides, o.offset, [&](int64_t at) {
    const int64_t i = (k / cols) % rows, j = k % cols;
    const bool keep = lower ? j - i <= diagonal : j - i >= diagonal;
    write_at(o, at, keep ? values[k] : Scalar(0));
    ++k;
  });
}

Tensor triangle(const Tensor& self, int64_t diagonal, bool lower) {
  check_matrix_dims(self);
  Tensor out = empty_contiguous(self.sizes().vec(), self.scalar_type());
  write_triangle(out, self, diagonal, lower);
  return out;
}

Tensor& triangle_(const Tensor& self, int64_t diagonal, bool lower) {
  check_matrix_dims(self);
  write_triangle(self, self, diagonal, lower);
  self.impl()->storage->version++;
  return const_cast<Tensor&>(self);
}

}  // namespace

Tensor Tensor::tril(int64_t diagonal) const { return triangle(*this, diagonal, true); }
Tensor Tensor::triu(int64_t diagonal) const { return triangle(*this, diagonal, false); }
Tensor& Tensor::tril_(int64_t diagonal) const { return triangle_(*this, diagonal, true); }
Tensor& Tensor::triu_(int64_t diagonal) const { return triangle_(*this, diagonal, false); }

}  // namespace parity::ref
