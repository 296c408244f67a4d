// Tensor::index and Tensor::index_put_: LibTorch's at::indexing get_item /
// set_item for integer, slice, None, Ellipsis and bool subscripts.
#include "core/dispatch.h"
#include "core/scalar_convert.h"
#include "cpu/fill_kernels.h"
#include "meta/bool_index_meta.h"
#include "tensor_internal.h"

namespace parity::fast {
namespace {

constexpr int64_t kIndexMax = INT64_MAX;

// at::indexing::impl::applySelect: checks in terms of the subscript position
// (real_dim), then select().
Tensor apply_select(const Tensor& t, int64_t dim, int64_t index, int64_t real_dim) {
  if (t.dim() == 0) {
    if (index == 0 && dim == 0) {
      throw IndexError(
          "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in "
          "C++ to convert a "
          "0-dim tensor to a number");
    }
    // torch reads a size of 0 here.
    throw IndexError("index " + std::to_string(index) + " is out of bounds for dimension " +
                     std::to_string(real_dim) + " with size 0");
  }
  int64_t size = t.sizes()[dim];
  if (index < -size || index >= size) {
    throw IndexError("index " + std::to_string(index) + " is out of bounds for dimension " +
                     std::to_string(real_dim) + " with size " + std::to_string(size));
  }
  return t.select(dim, index);
}

Tensor apply_slice(const Tensor& t, int64_t dim, const indexing::Slice& s) {
  int64_t step = s.step().value_or(1);  // never 0: Slice refuses it when built
  if (step < 0) throw ValueError("step must be greater than zero");
  return t.slice(dim, s.start().value_or(0), s.stop().value_or(kIndexMax), step);
}

// A bool subscript is an advanced index on a new size-1 dim: true picks it,
// false picks nothing (meta/bool_index_meta.h).
struct Sliced {
  Tensor view;
  std::vector<meta::BoolDim> bools;
};

// at::indexing::impl::applySlicing.
Sliced apply_slicing(const Tensor& self, const TensorIndex* idx, size_t n) {
  int64_t specified = 0;
  for (size_t i = 0; i < n; ++i)
    if (idx[i].is_integer() || idx[i].is_slice()) ++specified;
  if (specified > self.dim())
    throw IndexError("too many indices for tensor of dimension " + std::to_string(self.dim()));
  Sliced out{self, {}};
  int64_t dim = 0;
  for (size_t i = 0; i < n; ++i) {
    const TensorIndex& ix = idx[i];
    switch (ix.kind()) {
      case TensorIndex::Kind::Integer:
        out.view = apply_select(out.view, dim, ix.integer(), static_cast<int64_t>(i));
        break;
      case TensorIndex::Kind::Slice:
        out.view = apply_slice(out.view, dim, ix.slice());
        ++dim;
        break;
      case TensorIndex::Kind::Ellipsis:
        dim += self.dim() - specified;
        break;
      case TensorIndex::Kind::None:
        out.view = out.view.unsqueeze(dim);
        ++dim;
        break;
      case TensorIndex::Kind::Boolean:
        out.view = out.view.unsqueeze(dim);
        out.bools.push_back(meta::BoolDim{dim, ix.boolean()});
        ++dim;
        break;
    }
  }
  return out;
}

meta::BoolIndexGeometry bool_index(const Sliced& s) {
  return meta::bool_index(s.view.sizes(), s.view.strides(), s.view.storage_offset(), s.bools);
}

Tensor get_item(const Tensor& self, const TensorIndex* idx, size_t n) {
  if (n == 1) {
    const TensorIndex& ix = idx[0];
    if (ix.is_integer()) return apply_select(self, 0, ix.integer(), 0);
    if (ix.is_slice()) return apply_slice(self, 0, ix.slice());
    if (ix.is_none()) return self.unsqueeze(0);
    if (ix.is_ellipsis())
      return detail::make_view(self,
                               meta::Geometry{self.sizes(), self.strides(), self.storage_offset()});
  }
  Sliced s = apply_slicing(self, idx, n);
  if (s.bools.empty()) {
    if (s.view.is_same(self))  // x[...] still returns a new alias
      return detail::make_view(self,
                               meta::Geometry{self.sizes(), self.strides(), self.storage_offset()});
    return s.view;
  }
  // Advanced indexing always copies, into a tensor laid out the way
  // at::index's TensorIterator allocates it.
  meta::BoolIndexGeometry b = bool_index(s);
  Tensor out = detail::make_strided(b.source.sizes, b.result_strides, self.dtype());
  detail::copy_into(out, detail::make_view(s.view, std::move(b.source)));
  return out;
}

// at::indexing's copy_to: same shape -> copy_; 0-d value -> fill_ with its
// item(); otherwise strip the value's leading 1s and expand it ("setitem").
void copy_to(Tensor dst, const Tensor& value) {
  if (dst.sizes() == value.sizes()) {
    dst.copy_(value);
    return;
  }
  if (value.dim() == 0) {
    dst.fill_(value.item());
    return;
  }
  int64_t lead = 0;
  while (lead < value.dim() && value.sizes()[lead] == 1) ++lead;
  DimVector stripped(
      IntArrayRef(value.sizes().begin() + lead, static_cast<size_t>(value.dim() - lead)));
  Tensor v = value.view(stripped);
  dst.copy_(v.expand(dst.sizes()));
}

void set_item(const Tensor& self, const TensorIndex* idx, size_t n, const Tensor& value) {
  if (n == 1) {
    const TensorIndex& ix = idx[0];
    if (ix.is_boolean() && !ix.boolean()) return;
    if (ix.is_ellipsis()) return copy_to(self, value);
    if (ix.is_none() || ix.is_boolean()) return copy_to(self.unsqueeze(0), value);
    if (ix.is_integer()) return copy_to(apply_select(self, 0, ix.integer(), 0), value);
    if (ix.is_slice()) return copy_to(apply_slice(self, 0, ix.slice()), value);
  }
  Sliced s = apply_slicing(self, idx, n);
  if (s.bools.empty()) return copy_to(s.view, value);
  // Advanced index_put_: the value broadcasts to the indexing result.
  detail::check_inplace(self);
  meta::BoolIndexGeometry b = bool_index(s);
  const bool all_true = b.all_true;
  Tensor target = detail::make_view(s.view, std::move(b.source));
  bool ok = true;
  try {
    ok = meta::broadcast_shapes(target.sizes(), value.sizes()).ref() == target.sizes();
  } catch (const Error&) {
    ok = false;
  }
  if (!ok) {
    throw Error("shape mismatch: value tensor of shape " + meta::sizes_str(value.sizes()) +
                " cannot be broadcast to indexing result of shape " +
                meta::sizes_str(target.sizes()));
  }
  if (all_true) detail::copy_into(target, value);
  detail::bump_version(self);
}

// set_item with a Scalar: torch first makes a 0-d tensor of self's dtype
// (checked conversion), then proceeds as for a tensor value.
Tensor scalar_value(const Tensor& self, const Scalar& v) {
  Tensor t = detail::make_contiguous({}, self.dtype());
  cpu::fill(*t.unsafeGetTensorImpl(), v);
  return t;
}

// LibTorch's C++ API (unlike Python's x[()]) refuses an empty subscript.
void check_not_empty(size_t n, const char* method) {
  if (n == 0)
    throw Error(std::string("Passing an empty index list to Tensor::") + method +
                "() is not valid syntax");
}

}  // namespace

Tensor Tensor::index(std::initializer_list<TensorIndex> indices) const {
  check_not_empty(indices.size(), "index");
  return get_item(*this, indices.begin(), indices.size());
}
Tensor Tensor::index(const std::vector<TensorIndex>& indices) const {
  check_not_empty(indices.size(), "index");
  return get_item(*this, indices.data(), indices.size());
}

Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> indices, Scalar value) {
  check_not_empty(indices.size(), "index_put_");
  set_item(*this, indices.begin(), indices.size(), scalar_value(*this, value));
  return *this;
}
Tensor& Tensor::index_put_(std::initializer_list<TensorIndex> indices, const Tensor& value) {
  check_not_empty(indices.size(), "index_put_");
  set_item(*this, indices.begin(), indices.size(), value);
  return *this;
}
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, Scalar value) {
  check_not_empty(indices.size(), "index_put_");
  set_item(*this, indices.data(), indices.size(), scalar_value(*this, value));
  return *this;
}
Tensor& Tensor::index_put_(const std::vector<TensorIndex>& indices, const Tensor& value) {
  check_not_empty(indices.size(), "index_put_");
  set_item(*this, indices.data(), indices.size(), value);
  return *this;
}

}  // namespace parity::fast
