// flip, roll and repeat: each is one pass of the copy core over views.
// flip reads through negative strides, roll is cat of two narrowed pieces
// (as torch composes it, which also gives torch's layouts), repeat writes
// through a view of the output that splits every dim into (copy, element).
#include <string>

#include "parity/fast/joining.h"
#include "tensor_internal.h"

namespace parity::fast {

Tensor Tensor::flip(IntArrayRef dims) const {
  const int64_t nd = dim();
  std::vector<bool> flipped(static_cast<size_t>(std::max<int64_t>(nd, 1)), false);
  for (int64_t d : dims) {
    const int64_t w = meta::wrap_dim(d, nd);
    if (flipped[w])
      throw Error("dim " + std::to_string(w) + " appears multiple times in the list of dims");
    flipped[w] = true;
  }
  Tensor out = detail::make_strided(sizes(), meta::preserve_strides(sizes(), strides()), dtype());
  if (numel() == 0) return out;
  meta::Geometry g{DimVector(sizes()), DimVector(strides()), storage_offset()};
  for (int64_t d = 0; d < nd; ++d) {
    if (!flipped[d] || g.sizes[d] < 2) continue;
    g.offset += (g.sizes[d] - 1) * g.strides[d];
    g.strides[d] = -g.strides[d];
  }
  detail::copy_into(out, detail::make_view(*this, std::move(g)));
  return out;
}

namespace {

Tensor roll_one(const Tensor& self, int64_t shift, int64_t d) {
  if (self.numel() == 0) return self.clone();
  if (self.dim() == 0) {
    throw IndexError("Dimension specified as " + std::to_string(d) +
                     " but tensor has no dimensions");
  }
  const int64_t size = self.size(d);
  int64_t start = (size - shift) % size;
  if (start < 0) start += size;
  return cat({self.narrow(d, start, size - start), self.narrow(d, 0, start)}, d);
}

}  // namespace

Tensor Tensor::roll(IntArrayRef shifts, IntArrayRef dims) const {
  if (dims.size() == 1 && shifts.size() == 1) return roll_one(*this, shifts[0], dims[0]);
  if (shifts.empty()) throw Error("`shifts` required");
  if (dims.empty() && shifts.size() == 1) {
    // No dims: roll the flattened tensor.
    return roll_one(contiguous().view({numel()}), shifts[0], 0).view(sizes());
  }
  if (shifts.size() != dims.size()) {
    throw Error("shifts and dimensions must align. shifts: " + std::to_string(shifts.size()) +
                ", dims:" + std::to_string(dims.size()));
  }
  Tensor out = roll_one(*this, shifts[0], dims[0]);
  for (size_t i = 1; i < shifts.size(); ++i) out = roll_one(out, shifts[i], dims[i]);
  return out;
}

Tensor Tensor::repeat(IntArrayRef repeats) const {
  const size_t n = repeats.size();
  if (n < static_cast<size_t>(dim())) {
    throw Error(
        "Number of dimensions of repeat dims can not be smaller than number of dimensions of "
        "tensor");
  }
  const size_t lead = n - static_cast<size_t>(dim());
  DimVector padded(n, 1), pstrides(n, 0), target(n);
  for (size_t i = lead; i < n; ++i) {
    padded[i] = sizes()[i - lead];
    pstrides[i] = strides()[i - lead];
  }
  for (size_t i = 0; i < n; ++i) target[i] = padded[i] * repeats[i];
  Tensor out = detail::make_contiguous(target, dtype());
  if (out.numel() == 0) return out;
  // out viewed as [r0, s0, r1, s1, ...]; the source repeats along each r.
  const DimVector ost = out.strides();
  meta::Geometry dst, src;
  src.offset = storage_offset();
  for (size_t i = 0; i < n; ++i) {
    dst.sizes.push_back(repeats[i]);
    dst.strides.push_back(padded[i] * ost[i]);
    dst.sizes.push_back(padded[i]);
    dst.strides.push_back(ost[i]);
    src.sizes.push_back(repeats[i]);
    src.strides.push_back(0);
    src.sizes.push_back(padded[i]);
    src.strides.push_back(pstrides[i]);
  }
  detail::copy_into(detail::make_view(out, std::move(dst)),
                    detail::make_view(*this, std::move(src)));
  return out;
}

}  // namespace parity::fast
