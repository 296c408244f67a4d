#include "parity/fast/tensor_impl.h"

#include "meta/view_meta.h"

namespace parity::fast {

void TensorImpl::refresh() {
  numel_ = meta::numel_of(sizes_);
  is_contiguous_ = meta::compute_contiguous(sizes_, strides_);
  data_ = static_cast<char*>(storage_.data_ptr()) +
          storage_offset_ * static_cast<int64_t>(elementSize(dtype_));
}

}  // namespace parity::fast
