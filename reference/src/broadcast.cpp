// Broadcasting (torch's "Broadcasting semantics"): at::infer_size for the
// common shape, and torch.broadcast_tensors, which expands every tensor to it.
#include "broadcast.h"

#include <algorithm>
#include <sstream>

#include "parity/ref/ops.h"

namespace parity::ref {

std::vector<int64_t> broadcast_shape(IntArrayRef a, IntArrayRef b) {
  const int64_t na = static_cast<int64_t>(a.size()), nb = static_cast<int64_t>(b.size());
  const int64_t n = std::max(na, nb);
  std::vector<int64_t> shape(n);
  for (int64_t i = n - 1; i >= 0; --i) {
    const int64_t offset = n - 1 - i;  // counted from the right
    const int64_t size_a = na - 1 - offset >= 0 ? a[na - 1 - offset] : 1;
    const int64_t size_b = nb - 1 - offset >= 0 ? b[nb - 1 - offset] : 1;
    if (size_a != size_b && size_a != 1 && size_b != 1) {
      std::ostringstream msg;
      msg << "The size of tensor a (" << size_a << ") must match the size of tensor b (" << size_b
          << ") at non-singleton dimension " << i;
      throw Error(msg.str());
    }
    shape[i] = size_a == 1 ? size_b : size_a;
  }
  return shape;
}

// torch.broadcast_tensors: at::infer_size over all tensors in order, then
// expand (views, never copies).
std::vector<Tensor> broadcast_tensors(const std::vector<Tensor>& tensors) {
  std::vector<int64_t> shape;
  for (const Tensor& t : tensors) shape = broadcast_shape(shape, t.sizes());
  std::vector<Tensor> result;
  for (const Tensor& t : tensors) result.push_back(t.expand(shape));
  return result;
}

}  // namespace parity::ref
