// save_npy / load_npy over spec/io's byte layer (npy.h). Loading adopts the
// decoded buffer as the tensor's storage (no second copy); Fortran-order
// files get column-major strides, as torch.from_numpy gives them.
#include <memory>
#include <vector>

#include "parity/fast/interop.h"
#include "parity/io/npy.h"
#include "tensor_internal.h"

namespace parity::fast {

void save_npy(const Tensor& t, const std::string& path) {
  // A C-order copy only when t is not already one.
  const Tensor c = t.is_contiguous() ? t : t.contiguous();
  const size_t n = static_cast<size_t>(c.numel() * c.element_size());
  io::writeNpy(path, c.scalar_type(), c.sizes(),
               {static_cast<const std::byte*>(c.data_ptr()), n == 0 ? 0 : n});
}

Tensor load_npy(const std::string& path, const io::LoadLimits& limits) {
  io::NpyArray a = io::readNpy(path, limits);
  const io::NpyHeader& h = a.header;
  DimVector strides(h.shape.size());
  int64_t step = 1;
  const size_t nd = h.shape.size();
  for (size_t k = 0; k < nd; ++k) {
    // C order walks dims last to first, Fortran first to last; a size-0
    // dim counts as 1, as in torch's contiguous strides.
    const size_t d = h.fortran_order ? k : nd - 1 - k;
    strides[d] = step;
    step *= h.shape[d] > 1 ? h.shape[d] : 1;
  }
  auto buffer = std::make_shared<std::vector<std::byte>>(std::move(a.data));
  Storage storage(StorageImpl::create_external(buffer->data(), buffer->size(),
                                               [buffer](void*) mutable { buffer.reset(); }),
                  h.dtype);
  return Tensor(IntrusivePtr<TensorImpl>(
      new TensorImpl(std::move(storage), h.dtype, DimVector(IntArrayRef(h.shape)), strides, 0)));
}

}  // namespace parity::fast
