// flip, roll, repeat (ATen/native/TensorTransformations.cpp and
// TensorShape.cpp, torch 1.13): new tensors holding self's elements moved.
#include <sstream>

#include "layout.h"
#include "parity/ref/joining.h"
#include "tensor_impl.h"

namespace parity::ref {

// A copy of the view that walks the flipped dims backwards (negative
// strides), laid out as clone() lays self out.
Tensor Tensor::flip(IntArrayRef dims) const {
  const TensorImpl& t = checked_impl();
  // A 0-d tensor accepts dim 0 (or -1), which flips nothing.
  std::vector<bool> flipped(std::max<size_t>(t.sizes.size(), 1), false);
  for (int64_t d : dims) {
    d = wrap_dim(d, dim());
    if (flipped[d])
      throw Error("dim " + std::to_string(d) + " appears multiple times in the list of dims");
    flipped[d] = true;
  }
  std::vector<int64_t> strides = t.strides;
  int64_t offset = t.offset;
  for (size_t d = 0; d < t.sizes.size(); ++d) {
    if (!flipped[d]) continue;
    offset += std::max<int64_t>(t.sizes[d] - 1, 0) * strides[d];
    strides[d] = -strides[d];
  }
  Tensor out = empty_preserving(*this, t.dtype);
  copy_values(out, make_view(*this, t.sizes, strides, offset));
  return out;
}

namespace {

// roll_cpu for one dim: cat of the two narrow()s, so the result is laid
// out as cat lays it out.
Tensor roll_one(const Tensor& self, int64_t shift, int64_t dim) {
  if (self.numel() == 0) return self.clone();
  if (self.dim() == 0)
    throw IndexError("Dimension specified as " + std::to_string(dim) +
                     " but tensor has no dimensions");
  const int64_t size = self.size(dim);
  int64_t start = (size - shift) % size;
  if (start < 0) start += size;
  return cat({self.narrow(dim, start, size - start), self.narrow(dim, 0, start)}, dim);
}

}  // namespace

// With no dims, the tensor is flattened, rolled and given its shape back;
// with several, one dim is rolled after the other.
Tensor Tensor::roll(IntArrayRef shifts, IntArrayRef dims) const {
  if (shifts.size() == 1 && dims.size() == 1) return roll_one(*this, shifts[0], dims[0]);
  if (shifts.empty()) throw Error("`shifts` required");
  if (dims.empty() && shifts.size() == 1)
    return roll_one(contiguous().view({numel()}), shifts[0], 0).view(sizes());
  if (shifts.size() != dims.size()) {
    std::ostringstream msg;
    msg << "shifts and dimensions must align. shifts: " << shifts.size()
        << ", dims:" << dims.size();
    throw Error(msg.str());
  }
  const IntArrayRef rest_shifts(shifts.data() + 1, shifts.size() - 1);
  const IntArrayRef rest_dims(dims.data() + 1, dims.size() - 1);
  return roll_one(*this, shifts[0], dims[0]).roll(rest_shifts, rest_dims);
}

// repeat: self, padded with leading size-1 dims to len(repeats), tiled
// repeats[d] times along each dim d. The row-major result, seen as
// [r0, s0, r1, s1, ...] (r = repeats, s = padded sizes), is one copy of
// self broadcast along every r.
Tensor Tensor::repeat(IntArrayRef repeats) const {
  const TensorImpl& t = checked_impl();
  if (static_cast<int64_t>(repeats.size()) < dim())
    throw Error(
        "Number of dimensions of repeat dims can not be smaller than number of dimensions of "
        "tensor");
  const size_t pad = repeats.size() - t.sizes.size();
  std::vector<int64_t> padded(pad, 1), padded_strides(pad, 0);
  padded.insert(padded.end(), t.sizes.begin(), t.sizes.end());
  padded_strides.insert(padded_strides.end(), t.strides.begin(), t.strides.end());
  std::vector<int64_t> target(repeats.size());
  bool empty = false;
  for (size_t d = 0; d < repeats.size(); ++d) {
    target[d] = padded[d] * repeats[d];
    empty = empty || repeats[d] == 0;
  }
  for (int64_t s : target)
    if (s < 0) {
      std::ostringstream msg;
      msg << "Trying to create tensor with negative dimension " << s << ": " << IntArrayRef(target);
      throw Error(msg.str());
    }
  Tensor out = empty_contiguous(target, t.dtype);
  if (empty) return out;
  const std::vector<int64_t> out_strides = out.strides().vec();
  std::vector<int64_t> tiled_sizes, tiled_out_strides, tiled_self_strides;
  for (size_t d = 0; d < repeats.size(); ++d) {
    tiled_sizes.insert(tiled_sizes.end(), {repeats[d], padded[d]});
    tiled_out_strides.insert(tiled_out_strides.end(), {padded[d] * out_strides[d], out_strides[d]});
    tiled_self_strides.insert(tiled_self_strides.end(), {0, padded_strides[d]});
  }
  copy_values(make_view(out, tiled_sizes, tiled_out_strides, 0),
              make_view(*this, tiled_sizes, tiled_self_strides, t.offset));
  return out;
}

}  // namespace parity::ref
