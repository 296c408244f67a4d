#include "meta/join_meta.h"

#include <string>

#include "meta/promotion.h"
#include "meta/view_meta.h"

namespace parity::fast::meta {
namespace {

// c10's is_channels_last_strides_2d_s4 / _3d_s5: dims walked from the
// channel dim outwards must have non-decreasing strides; ambiguous layouts
// (size-0 dims, a stride-0 channel dim, N111-like) fall back to contiguous.
bool strides_like(IntArrayRef sizes, IntArrayRef strides, std::initializer_list<size_t> order) {
  if (strides[1] == 0) return false;
  int64_t min = 0;
  for (size_t d : order) {
    if (sizes[d] == 0) return false;
    if (strides[d] < min) return false;
    if (d == 0 && min == strides[1]) return false;
    min = strides[d];
    if (sizes[d] > 1) min *= sizes[d];
  }
  return true;
}

}  // namespace

MemoryFormat suggest_memory_format(IntArrayRef sizes, IntArrayRef strides) {
  if (sizes.size() == 4 && strides_like(sizes, strides, {1, 3, 2, 0}))
    return MemoryFormat::ChannelsLast;
  if (sizes.size() == 5 && strides_like(sizes, strides, {1, 4, 3, 2, 0}))
    return MemoryFormat::ChannelsLast3d;
  return MemoryFormat::Contiguous;
}

DimVector strides_for(IntArrayRef sizes, MemoryFormat f) {
  if (f == MemoryFormat::Contiguous) return contiguous_strides(sizes);
  // c10's get_channels_last_strides_{2d,3d}: channel innermost, then the
  // spatial dims from the last, then the batch; sizes are not clamped.
  const size_t n = sizes.size();
  DimVector st(n);
  st[1] = 1;
  int64_t acc = sizes[1];
  for (size_t d = n - 1; d >= 2; --d) {
    st[d] = acc;
    acc *= sizes[d];
  }
  st[0] = acc;
  return st;
}

CatGeometry cat_geometry(std::span<const CatInput> inputs, int64_t dim) {
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].sizes.empty())
      throw Error("zero-dimensional tensor (at position " + std::to_string(i) +
                  ") cannot be concatenated");
  }
  // legacy_cat_wrap_dim: the first non-skipped input decides; with none the
  // dim stays as given (and is never checked).
  for (const CatInput& in : inputs) {
    if (cat_skips(in.sizes)) continue;
    dim = wrap_dim(dim, static_cast<int64_t>(in.sizes.size()));
    break;
  }
  if (inputs.empty()) throw Error("torch.cat(): expected a non-empty list of Tensors");

  size_t valid = inputs.size();
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (!cat_skips(inputs[i].sizes)) {
      valid = i;
      break;
    }
  }
  // All inputs take part in the format and the dtype, skipped ones too.
  MemoryFormat format = MemoryFormat::Contiguous;
  for (size_t i = 0; i < inputs.size(); ++i) {
    MemoryFormat f = suggest_memory_format(inputs[i].sizes, inputs[i].strides);
    if (f == MemoryFormat::Contiguous || (i > 0 && f != format)) {
      format = MemoryFormat::Contiguous;
      break;
    }
    format = f;
  }
  ResultTypeState state;
  for (const CatInput& in : inputs) state.add_tensor(in.dtype, false);

  CatGeometry g;
  g.dim = dim;
  g.dtype = state.result();
  if (valid == inputs.size()) {
    g.sizes = DimVector{0};
    g.strides = DimVector{1};
    return g;
  }
  const CatInput& first = inputs[valid];
  int64_t total = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const CatInput& t = inputs[i];
    if (cat_skips(t.sizes)) continue;
    if (t.sizes.size() != first.sizes.size()) {
      throw Error("Tensors must have same number of dimensions: got " +
                  std::to_string(first.sizes.size()) + " and " + std::to_string(t.sizes.size()));
    }
    for (size_t d = 0; d < first.sizes.size(); ++d) {
      if (static_cast<int64_t>(d) == dim || first.sizes[d] == t.sizes[d]) continue;
      throw Error("Sizes of tensors must match except in dimension " + std::to_string(dim) +
                  ". Expected size " + std::to_string(first.sizes[d]) + " but got size " +
                  std::to_string(t.sizes[d]) + " for tensor number " + std::to_string(i) +
                  " in the list.");
    }
    total += t.sizes[dim];
  }
  g.sizes = DimVector(first.sizes);
  g.sizes[dim] = total;
  g.strides = strides_for(g.sizes, format);
  return g;
}

}  // namespace parity::fast::meta
