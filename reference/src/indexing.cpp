// Python subscripts: index({...}) and index_put_({...}, v), following
// LibTorch's at::indexing (TensorIndexing.h): integers select, slices
// slice, None inserts a dim, Ellipsis skips dims, a bool inserts a dim that
// is kept (true) or emptied (false), and makes the result a copy.
#include <sstream>

#include "layout.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// impl::applySelect; real_dim is the position in the subscript, which is
// what LibTorch's message reports.
Tensor apply_select(const Tensor& self, int64_t dim, int64_t index, int64_t real_dim) {
  if (self.dim() == 0 && index == 0 && dim == 0)
    throw IndexError(
        "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in "
        "C++ to convert a 0-dim tensor to a number");
  const int64_t size = self.dim() == 0 ? 0 : self.size(dim);
  if (index < -size || index >= size) {
    std::ostringstream msg;
    msg << "index " << index << " is out of bounds for dimension " << real_dim << " with size " << size;
    throw IndexError(msg.str());
  }
  return self.select(dim, index);
}

Tensor apply_slice(const Tensor& self, int64_t dim, const indexing::Slice& s) {
  const int64_t step = s.step().value_or(1);
  if (step == 0) throw ValueError("slice step cannot be zero");
  if (step < 0) throw ValueError("step must be greater than zero");
  return self.slice(dim, s.start().value_or(0), s.stop(), step);
}

// The view a subscript denotes; bool indices become size-1 dims (or size-0
// for false) whose positions go to bool_dims.
Tensor apply_indices(const Tensor& self, const std::vector<TensorIndex>& indices,
                     std::vector<int64_t>& bool_dims) {
  int64_t specified = 0;
  for (const TensorIndex& i : indices) specified += (i.is_integer() || i.is_slice()) ? 1 : 0;
  // LibTorch handles a lone index before counting, hence its 0-dim message.
  if (indices.size() != 1 && specified > self.dim())
    throw IndexError("too many indices for tensor of dimension " + std::to_string(self.dim()));
  Tensor result = self;
  int64_t dim = 0;
  for (size_t pos = 0; pos < indices.size(); ++pos) {
    const TensorIndex& i = indices[pos];
    if (i.is_integer()) {
      result = apply_select(result, dim, i.integer(), static_cast<int64_t>(pos));
    } else if (i.is_slice()) {
      result = apply_slice(result, dim++, i.slice());
    } else if (i.is_ellipsis()) {
      dim += self.dim() - specified;
    } else if (i.is_none()) {
      result = result.unsqueeze(dim++);
    } else {  // bool
      result = result.unsqueeze(dim);
      if (!i.boolean()) result = result.slice(dim, 0, 0);
      bool_dims.push_back(dim++);
    }
  }
  if (indices.size() == 1 && specified > self.dim())
    throw IndexError("too many indices for tensor of dimension " + std::to_string(self.dim()));
  return result;
}

// c10's slicePrefix1sDim: drop leading size-1 dims of the value.
Tensor strip_leading_ones(const Tensor& v) {
  std::vector<int64_t> sizes = v.sizes().vec();
  size_t first = 0;
  while (first < sizes.size() && sizes[first] == 1) ++first;
  return v.view(std::vector<int64_t>(sizes.begin() + first, sizes.end()));
}

}  // namespace

// LibTorch's C++ API, unlike Python's x[()], refuses an empty subscript.
static void check_not_empty(const std::vector<TensorIndex>& indices, const std::string& method) {
  if (indices.empty())
    throw Error("Passing an empty index list to Tensor::" + method + "() is not valid syntax");
}

Tensor Tensor::index(const std::vector<TensorIndex>& indices) const {
  check_not_empty(indices, "index");
  std::vector<int64_t> bool_dims;
  Tensor view = apply_indices(*this, indices, bool_dims);
  if (bool_dims.empty()) return view;
  // A bool index is advanced indexing: the result is a new tensor laid out
  // as TensorIterator lays out its output (the bool dims, seen as
  // broadcast, keep their place).
  std::vector<int64_t> strides = view.strides().vec();
  for (int64_t d : bool_dims) strides[d] = 0;
  Tensor result = empty_strided(view.sizes().vec(), dense_strides_like(view.sizes().vec(), strides),
                                scalar_type());
  copy_values(result, view);
  return result;
}

Tensor Tensor::index(std::initializer_list<TensorIndex> indices) const {
  return index(std::vector<TensorIndex>(indices));
}

// set_item with a Scalar: fill_ of the indexed view.
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, const Scalar& v) const {
  check_not_empty(indices, "index_put_");
  std::vector<int64_t> bool_dims;
  apply_indices(*this, indices, bool_dims).fill_(v);
  return const_cast<Tensor&>(*this);
}

// set_item with a Tensor (at::indexing::copy_to): same shape -> copy_;
// a 0-d value -> fill_ with its item; else broadcast by expand, then copy_.
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, const Tensor& v) const {
  check_not_empty(indices, "index_put_");
  std::vector<int64_t> bool_dims;
  Tensor dst = apply_indices(*this, indices, bool_dims);
  if (dst.sizes() == v.sizes()) {
    dst.copy_(v);
  } else if (v.dim() == 0) {
    dst.fill_(v.item());
  } else {
    dst.copy_(strip_leading_ones(v).expand(dst.sizes()));
  }
  return const_cast<Tensor&>(*this);
}

Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> indices, const Scalar& v) const {
  return index_put_(std::vector<TensorIndex>(indices), v);
}

Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> indices, const Tensor& v) const {
  return index_put_(std::vector<TensorIndex>(indices), v);
}

}  // namespace parity::ref
