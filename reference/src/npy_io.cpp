// save_npy / load_npy: the bytes are spec/io's (npy.h); here a tensor is
// written in C order and a file's array becomes a tensor with the strides
// torch.from_numpy gives it (Fortran order: the first dim moves fastest).
#include <cstring>

#include "parity/io/npy.h"
#include "parity/ref/interop.h"
#include "tensor_impl.h"

namespace parity::ref {

namespace {

// Column-major strides with torch's rule that a size-0 dim counts as 1.
std::vector<int64_t> fortran_strides(const std::vector<int64_t>& sizes) {
  std::vector<int64_t> strides(sizes.size());
  int64_t stride = 1;
  for (size_t d = 0; d < sizes.size(); ++d) {
    strides[d] = stride;
    stride *= std::max<int64_t>(sizes[d], 1);
  }
  return strides;
}

}  // namespace

void save_npy(const Tensor& t, const std::string& path) {
  const Tensor c = t.contiguous();
  const size_t nbytes = static_cast<size_t>(c.numel()) * c.element_size();
  const auto* data = static_cast<const std::byte*>(c.data_ptr());
  io::writeNpy(path, c.scalar_type(), c.sizes(),
               std::span<const std::byte>(data, data ? nbytes : 0));
}

Tensor load_npy(const std::string& path, const io::LoadLimits& limits) {
  io::NpyArray a = io::readNpy(path, limits);
  const io::NpyHeader& h = a.header;
  const std::vector<int64_t> strides =
      h.fortran_order ? fortran_strides(h.shape) : contiguous_strides(h.shape);
  Tensor t = empty_strided(h.shape, strides, h.dtype);
  // The file's element order is the storage order of these strides.
  t.impl()->storage->bytes = std::move(a.data);
  return t;
}

}  // namespace parity::ref
