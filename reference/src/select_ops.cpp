// index_select, masked_select, nonzero (ATen/native/TensorAdvancedIndexing.cpp
// and Indexing, torch 1.13): new row-major tensors of the selected elements.
#include <sstream>

#include "broadcast.h"
#include "index_walk.h"
#include "tensor_impl.h"

namespace parity::ref {

// out.select(dim, k) = self.select(dim, index[k]); a 0-d index counts as
// one element, and a 0-d self gives a 0-d result.
Tensor Tensor::index_select(int64_t dim, const Tensor& index) const {
  dim = wrap_dim(dim, this->dim());
  if (index.dim() > 1) throw IndexError("index_select(): Index is supposed to be a vector");
  if (index.scalar_type() != kLong && index.scalar_type() != kInt)
    throw Error("index_select(): Expected dtype int32 or int64 for index");
  const std::vector<Scalar> indices = read_all(index);
  const int64_t size = this->dim() == 0 ? 1 : this->size(dim);
  // torch 1.13 checks the indices in two kernels with two messages: the one
  // for dim 1 of a >1-d self (and for any empty >1-d self) raises a
  // RuntimeError naming the index; the general one an IndexError.
  const bool data_bounds_kernel = this->dim() > 1 && (dim == 1 || numel() == 0);
  if (this->dim() > 1 && numel() == 0 && !indices.empty() && size <= 0)
    throw Error("index_select(): self indexing axis dim should be positive");
  for (const Scalar& i : indices) {
    if (i.toLong() >= 0 && i.toLong() < size) continue;
    if (data_bounds_kernel)
      throw Error("INDICES element is out of DATA bounds, id=" + std::to_string(i.toLong()) +
                  " axis_dim=" + std::to_string(size));
    throw IndexError("index out of range in self");
  }
  std::vector<int64_t> out_sizes = sizes().vec();
  if (this->dim() == 0) {
    Tensor out = empty_contiguous(out_sizes, scalar_type());
    if (!indices.empty()) copy_values(out, *this);
    return out;
  }
  out_sizes[dim] = static_cast<int64_t>(indices.size());
  Tensor out = empty_contiguous(out_sizes, scalar_type());
  for (size_t k = 0; k < indices.size(); ++k)
    copy_values(out.select(dim, static_cast<int64_t>(k)), select(dim, indices[k].toLong()));
  return out;
}

// The elements of self where the mask is true, self and mask broadcast
// together, in row-major order. A uint8 mask (deprecated) must hold 0 or 1.
Tensor Tensor::masked_select(const Tensor& mask) const {
  const ScalarType mask_dtype = mask.scalar_type();
  if (mask_dtype != kBool && mask_dtype != kByte)
    throw Error("masked_select: expected BoolTensor or ByteTensor for mask");
  const std::vector<int64_t> shape = broadcast_shape(mask.sizes(), sizes());
  const std::vector<Scalar> keep = read_all(mask.expand(shape));
  const std::vector<Scalar> values = read_all(expand(shape));
  std::vector<Scalar> selected;
  for (size_t i = 0; i < keep.size(); ++i) {
    if (mask_dtype == kByte && keep[i].toLong() > 1)
      throw Error("Mask tensor can take 0 and 1 values only");
    if (keep[i].toBool()) selected.push_back(values[i]);
  }
  Tensor out = empty_contiguous({static_cast<int64_t>(selected.size())}, scalar_type());
  const TensorImpl& o = *out.impl();
  for (size_t k = 0; k < selected.size(); ++k) write_at(o, static_cast<int64_t>(k), selected[k]);
  return out;
}

// One row [i0, i1, ...] per nonzero element (NaN counts as nonzero), in
// row-major order. LibTorch lays the [n, dim] result out column-major,
// strides (1, n), even where n or dim is 0.
Tensor Tensor::nonzero() const {
  const std::vector<Scalar> values = read_all(*this);
  const std::vector<int64_t> shape = sizes().vec();
  std::vector<std::vector<int64_t>> rows;
  for (size_t linear = 0; linear < values.size(); ++linear) {
    if (!values[linear].toBool()) continue;
    // The coordinates of the linear-th element in row-major order.
    std::vector<int64_t> row(shape.size());
    int64_t rest = static_cast<int64_t>(linear);
    for (size_t d = shape.size(); d-- > 0;) {
      row[d] = rest % shape[d];
      rest /= shape[d];
    }
    rows.push_back(row);
  }
  const int64_t n = static_cast<int64_t>(rows.size());
  Tensor out = empty_strided({n, dim()}, {1, n}, kLong);
  const TensorImpl& o = *out.impl();
  for (int64_t r = 0; r < n; ++r)
    for (int64_t d = 0; d < dim(); ++d) write_at(o, r + d * n, rows[r][d]);
  return out;
}

}  // namespace parity::ref
