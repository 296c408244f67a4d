// View operations: each computes new (sizes, strides, offset) over the
// same storage, with ATen's exact geometry and error messages.
#include <algorithm>
#include <limits>
#include <optional>
#include <sstream>

#include "tensor_impl.h"

namespace parity::ref {

namespace {

// at::infer_size: resolves one -1 against numel, with ATen's messages.
std::vector<int64_t> infer_size(IntArrayRef shape, int64_t numel) {
  std::vector<int64_t> result = shape.vec();
  std::optional<size_t> infer_dim;
  int64_t known = 1;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == -1) {
      if (infer_dim) throw Error("only one dimension can be inferred");
      infer_dim = d;
    } else if (shape[d] >= 0) {
      known *= shape[d];
    } else {
      throw Error("invalid shape dimension " + std::to_string(shape[d]));
    }
  }
  if (numel == known || (infer_dim && known > 0 && numel % known == 0)) {
    if (infer_dim) {
      if (known == 0) {
        std::ostringstream msg;
        msg << "cannot reshape tensor of 0 elements into shape " << shape
            << " because the unspecified dimension size -1 can be any value and is ambiguous";
        throw Error(msg.str());
      }
      result[*infer_dim] = numel / known;
    }
    return result;
  }
  std::ostringstream msg;
  msg << "shape '" << shape << "' is invalid for input of size " << numel;
  throw Error(msg.str());
}

}  // namespace

// at::detail::computeStride: the strides that let `newshape` view memory
// laid out as (oldshape, oldstride), or nullopt when no such view exists.
// Walks both shapes from the back in "chunks" of dims that are contiguous
// with each other; each chunk of the old shape must be split exactly into
// dims of the new shape.
std::optional<std::vector<int64_t>> compute_stride(const std::vector<int64_t>& oldshape,
                                                   const std::vector<int64_t>& oldstride,
                                                   const std::vector<int64_t>& newshape) {
  if (oldshape.empty()) return std::vector<int64_t>(newshape.size(), 1);
  const int64_t numel = product(oldshape);
  if (numel == 0 && oldshape == newshape) return oldstride;
  std::vector<int64_t> newstride(newshape.size());
  if (numel == 0) return contiguous_strides(newshape);
  int64_t view_d = static_cast<int64_t>(newshape.size()) - 1;
  int64_t chunk_base_stride = oldstride.back();
  int64_t tensor_numel = 1;
  int64_t view_numel = 1;
  for (int64_t tensor_d = static_cast<int64_t>(oldshape.size()) - 1; tensor_d >= 0; tensor_d--) {
    tensor_numel *= oldshape[tensor_d];
    // A chunk ends at dim 0 or where the previous dim is not contiguous with this one.
    if (tensor_d == 0 || (oldshape[tensor_d - 1] != 1 &&
                          oldstride[tensor_d - 1] != tensor_numel * chunk_base_stride)) {
      while (view_d >= 0 && (view_numel < tensor_numel || newshape[view_d] == 1)) {
        newstride[view_d] = view_numel * chunk_base_stride;
        view_numel *= newshape[view_d];
        view_d--;
      }
      if (view_numel != tensor_numel) return std::nullopt;
      if (tensor_d > 0) {
        chunk_base_stride = oldstride[tensor_d - 1];
        tensor_numel = 1;
        view_numel = 1;
      }
    }
  }
  if (view_d != -1) return std::nullopt;
  return newstride;
}

Tensor Tensor::view(IntArrayRef size) const {
  const TensorImpl& t = checked_impl();
  std::vector<int64_t> shape = infer_size(size, numel());
  auto strides = compute_stride(t.sizes, t.strides, shape);
  if (!strides)
    throw Error(
        "view size is not compatible with input tensor's size and stride (at least one dimension "
        "spans across two contiguous subspaces). Use .reshape(...) instead.");
  return make_view(*this, shape, *strides, t.offset);
}

// torch.reshape: a view exactly when view() would succeed, else a copy.
Tensor Tensor::reshape(IntArrayRef shape) const {
  const TensorImpl& t = checked_impl();
  std::vector<int64_t> sizes = infer_size(shape, numel());
  if (auto strides = compute_stride(t.sizes, t.strides, sizes))
    return make_view(*this, sizes, *strides, t.offset);
  Tensor copy = empty_contiguous(t.sizes, t.dtype);
  copy_values(copy, *this);
  return make_view(copy, sizes, contiguous_strides(sizes), 0);
}

Tensor Tensor::transpose(int64_t dim0, int64_t dim1) const {
  const TensorImpl& t = checked_impl();
  dim0 = wrap_dim(dim0, dim());
  dim1 = wrap_dim(dim1, dim());
  if (dim() == 0) return make_view(*this, t.sizes, t.strides, t.offset);
  std::vector<int64_t> sizes = t.sizes, strides = t.strides;
  std::swap(sizes[dim0], sizes[dim1]);
  std::swap(strides[dim0], strides[dim1]);
  return make_view(*this, sizes, strides, t.offset);
}

Tensor Tensor::t() const {
  if (dim() > 2)
    throw Error("t() expects a tensor with <= 2 dimensions, but self is " + std::to_string(dim()) +
                "D");
  return transpose(0, dim() < 2 ? 0 : 1);
}

Tensor Tensor::permute(IntArrayRef dims) const {
  const TensorImpl& t = checked_impl();
  if (static_cast<int64_t>(dims.size()) != dim()) {
    std::ostringstream msg;  // the "sparse_coo" is LibTorch 1.13's own text
    msg << "permute(sparse_coo): number of dimensions in the tensor input does not match the "
           "length of the desired ordering of dimensions i.e. input.dim() = "
        << dim() << " is not equal to len(dims) = " << dims.size();
    throw Error(msg.str());
  }
  std::vector<int64_t> sizes, strides;
  std::vector<bool> seen(t.sizes.size(), false);
  for (int64_t d : dims) {
    d = wrap_dim(d, dim());
    if (seen[d]) throw Error("permute(): duplicate dims are not allowed.");
    seen[d] = true;
    sizes.push_back(t.sizes[d]);
    strides.push_back(t.strides[d]);
  }
  return make_view(*this, sizes, strides, t.offset);
}

// The new dim's stride is size*stride of the dim it lands before (1 at the end).
Tensor Tensor::unsqueeze(int64_t d) const {
  const TensorImpl& t = checked_impl();
  d = wrap_dim(d, dim() + 1);
  std::vector<int64_t> sizes = t.sizes, strides = t.strides;
  const int64_t stride = d >= dim() ? 1 : sizes[d] * strides[d];
  sizes.insert(sizes.begin() + d, 1);
  strides.insert(strides.begin() + d, stride);
  return make_view(*this, sizes, strides, t.offset);
}

Tensor Tensor::squeeze() const {
  const TensorImpl& t = checked_impl();
  std::vector<int64_t> sizes, strides;
  for (size_t d = 0; d < t.sizes.size(); ++d) {
    if (t.sizes[d] == 1) continue;
    sizes.push_back(t.sizes[d]);
    strides.push_back(t.strides[d]);
  }
  return make_view(*this, sizes, strides, t.offset);
}

Tensor Tensor::squeeze(int64_t d) const {
  const TensorImpl& t = checked_impl();
  d = wrap_dim(d, dim());
  std::vector<int64_t> sizes = t.sizes, strides = t.strides;
  if (dim() > 0 && sizes[d] == 1) {
    sizes.erase(sizes.begin() + d);
    strides.erase(strides.begin() + d);
  }
  return make_view(*this, sizes, strides, t.offset);
}

Tensor Tensor::expand_as(const Tensor& other) const { return expand(other.sizes()); }

Tensor Tensor::narrow(int64_t d, int64_t start, int64_t length) const {
  if (dim() == 0) throw Error("narrow() cannot be applied to a 0-dim tensor.");
  const int64_t cur_size = size(d);
  if (start != cur_size) start = wrap_dim(start, cur_size);  // start == size is a valid end
  if (length < 0 || start > cur_size - length) {
    std::ostringstream msg;
    msg << "start (" << start << ") + length (" << length << ") exceeds dimension size ("
        << cur_size << ").";
    throw Error(msg.str());
  }
  return slice(d, start, start + length, 1);
}

Tensor Tensor::select(int64_t d, int64_t index) const {
  const TensorImpl& t = checked_impl();
  if (dim() == 0) throw IndexError("select() cannot be applied to a 0-dim tensor.");
  d = wrap_dim(d, dim());
  const int64_t size = t.sizes[d];
  if (index < -size || index >= size) {
    std::ostringstream msg;
    msg << "select(): index " << index << " out of range for tensor of size " << sizes()
        << " at dimension " << d;
    throw IndexError(msg.str());
  }
  if (index < 0) index += size;
  std::vector<int64_t> sizes = t.sizes, strides = t.strides;
  sizes.erase(sizes.begin() + d);
  strides.erase(strides.begin() + d);
  return make_view(*this, sizes, strides, t.offset + index * t.strides[d]);
}

Tensor Tensor::operator[](int64_t index) const { return select(0, index); }

// at::slice: Python's clamping of start/end into [0, size], then a
// stride multiplied by step.
Tensor Tensor::slice(int64_t d,
                     std::optional<int64_t> start,
                     std::optional<int64_t> end,
                     int64_t step) const {
  const TensorImpl& t = checked_impl();
  if (dim() == 0) throw IndexError("slice() cannot be applied to a 0-dim tensor.");
  d = wrap_dim(d, dim());
  if (step <= 0) throw Error("slice step must be positive");
  const int64_t size = t.sizes[d];
  int64_t s = start.value_or(0), e = end.value_or(std::numeric_limits<int64_t>::max());
  if (s < 0) s += size;
  if (e < 0) e += size;
  s = std::clamp<int64_t>(s, 0, size);
  e = std::clamp<int64_t>(e, s, size);
  std::vector<int64_t> sizes = t.sizes, strides = t.strides;
  sizes[d] = (e - s + step - 1) / step;
  strides[d] *= step;
  return make_view(*this, sizes, strides, t.offset + s * t.strides[d]);
}

Tensor Tensor::flatten(int64_t start_dim, int64_t end_dim) const {
  const TensorImpl& t = checked_impl();
  start_dim = wrap_dim(start_dim, dim());
  end_dim = wrap_dim(end_dim, dim());
  if (start_dim > end_dim)
    throw Error("flatten() has invalid args: start_dim cannot come after end_dim");
  if (dim() == 0) return reshape({1});
  if (start_dim == end_dim) return *this;
  std::vector<int64_t> shape(t.sizes.begin(), t.sizes.begin() + start_dim);
  int64_t flat = 1;
  for (int64_t d = start_dim; d <= end_dim; ++d) flat *= t.sizes[d];
  shape.push_back(flat);
  shape.insert(shape.end(), t.sizes.begin() + end_dim + 1, t.sizes.end());
  return reshape(shape);
}

}  // namespace parity::ref
