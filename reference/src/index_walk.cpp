// The N-d index walk: an odometer over the logical indices. Every element
// loop in the engine (copy, fill, print, compare) goes through here.
#include "index_walk.h"

#include <vector>

namespace parity::ref {

void for_each_index(IntArrayRef sizes,
                    IntArrayRef strides,
                    int64_t offset,
                    const std::function<void(int64_t)>& visit) {
  const size_t ndim = sizes.size();
  for (size_t d = 0; d < ndim; ++d)
    if (sizes[d] == 0) return;  // no elements at all
  std::vector<int64_t> counter(ndim, 0);
  int64_t index = offset;
  while (true) {
    visit(index);
    // Advance the odometer: bump the last dim, carrying into earlier ones.
    size_t d = ndim;
    while (d > 0) {
      --d;
      if (++counter[d] < sizes[d]) {
        index += strides[d];
        break;
      }
      index -= (sizes[d] - 1) * strides[d];
      counter[d] = 0;
      if (d == 0) return;
    }
    if (ndim == 0) return;  // a 0-d tensor has exactly one element
  }
}

}  // namespace parity::ref
