#include "meta/iter_layout.h"

#include <utility>
#include <vector>

#include "meta/view_meta.h"

namespace parity::fast::meta {
namespace {

// c10's is_contiguous(ChannelsLast) flag: 4-d only, dims walked in NHWC
// order from the inside, size-1 dims skipped. Unlike plain contiguity there
// is no shortcut for empty tensors.
bool is_channels_last_contiguous(IntArrayRef sizes, IntArrayRef strides) {
  if (sizes.size() != 4) return false;
  int64_t expected = 1;
  for (size_t d : {1, 3, 2, 0}) {
    if (sizes[d] == 1) continue;
    if (strides[d] != expected) return false;
    expected *= sizes[d];
  }
  return true;
}

// c10's get_channels_last_strides_2d: sizes are not clamped, so a size-0
// dim zeroes the strides of the dims outside it.
DimVector channels_last_strides(IntArrayRef sizes) {
  DimVector st(4);
  st[1] = 1;
  st[3] = sizes[1];
  st[2] = st[3] * sizes[3];
  st[0] = st[2] * sizes[2];
  return st;
}

// compute_fast_setup_type: only when every input has exactly the broadcast
// shape; then all contiguous, all channels-last, or all non-overlapping and
// dense with identical strides.
FastSetup fast_setup_type(std::span<const IterOperand> inputs, IntArrayRef shape) {
  for (const IterOperand& op : inputs)
    if (op.sizes != shape) return FastSetup::None;
  bool contiguous = true, channels_last = true, dense = true;
  for (const IterOperand& op : inputs) {
    contiguous = contiguous && compute_contiguous(op.sizes, op.strides);
    channels_last = channels_last && is_channels_last_contiguous(op.sizes, op.strides);
    dense = dense && is_non_overlapping_and_dense(op.sizes, op.strides);
  }
  if (contiguous) return FastSetup::Contiguous;
  if (channels_last) return FastSetup::ChannelsLast;
  if (!dense) return FastSetup::None;
  for (const IterOperand& op : inputs)
    if (op.strides != inputs.front().strides) return FastSetup::None;
  return FastSetup::NonOverlappingDense;
}

}  // namespace

DimVector broadcast_strides(const IterOperand& op, IntArrayRef shape) {
  const size_t nd = shape.size(), n = op.sizes.size();
  const size_t lead = nd - n;
  DimVector out(nd, 0);
  for (size_t i = 0; i < n; ++i)
    out[lead + i] = op.sizes[i] == 1 && shape[lead + i] != 1 ? 0 : op.strides[i];
  return out;
}

DimVector reorder_dims(IntArrayRef shape, std::span<const DimVector> strides) {
  const size_t nd = shape.size();
  DimVector perm(nd);
  for (size_t i = 0; i < nd; ++i) perm[i] = static_cast<int64_t>(nd - 1 - i);
  // 1 if d0 should sit inside d1, -1 if outside, 0 if no input can tell.
  // The first input with an opinion decides: a broadcast (stride-0) dim has
  // none, and equal strides only decide for the smaller size going inside.
  auto should_swap = [&](int64_t d0, int64_t d1) {
    for (const DimVector& st : strides) {
      int64_t s0 = st[d0], s1 = st[d1];
      if (s0 == 0 || s1 == 0) continue;
      if (s0 < s1) return -1;
      if (s0 > s1) return 1;
      if (shape[d0] > shape[d1]) return 1;
    }
    return 0;
  };
  // Insertion sort that walks past ambiguous neighbours instead of stopping,
  // so a dim can move over a broadcast dim to reach its place.
  for (size_t i = 1; i < nd; ++i) {
    size_t d1 = i;
    for (size_t j = i; j-- > 0;) {
      int c = should_swap(perm[j], perm[d1]);
      if (c > 0) {
        std::swap(perm[j], perm[d1]);
        d1 = j;
      } else if (c < 0) {
        break;
      }
    }
  }
  return perm;
}

IterLayout iter_layout(std::span<const IterOperand> inputs) {
  IterLayout l;
  for (const IterOperand& op : inputs) l.shape = broadcast_shapes(l.shape, op.sizes);
  const size_t nd = l.shape.size();

  l.fast = fast_setup_type(inputs, l.shape);
  switch (l.fast) {
    case FastSetup::Contiguous:
      l.output_strides = contiguous_strides(l.shape);
      return l;
    case FastSetup::ChannelsLast:
      l.output_strides = channels_last_strides(l.shape);
      return l;
    case FastSetup::NonOverlappingDense:
      // torch copies the strides of the last input; they are all equal.
      l.output_strides = DimVector(inputs.back().strides);
      return l;
    case FastSetup::None:
      break;
  }

  std::vector<DimVector> strides;
  strides.reserve(inputs.size());
  for (const IterOperand& op : inputs) strides.push_back(broadcast_strides(op, l.shape));
  l.perm = reorder_dims(l.shape, strides);

  // allocate_or_resize_outputs: an untouched (fully "inverted") perm means a
  // plain contiguous output, made by empty() and so with its size-0 clamping.
  bool inverted = true;
  for (size_t i = 0; i < nd; ++i)
    inverted = inverted && l.perm[i] == static_cast<int64_t>(nd - 1 - i);
  if (inverted) {
    l.output_strides = contiguous_strides(l.shape);
    return l;
  }
  // Otherwise compatible_stride: dense strides in perm order, multiplied by
  // the raw sizes, so every dim outside a size-0 dim gets stride 0.
  l.output_strides = DimVector(nd);
  int64_t next = 1;
  for (size_t i = 0; i < nd; ++i) {
    l.output_strides[l.perm[i]] = next;
    next *= l.shape[l.perm[i]];
  }
  return l;
}

}  // namespace parity::fast::meta
