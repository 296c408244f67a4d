#include "meta/bool_index_meta.h"

#include <vector>

#include "meta/iter_layout.h"

namespace parity::fast::meta {

BoolIndexGeometry bool_index(IntArrayRef sizes,
                             IntArrayRef strides,
                             int64_t offset,
                             std::span<const BoolDim> bools) {
  BoolIndexGeometry r;
  bool adjacent = true;
  for (size_t i = 0; i < bools.size(); ++i) {
    if (!bools[i].value) r.all_true = false;
    if (i > 0 && bools[i].dim != bools[i - 1].dim + 1) adjacent = false;
  }
  // make_info broadcasts the index tensors to one shape, [1] or [0] (the
  // replacement shape), and when the indexed dims are not adjacent first
  // moves them to the front (transposeToFront), so the replacement goes
  // there.
  const int64_t k = r.all_true ? 1 : 0;
  const int64_t before = adjacent ? bools[0].dim : 0;

  Geometry& g = r.source;
  g.offset = offset;
  size_t b = 0;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (b < bools.size() && bools[b].dim == static_cast<int64_t>(d)) {
      ++b;
      continue;
    }
    g.sizes.push_back(sizes[d]);
    g.strides.push_back(strides[d]);
  }
  // The replacement dim of the source view addresses at most one element;
  // give it the stride unsqueeze would.
  const bool at_end = before >= static_cast<int64_t>(g.sizes.size());
  g.sizes.insert(static_cast<size_t>(before), k);
  g.strides.insert(static_cast<size_t>(before),
                   at_end ? 1 : g.sizes[before + 1] * g.strides[before + 1]);
  const int64_t ndim = static_cast<int64_t>(g.sizes.size());

  // TensorIterator's inputs, in at::index's order. First restride_src's
  // source: the result's shape with stride 0 on the replacement dim.
  DimVector src_strides(g.strides);
  src_strides[before] = 0;
  // Then each index tensor, reshaped by reshape_indexer to
  // [1]*before + [k] + [1]*after. Each starts with stride 1; expand_outplace
  // turns a [1] into an empty [0] of stride 0 when another index is empty;
  // reshape is a view here, whose strides compute_stride gives.
  DimVector idx_shape(static_cast<size_t>(ndim), 1);
  idx_shape[before] = k;
  std::vector<DimVector> idx_strides;
  idx_strides.reserve(bools.size());
  for (const BoolDim& bd : bools) {
    const int64_t own = bd.value ? 1 : 0;
    const int64_t st = own == k ? 1 : 0;
    idx_strides.push_back(
        compute_stride({k}, {st}, idx_shape).value_or(contiguous_strides(idx_shape)));
  }

  std::vector<IterOperand> ops;
  ops.reserve(1 + bools.size());
  ops.push_back(IterOperand{g.sizes, src_strides});
  for (const DimVector& st : idx_strides) ops.push_back(IterOperand{idx_shape, st});
  r.result_strides = iter_layout(ops).output_strides;
  return r;
}

}  // namespace parity::fast::meta
