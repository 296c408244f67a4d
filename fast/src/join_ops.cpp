// cat and stack (copies into slices of one preallocated output) and the
// splitting views split, split_with_sizes and chunk.
#include <sstream>
#include <vector>

#include "meta/join_meta.h"
#include "parity/fast/joining.h"
#include "tensor_internal.h"

namespace parity::fast {

Tensor cat(const std::vector<Tensor>& tensors, int64_t dim) {
  std::vector<meta::CatInput> in;
  in.reserve(tensors.size());
  for (const Tensor& t : tensors) in.push_back({t.sizes(), t.strides(), t.dtype()});
  meta::CatGeometry g = meta::cat_geometry(in, dim);
  Tensor out = detail::make_strided(g.sizes, g.strides, g.dtype);
  if (out.numel() == 0) return out;
  // Each input lands in a slice of out along dim; the copy core coalesces
  // the slice, so contiguous pieces go at memcpy speed.
  int64_t at = 0;
  for (const Tensor& t : tensors) {
    if (meta::cat_skips(t.sizes())) continue;
    const int64_t len = t.sizes()[g.dim];
    if (len > 0 && t.numel() > 0) detail::copy_into(out.slice(g.dim, at, at + len), t);
    at += len;
  }
  return out;
}

Tensor stack(const std::vector<Tensor>& tensors, int64_t dim) {
  if (tensors.empty()) throw Error("stack expects a non-empty TensorList");
  const int64_t nd = tensors[0].dim();
  dim = meta::wrap_dim(dim, nd + 1);
  IntArrayRef entry = tensors[0].sizes();
  for (size_t i = 1; i < tensors.size(); ++i) {
    if (tensors[i].sizes() != entry) {
      throw Error("stack expects each tensor to be equal size, but got " + meta::sizes_str(entry) +
                  " at entry 0 and " + meta::sizes_str(tensors[i].sizes()) + " at entry " +
                  std::to_string(i));
    }
  }
  if (dim < nd) {
    // As torch: cat along dim, then split that dim with a view (which
    // keeps whatever layout cat chose).
    DimVector shape(entry);
    shape.insert(static_cast<size_t>(dim), static_cast<int64_t>(tensors.size()));
    return cat(tensors, dim).view(shape);
  }
  std::vector<Tensor> unsqueezed;
  unsqueezed.reserve(tensors.size());
  for (const Tensor& t : tensors) unsqueezed.push_back(t.unsqueeze(dim));
  return cat(unsqueezed, dim);
}

std::vector<Tensor> Tensor::split(int64_t split_size, int64_t d) const {
  if (dim() == 0) throw Error("split expects at least a 1-dimensional tensor");
  if (split_size < 0) {
    throw Error("split expects split_size be non-negative, but got split_size=" +
                std::to_string(split_size));
  }
  const int64_t dim_size = size(d);
  if (split_size == 0 && dim_size != 0) {
    throw Error("split_size can only be 0 if dimension size is 0, but got dimension size of " +
                std::to_string(dim_size));
  }
  // At least one piece, even when split_size exceeds the dim.
  int64_t n = 1;
  if (split_size != 0) n = std::max<int64_t>((dim_size + split_size - 1) / split_size, 1);
  const int64_t last = split_size - (split_size * n - dim_size);
  std::vector<Tensor> out;
  out.reserve(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i)
    out.push_back(narrow(d, i * split_size, i < n - 1 ? split_size : last));
  return out;
}

std::vector<Tensor> Tensor::split(IntArrayRef split_sizes, int64_t d) const {
  return split_with_sizes(split_sizes, d);
}

std::vector<Tensor> Tensor::split_with_sizes(IntArrayRef split_sizes, int64_t d) const {
  if (dim() == 0) throw Error("split expects at least a 1-dimensional tensor");
  const int64_t dim_size = size(d);
  int64_t sum = 0;
  for (int64_t s : split_sizes) {
    if (s < 0) {
      throw Error(
          "split_with_sizes expects split_sizes have only non-negative entries, but got "
          "split_sizes=" +
          meta::sizes_str(split_sizes));
    }
    sum += s;
  }
  if (sum != dim_size) {
    throw Error("split_with_sizes expects split_sizes to sum exactly to " +
                std::to_string(dim_size) + " (input tensor's size at dimension " +
                std::to_string(d) + "), but got split_sizes=" + meta::sizes_str(split_sizes));
  }
  std::vector<Tensor> out;
  out.reserve(split_sizes.size());
  int64_t start = 0;
  for (int64_t s : split_sizes) {
    out.push_back(narrow(d, start, s));
    start += s;
  }
  return out;
}

std::vector<Tensor> Tensor::chunk(int64_t chunks, int64_t d) const {
  if (dim() == 0) throw Error("chunk expects at least a 1-dimensional tensor");
  if (chunks <= 0)
    throw Error("chunk expects `chunks` to be greater than 0, got: " + std::to_string(chunks));
  const int64_t dim_size = size(d);
  const int64_t split_size = (dim_size + chunks - 1) / chunks;
  // An empty dim still gives `chunks` empty pieces.
  if (split_size == 0 && dim_size == 0) {
    std::vector<int64_t> sizes(static_cast<size_t>(chunks), 0);
    return split_with_sizes(sizes, d);
  }
  return split(split_size, d);
}

}  // namespace parity::fast
