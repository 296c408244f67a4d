// RAND-11: shared sampler checks and TensorIterator's visiting order.
#include "random/sample_common.h"

#include "meta/iter_layout.h"
#include "meta/view_meta.h"
#include "tensor_internal.h"

namespace parity::fast::random {

void not_implemented(const char* name, ScalarType t) {
  throw Error(std::string("\"") + name + "\" not implemented for '" + toString(t) + "'");
}

void require_floating(const char* name, ScalarType t) {
  if (!isFloatingType(t)) not_implemented(name, t);
}

void check_output(const Tensor& self) {
  detail::check_inplace(self);
  const TensorImpl& impl = *self.unsafeGetTensorImpl();
  if (meta::has_internal_overlap(impl.sizes(), impl.strides()))
    throw Error(detail::kInternalOverlap);
}

std::vector<int64_t> visit_offsets(const TensorImpl& out,
                                   IntArrayRef input_strides,
                                   std::vector<int64_t>* in_offsets) {
  IntArrayRef sizes = out.sizes().ref(), strides = out.strides().ref();
  if (!in_offsets && meta::is_non_overlapping_and_dense(sizes, strides)) return {};
  // reorder_dimensions: the output's strides first, then the input's.
  std::vector<DimVector> ops{DimVector(strides)};
  if (!input_strides.empty()) ops.emplace_back(input_strides);
  const DimVector perm = meta::reorder_dims(sizes, ops);
  const size_t nd = sizes.size();
  std::vector<int64_t> offs;
  offs.reserve(static_cast<size_t>(out.numel()));
  DimVector idx(nd, 0);
  int64_t off = 0, in_off = 0;
  for (int64_t k = 0; k < out.numel(); ++k) {
    offs.push_back(off);
    if (in_offsets) in_offsets->push_back(in_off);
    for (size_t j = 0; j < nd; ++j) {  // odometer, innermost (perm[0]) first
      const auto d = static_cast<size_t>(perm[j]);
      const int64_t in_stride = input_strides.empty() ? 0 : input_strides[d];
      if (++idx[d] < sizes[d]) {
        off += strides[d];
        in_off += in_stride;
        break;
      }
      off -= (sizes[d] - 1) * strides[d];
      in_off -= (sizes[d] - 1) * in_stride;
      idx[d] = 0;
    }
  }
  return offs;
}

}  // namespace parity::fast::random
