// The layout half of torch's TensorIterator (TensorIteratorBase::build):
// the broadcast shape of the inputs, each input's strides over it, the order
// the iterator walks dims in, and the strides it gives an output it
// allocates itself. An op whose result torch's TensorIterator allocates
// (advanced indexing; elementwise ops) must take its strides from here: such
// results follow their inputs' memory order rather than being plain
// contiguous. No data is touched here.
#pragma once
#include <span>

#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::meta {

// One input as TensorIterator receives it: its own sizes and strides (in
// elements), before broadcasting. Borrowed: the arrays must outlive the call.
struct IterOperand {
  IntArrayRef sizes;
  IntArrayRef strides;
};

// compute_fast_setup_type's verdict: with it, the output layout skips the
// reordering entirely.
enum class FastSetup { None, Contiguous, ChannelsLast, NonOverlappingDense };

struct IterLayout {
  DimVector shape;  // the broadcast shape
  FastSetup fast = FastSetup::None;
  // reorder_dimensions' perm_: perm[0] is the innermost (fastest) dim.
  // Empty on a fast setup, which never computes one.
  DimVector perm;
  // The strides of an output TensorIterator allocates (elements).
  DimVector output_strides;
};

// compute_strides: op's strides over shape (op right-aligned), 0 on the dims
// op broadcasts: its missing leading dims and its size-1 dims where shape is
// not 1. A size-1 dim that shape keeps at 1 keeps its stride, whatever it
// is, and so still takes part in the ordering. Elements, not bytes: the
// ordering only compares one operand's strides with each other, so the unit
// (torch's element size) never changes a decision.
DimVector broadcast_strides(const IterOperand& op, IntArrayRef shape);

// reorder_dimensions: an insertion sort of (ndim-1, ..., 0) by the inputs'
// broadcast strides, in operand order, with ambiguous comparisons (a stride
// 0 on either dim, or equal strides without a size tie-break) leaving dims in
// place. strides: one broadcast_strides() per input.
DimVector reorder_dims(IntArrayRef shape, std::span<const DimVector> strides);

// The whole output layout of TensorIterator::build for these inputs (in
// operand order) and one output it allocates.
IterLayout iter_layout(std::span<const IterOperand> inputs);

}  // namespace parity::fast::meta
