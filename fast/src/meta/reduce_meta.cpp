#include "meta/reduce_meta.h"

#include <string>

#include "meta/view_meta.h"

namespace parity::fast::meta {

DimMask reduce_mask(OptionalIntArrayRef dims, int64_t ndim) {
  DimMask m;
  if (!dims.has_value() || dims->empty()) {
    for (int64_t d = 0; d < ndim; ++d) m.set(static_cast<size_t>(d));
    return m;
  }
  for (int64_t d : *dims) {
    const int64_t w = wrap_dim(d, ndim);
    if (m.test(static_cast<size_t>(w)))
      throw Error("dim " + std::to_string(w) + " appears multiple times in the list of dims");
    m.set(static_cast<size_t>(w));
  }
  // A 0-d tensor has no dim to reduce.
  if (ndim == 0) m.reset();
  return m;
}

DimMask reduce_mask_one(int64_t dim, int64_t ndim) {
  const int64_t w = wrap_dim(dim, ndim);
  DimMask m;
  if (ndim > 0) m.set(static_cast<size_t>(w));
  return m;
}

DimVector reduced_sizes(IntArrayRef sizes, const DimMask& mask, bool keepdim) {
  DimVector out;
  for (size_t d = 0; d < sizes.size(); ++d) {
    if (!mask.test(d))
      out.push_back(sizes[d]);
    else if (keepdim)
      out.push_back(1);
  }
  return out;
}

int64_t reduced_count(IntArrayRef sizes, const DimMask& mask) {
  int64_t n = 1;
  for (size_t d = 0; d < sizes.size(); ++d)
    if (mask.test(d)) n *= sizes[d];
  return n;
}

ScalarType sum_result_dtype(ScalarType in, std::optional<ScalarType> dtype) {
  if (dtype) return *dtype;
  return isIntegralType(in, true) ? kLong : in;
}

}  // namespace parity::fast::meta
