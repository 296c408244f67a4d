// Python subscripts: index({...}) and index_put_({...}, v), following
// LibTorch's at::indexing (TensorIndexing.h): integers select, slices
// slice, None inserts a dim, Ellipsis skips dims, and bools make the result
// a copy with one more dim, of size 1 (all true) or 0 (any false).
#include <algorithm>
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
    msg << "index " << index << " is out of bounds for dimension " << real_dim << " with size "
        << size;
    throw IndexError(msg.str());
  }
  return self.select(dim, index);
}

Tensor apply_slice(const Tensor& self, int64_t dim, const indexing::Slice& s) {
  const int64_t step = s.step().value_or(1);  // never 0: Slice refuses it when built
  if (step < 0) throw ValueError("step must be greater than zero");
  return self.slice(dim, s.start().value_or(0), s.stop(), step);
}

// The view a subscript denotes; bool indices become size-1 dims (or size-0
// for false) whose positions go to bool_dims.
Tensor apply_indices(const Tensor& self,
                     const std::vector<TensorIndex>& indices,
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

// at::index's transposeToFront: bool dims that are not side by side move,
// in order, in front of the other dims (which keep their order).
Tensor bools_to_front(const Tensor& view, std::vector<int64_t>& bool_dims) {
  if (bool_dims.back() - bool_dims.front() + 1 == static_cast<int64_t>(bool_dims.size()))
    return view;
  std::vector<int64_t> order = bool_dims;
  for (int64_t d = 0; d < view.dim(); ++d)
    if (std::find(bool_dims.begin(), bool_dims.end(), d) == bool_dims.end()) order.push_back(d);
  for (size_t i = 0; i < bool_dims.size(); ++i) bool_dims[i] = static_cast<int64_t>(i);
  return view.permute(order);
}

// at::index's restride_src: src seen with the result's shape, the bool dims
// [first, last] replaced by one dim of size `kept` and stride 0.
Tensor restride_src(const Tensor& src, int64_t first, int64_t last, int64_t kept) {
  std::vector<int64_t> sizes = src.sizes().vec();
  std::vector<int64_t> strides = src.strides().vec();
  sizes.erase(sizes.begin() + first, sizes.begin() + last + 1);
  strides.erase(strides.begin() + first, strides.begin() + last + 1);
  sizes.insert(sizes.begin() + first, kept);
  strides.insert(strides.begin() + first, 0);
  return make_view(src, sizes, strides, src.impl()->offset);
}

// The strides at::index's TensorIterator gives the output it allocates for
// its inputs: the restrided source and `count` index tensors, each reshaped
// (reshape_indexer) to size 1 everywhere but the indexed dim `first`. An
// index tensor holds at most one element, so its strides are all 1.
std::vector<int64_t> bool_index_strides(const Tensor& restrided, int64_t first, size_t count) {
  const std::vector<int64_t> sizes = restrided.sizes().vec();
  std::vector<int64_t> index_sizes(sizes.size(), 1);
  index_sizes[first] = sizes[first];
  // Same shapes (every other dim has size 1): all inputs hold at most one
  // element, hence are contiguous, and the fast setup allocates contiguous.
  if (sizes == index_sizes) return contiguous_strides(sizes);
  std::vector<Geometry> inputs{{sizes, restrided.strides().vec()}};
  inputs.insert(inputs.end(), count, Geometry{index_sizes, std::vector<int64_t>(sizes.size(), 1)});
  return iterator_output_strides(sizes, inputs);
}

// at::index with one index tensor per bool dim ([0] for false, [1] for
// true): the indexes broadcast to one dim of size `kept` (0 if any bool is
// false), which replaces the bool dims in a new tensor.
Tensor index_with_bools(const Tensor& view, std::vector<int64_t> bool_dims) {
  const Tensor src = bools_to_front(view, bool_dims);
  int64_t kept = 1;
  for (int64_t d : bool_dims) kept *= src.size(d);  // apply_indices made false dims size 0
  const Tensor restrided = restride_src(src, bool_dims.front(), bool_dims.back(), kept);
  Tensor result = empty_strided(restrided.sizes().vec(),
                                bool_index_strides(restrided, bool_dims.front(), bool_dims.size()),
                                view.scalar_type());
  copy_values(result, restrided);
  return result;
}

}  // namespace

// LibTorch's C++ API, unlike Python's x[()], refuses an empty subscript.
// (A zero slice step never gets here: Slice refuses it when it is built.)
static void check_subscript(const std::vector<TensorIndex>& indices, const std::string& method) {
  if (indices.empty())
    throw Error("Passing an empty index list to Tensor::" + method + "() is not valid syntax");
}

Tensor Tensor::index(const std::vector<TensorIndex>& indices) const {
  check_subscript(indices, "index");
  std::vector<int64_t> bool_dims;
  Tensor view = apply_indices(*this, indices, bool_dims);
  if (bool_dims.empty()) return view;
  return index_with_bools(view, bool_dims);
}

Tensor Tensor::index(std::initializer_list<TensorIndex> indices) const {
  return index(std::vector<TensorIndex>(indices));
}

// set_item with a Scalar: fill_ of the indexed view.
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, const Scalar& v) const {
  check_subscript(indices, "index_put_");
  std::vector<int64_t> bool_dims;
  apply_indices(*this, indices, bool_dims).fill_(v);
  return const_cast<Tensor&>(*this);
}

// set_item with a Tensor (at::indexing::copy_to): same shape -> copy_;
// a 0-d value -> fill_ with its item; else broadcast by expand, then copy_.
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, const Tensor& v) const {
  check_subscript(indices, "index_put_");
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
