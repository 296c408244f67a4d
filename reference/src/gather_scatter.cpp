// gather, scatter, scatter_add (ATen/native/ScatterGatherChecks.h and
// TensorAdvancedIndexing.cpp, torch 1.13). For dim = 1 of 2-d tensors:
//   gather:       out[i][j] = self[i][index[i][j]]
//   scatter:      out[i][index[i][j]] = src[i][j]
//   scatter_add:  out[i][index[i][j]] += src[i][j]
// index may be smaller than self and src in every dim (but dim for self).
#include <sstream>

#include "element.h"
#include "elementwise.h"
#include "index_walk.h"
#include "layout.h"
#include "overlap.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// A 0-d tensor counts as a 1-d tensor of one element (ensure_nonempty_*).
Tensor as_nonempty(const Tensor& t) {
  if (t.dim() > 0) return t;
  return make_view(t, {1}, {1}, t.storage_offset());
}

// The storage positions of t's elements when t is walked with index's
// shape, each at coordinate 0 along dim: add index * t.stride(dim) to reach
// the element the index names.
std::vector<int64_t> positions_along(const Tensor& t, const Tensor& index, int64_t dim) {
  const Tensor t1 = as_nonempty(t), index1 = as_nonempty(index);
  std::vector<int64_t> strides = t1.strides().vec();
  strides[dim] = 0;
  std::vector<int64_t> positions;
  for_each_index(index1.sizes(), strides, t1.storage_offset(),
                 [&](int64_t i) { positions.push_back(i); });
  return positions;
}

// The same walk without the stride-0 dim: the elements of src that pair
// with the index's elements.
std::vector<int64_t> positions_like(const Tensor& src, const Tensor& index) {
  const Tensor src1 = as_nonempty(src), index1 = as_nonempty(index);
  std::vector<int64_t> positions;
  for_each_index(index1.sizes(), src1.strides(), src1.storage_offset(),
                 [&](int64_t i) { positions.push_back(i); });
  return positions;
}

int64_t nonempty_size(const Tensor& t, int64_t d) { return t.dim() == 0 ? 1 : t.size(d); }
int64_t nonempty_dim(const Tensor& t) { return std::max<int64_t>(t.dim(), 1); }

void check_index_dtype(const Tensor& index, const char* op) {
  if (index.numel() != 0 && index.scalar_type() != kLong)
    throw Error(std::string(op) + "(): Expected dtype int64 for index");
}

// The index values, each checked against the size of dim.
std::vector<int64_t> checked_indices(const Tensor& index, int64_t dim, int64_t size) {
  std::vector<int64_t> values;
  for (const Scalar& v : read_all(index)) {
    const int64_t i = v.toLong();
    if (i < 0 || i >= size) {
      std::ostringstream msg;
      msg << "index " << i << " is out of bounds for dimension " << dim << " with size " << size;
      throw Error(msg.str());
    }
    values.push_back(i);
  }
  return values;
}

// gather_shape_check
void check_gather_shape(const Tensor& self, int64_t dim, const Tensor& index) {
  if (nonempty_dim(self) != nonempty_dim(index))
    throw Error("Index tensor must have the same number of dimensions as input tensor");
  for (int64_t d = 0; d < nonempty_dim(self); ++d) {
    if (d == dim || nonempty_size(index, d) <= nonempty_size(self, d)) continue;
    std::ostringstream msg;
    msg << "Size does not match at dimension " << d << " expected index " << index.sizes()
        << " to be smaller than self " << self.sizes() << " apart from dimension " << dim;
    throw Error(msg.str());
  }
}

// scatter_shape_check: index fits in self (but along dim) and in src.
void check_scatter_shape(const Tensor& self, int64_t dim, const Tensor& index, const Tensor* src) {
  if (index.numel() == 0) return;
  if (nonempty_dim(self) != nonempty_dim(index))
    throw Error("Index tensor must have the same number of dimensions as self tensor");
  bool fits = true;
  for (int64_t d = 0; d < nonempty_dim(self); ++d)
    fits = fits && (d == dim || nonempty_size(index, d) <= nonempty_size(self, d));
  for (int64_t d = 0; src && d < nonempty_dim(self); ++d)
    fits = fits && nonempty_size(index, d) <= nonempty_size(*src, d);
  if (src && nonempty_dim(*src) != nonempty_dim(index))
    throw Error("Index tensor must have the same number of dimensions as src tensor");
  if (fits) return;
  std::ostringstream msg;
  msg << "Expected index " << index.sizes() << " to be smaller than self " << self.sizes()
      << " apart from dimension " << dim;
  if (src) msg << " and to be smaller size than src " << src->sizes();
  throw Error(msg.str());
}

// at::assert_no_overlap: unlike copy_'s check, a full overlap is refused too.
void check_no_overlap(const Tensor& out, const Tensor& input) {
  const TensorImpl& a = *out.impl();
  const TensorImpl& b = *input.impl();
  bool overlap = &a == &b;
  if (!overlap && out.numel() > 0 && input.numel() > 0 && a.storage == b.storage &&
      is_non_overlapping_and_dense(a) && is_non_overlapping_and_dense(b)) {
    const int64_t a_end = a.offset + out.numel(), b_end = b.offset + input.numel();
    overlap = a.offset < b_end && b.offset < a_end;
  }
  if (overlap)
    throw Error(
        "unsupported operation: some elements of the input tensor and the written-to tensor "
        "refer to a single memory location. Please clone() the tensor before performing the "
        "operation.");
}

// a + b in dtype: integers wrap, float16/bfloat16 add in float and round
// once, bool is "or" (nonzero sum).
Scalar add_in_dtype(ScalarType dtype, const Scalar& a, const Scalar& b) {
  return dispatch_dtype(dtype, [&]<class T>() {
    using C = compute_t<T>;
    if constexpr (std::is_same_v<C, bool>) {
      return Scalar(a.toBool() || b.toBool());
    } else if constexpr (std::is_integral_v<C>) {
      const uint64_t sum = static_cast<uint64_t>(a.toLong()) + static_cast<uint64_t>(b.toLong());
      return to_scalar(static_cast<C>(sum));
    } else {
      return to_scalar(static_cast<C>(load<C>(a) + load<C>(b)));
    }
  });
}

// What one scatter writes: src's element, or a fixed value.
struct ScatterSource {
  const Tensor* src = nullptr;
  Scalar value;
  bool add = false;
};

// scatter_meta_impl's checks, in its order; returns the wrapped dim.
int64_t check_scatter(const Tensor& self,
                      int64_t dim,
                      const Tensor& index,
                      const ScatterSource& source) {
  dim = wrap_dim(dim, self.dim());
  check_index_dtype(index, "scatter");
  if (source.src && source.src->scalar_type() != self.scalar_type())
    throw Error("scatter(): Expected self.dtype to be equal to src.dtype");
  check_scatter_shape(self, dim, index, source.src);
  return dim;
}

// The shared body of scatter, scatter_add and their in-place forms: writes
// into out, which is self (in place) or a row-major copy of it.
void scatter_into(const Tensor& out,
                  int64_t dim,
                  const Tensor& index,
                  const ScatterSource& source) {
  if (index.numel() == 0) return;
  if (!source.src) check_convertible(source.value, out.scalar_type());
  const std::vector<int64_t> indices = checked_indices(index, dim, nonempty_size(out, dim));
  const std::vector<int64_t> targets = positions_along(out, index, dim);
  const int64_t stride = as_nonempty(out).stride(dim);
  std::vector<Scalar> values;
  if (source.src)
    for (int64_t i : positions_like(*source.src, index))
      values.push_back(read_at(*source.src->impl(), i));
  const TensorImpl& o = *out.impl();
  // In order, so that a repeated index keeps the last write (or sums them).
  for (size_t k = 0; k < indices.size(); ++k) {
    const int64_t at = targets[k] + indices[k] * stride;
    const Scalar v = source.src ? values[k] : source.value;
    write_at(o, at, source.add ? add_in_dtype(o.dtype, read_at(o, at), v) : v);
  }
}

Tensor scatter_out_of_place(const Tensor& self,
                            int64_t dim,
                            const Tensor& index,
                            const ScatterSource& source) {
  dim = check_scatter(self, dim, index, source);
  Tensor out = empty_contiguous(self.sizes().vec(), self.scalar_type());
  copy_values(out, self);
  scatter_into(out, dim, index, source);
  return out;
}

Tensor& scatter_in_place(const Tensor& self,
                         int64_t dim,
                         const Tensor& index,
                         const ScatterSource& source) {
  dim = check_scatter(self, dim, index, source);
  check_no_internal_overlap(*self.impl());
  check_no_overlap(self, index);
  if (source.src) check_no_overlap(self, *source.src);
  scatter_into(self, dim, index, source);
  self.impl()->storage->version++;
  return const_cast<Tensor&>(self);
}

}  // namespace

Tensor Tensor::gather(int64_t dim, const Tensor& index) const {
  dim = wrap_dim(dim, this->dim());
  if (index.numel() != 0) {
    check_index_dtype(index, "gather");
    check_gather_shape(*this, dim, index);
  }
  Tensor out = empty_contiguous(index.sizes().vec(), scalar_type());
  if (index.numel() == 0) return out;
  const std::vector<int64_t> indices = checked_indices(index, dim, nonempty_size(*this, dim));
  const std::vector<int64_t> sources = positions_along(*this, index, dim);
  const int64_t stride = as_nonempty(*this).stride(dim);
  std::vector<Scalar> values;
  for (size_t k = 0; k < indices.size(); ++k)
    values.push_back(read_at(*impl(), sources[k] + indices[k] * stride));
  const TensorImpl& o = *out.impl();
  size_t k = 0;
  for_each_index(o.sizes, o.strides, o.offset, [&](int64_t i) { write_at(o, i, values[k++]); });
  return out;
}

Tensor Tensor::scatter(int64_t dim, const Tensor& index, const Tensor& src) const {
  return scatter_out_of_place(*this, dim, index, {&src, Scalar(), false});
}

Tensor Tensor::scatter(int64_t dim, const Tensor& index, const Scalar& value) const {
  return scatter_out_of_place(*this, dim, index, {nullptr, value, false});
}

Tensor Tensor::scatter_add(int64_t dim, const Tensor& index, const Tensor& src) const {
  return scatter_out_of_place(*this, dim, index, {&src, Scalar(), true});
}

Tensor& Tensor::scatter_(int64_t dim, const Tensor& index, const Tensor& src) const {
  return scatter_in_place(*this, dim, index, {&src, Scalar(), false});
}

Tensor& Tensor::scatter_(int64_t dim, const Tensor& index, const Scalar& value) const {
  return scatter_in_place(*this, dim, index, {nullptr, value, false});
}

Tensor& Tensor::scatter_add_(int64_t dim, const Tensor& index, const Tensor& src) const {
  return scatter_in_place(*this, dim, index, {&src, Scalar(), true});
}

}  // namespace parity::ref
