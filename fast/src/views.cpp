// Tensor view members: each computes a Geometry (meta/view_meta) and wraps
// the same storage in a new TensorImpl.
#include "tensor_internal.h"

namespace parity::fast {

using detail::make_view;

Tensor Tensor::view(IntArrayRef shape) const {
  DimVector target = meta::infer_size(shape, numel());
  auto st = meta::compute_stride(sizes(), strides(), target);
  if (!st) {
    throw Error(
        "view size is not compatible with input tensor's size and stride (at least one dimension "
        "spans across two "
        "contiguous subspaces). Use .reshape(...) instead.");
  }
  return make_view(*this, meta::Geometry{std::move(target), std::move(*st), storage_offset()});
}

Tensor Tensor::reshape(IntArrayRef shape) const {
  DimVector target = meta::infer_size(shape, numel());
  if (auto st = meta::compute_stride(sizes(), strides(), target))
    return make_view(*this, meta::Geometry{std::move(target), std::move(*st), storage_offset()});
  // Not expressible as a view: torch copies into a contiguous buffer.
  Tensor out = detail::make_contiguous(target, dtype());
  Tensor staging = make_view(out, meta::Geometry{sizes(), meta::contiguous_strides(sizes()), 0});
  detail::copy_into(staging, *this);
  return out;
}

Tensor Tensor::transpose(int64_t d0, int64_t d1) const {
  return make_view(*this, meta::transpose(sizes(), strides(), storage_offset(), d0, d1));
}

Tensor Tensor::t() const {
  if (dim() > 2)
    throw Error("t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(dim()) +
                "D");
  return transpose(0, dim() < 2 ? 0 : 1);
}

Tensor Tensor::permute(IntArrayRef dims) const {
  return make_view(*this, meta::permute(sizes(), strides(), storage_offset(), dims));
}

Tensor Tensor::unsqueeze(int64_t d) const {
  return make_view(*this, meta::unsqueeze(sizes(), strides(), storage_offset(), d));
}

Tensor Tensor::squeeze() const {
  return make_view(*this, meta::squeeze(sizes(), strides(), storage_offset()));
}

Tensor Tensor::squeeze(int64_t d) const {
  return make_view(*this, meta::squeeze(sizes(), strides(), storage_offset(), d));
}

Tensor Tensor::expand(IntArrayRef target) const {
  return make_view(*this, meta::expand(sizes(), strides(), storage_offset(), target, dtype()));
}

Tensor Tensor::narrow(int64_t d, int64_t start, int64_t length) const {
  int64_t s = meta::narrow_start(sizes(), d, start, length);
  return slice(d, s, s + length, 1);
}

Tensor Tensor::select(int64_t d, int64_t index) const {
  return make_view(*this, meta::select(sizes(), strides(), storage_offset(), d, index));
}

Tensor Tensor::slice(int64_t d,
                     std::optional<int64_t> start,
                     std::optional<int64_t> end,
                     int64_t step) const {
  return make_view(*this, meta::slice(sizes(), strides(), storage_offset(), d, start, end, step));
}

Tensor Tensor::flatten(int64_t start_dim, int64_t end_dim) const {
  // torch checks the dims first, even for a 0-d tensor (range [-1, 0]).
  start_dim = meta::wrap_dim(start_dim, dim());
  end_dim = meta::wrap_dim(end_dim, dim());
  if (start_dim > end_dim)
    throw Error("flatten() has invalid args: start_dim cannot come after end_dim");
  if (dim() == 0) return reshape({1});
  if (start_dim == end_dim) return *this;
  DimVector shape;
  for (int64_t i = 0; i < start_dim; ++i) shape.push_back(size(i));
  int64_t n = 1;
  for (int64_t i = start_dim; i <= end_dim; ++i) n *= size(i);
  shape.push_back(n);
  for (int64_t i = end_dim + 1; i < dim(); ++i) shape.push_back(size(i));
  return reshape(shape);
}

}  // namespace parity::fast
