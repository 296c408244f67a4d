// Internal: memory-layout predicates and layouts shared by copies.
#pragma once
#include <vector>

#include "tensor_impl.h"

namespace parity::ref {

// c10's is_non_overlapping_and_dense: the elements fill a block of
// storage exactly once, in some dim order.
bool is_non_overlapping_and_dense(const TensorImpl& t);

// at::infer_dense_strides (TensorIterator's order for one input): dense
// strides that keep the dim order of `strides`, smallest stride innermost.
// A stride-0 dim compares as "ambiguous" and keeps its place.
std::vector<int64_t> dense_strides_like(const std::vector<int64_t>& sizes,
                                        const std::vector<int64_t>& strides);

// The sizes and strides of one TensorIterator input, of the iterator's rank.
struct Geometry {
  std::vector<int64_t> sizes;
  std::vector<int64_t> strides;
};

// The strides TensorIterator gives an output it allocates for `inputs`
// when their shapes differ (no fast setup): inputs' broadcast dims get
// stride 0, the dims are ordered as dense_strides_like orders them but
// asking each input in turn, and unless that order is row-major the dense
// strides are built without treating a size-0 dim as size 1.
std::vector<int64_t> iterator_output_strides(const std::vector<int64_t>& sizes,
                                             const std::vector<Geometry>& inputs);

// A fresh tensor with self's sizes laid out as torch's MemoryFormat::Preserve
// does for clone() and *_like: self's strides when it is non-overlapping and
// dense, else dense_strides_like.
Tensor empty_preserving(const Tensor& self, ScalarType dtype);

// The strides TensorIterator gives the output it allocates for an
// elementwise op over `inputs` (already converted to the common dtype) with
// broadcast shape `sizes`: its fast setup when all inputs have that shape
// (all contiguous -> contiguous; all channels-last 4-d -> channels-last; all
// dense with equal strides -> those strides), else iterator_output_strides.
std::vector<int64_t> elementwise_output_strides(const std::vector<int64_t>& sizes,
                                                const std::vector<Tensor>& inputs);

}  // namespace parity::ref
