// expand: broadcasting a tensor to a larger shape without copying, by
// giving the broadcast dims stride 0 (ATen's inferExpandGeometry).
#include <sstream>

#include "tensor_impl.h"

namespace parity::ref {

namespace {

std::string type_string(ScalarType dtype) {
  return std::string("CPU") + toString(dtype) + "Type";  // LibTorch's toString()
}

}  // namespace

Tensor Tensor::expand(IntArrayRef size) const {
  const TensorImpl& t = checked_impl();
  const int64_t ndim = static_cast<int64_t>(size.size());
  const int64_t tensor_dim = dim();
  if (ndim < tensor_dim) {
    std::ostringstream msg;
    msg << "expand(" << type_string(t.dtype) << "{" << sizes() << "}, size=" << size
        << "): the number of sizes provided (" << ndim << ") must be greater or equal to the "
        << "number of dimensions in the tensor (" << tensor_dim << ")";
    throw Error(msg.str());
  }
  std::vector<int64_t> sizes(ndim), strides(ndim);
  // Walk from the last dim; tensor dims align with the trailing target dims.
  for (int64_t i = ndim - 1; i >= 0; --i) {
    const int64_t d = tensor_dim - 1 - (ndim - 1 - i);
    int64_t cur_size = d >= 0 ? t.sizes[d] : 1;
    // A new leading dim gets the stride it would have if contiguous with the next;
    // a 0-d tensor expands with all strides 0.
    int64_t cur_stride = d >= 0 ? t.strides[d] : (i + 1 < ndim ? sizes[i + 1] * strides[i + 1] : 0);
    if (tensor_dim == 0) cur_stride = 0;
    int64_t target = size[i];
    if (target == -1) {
      if (d < 0) {
        std::ostringstream msg;
        msg << "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing "
               "dimension "
            << i;
        throw Error(msg.str());
      }
      target = cur_size;
    }
    if (cur_size != target) {
      if (cur_size != 1) {
        std::ostringstream msg;
        msg << "The expanded size of the tensor (" << target << ") must match the existing size ("
            << cur_size << ") at non-singleton dimension " << i << ".  Target sizes: " << size
            << ".  Tensor sizes: " << this->sizes();
        throw Error(msg.str());
      }
      cur_size = target;
      cur_stride = 0;
    }
    sizes[i] = cur_size;
    strides[i] = cur_stride;
  }
  for (int64_t s : sizes)
    if (s < 0) throw Error("numel: integer multiplication overflow");  // as c10's checked numel
  return make_view(*this, sizes, strides, t.offset);
}

}  // namespace parity::ref
