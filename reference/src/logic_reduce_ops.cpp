// all and any (ATen/native/ReduceOps.cpp, torch 1.13): whether every (some)
// element is nonzero; an empty run is all-true and none-true. The result
// is kBool, except that uint8 input gives uint8 (0 or 1), as in 1.13.
#include "parity/ref/reductions.h"
#include "reduce_dims.h"

namespace parity::ref {

namespace {

Tensor logic_op(const Tensor& self, const std::vector<bool>& mask, bool keepdim, bool every) {
  std::vector<Scalar> values;
  for (const auto& run : reduction_groups(self, mask)) {
    bool result = every;
    for (const Scalar& v : run)
      if (v.toBool() != every) result = !every;
    values.push_back(Scalar(result));
  }
  const ScalarType out = self.scalar_type() == kByte ? kByte : kBool;
  return tensor_of(reduced_sizes(self.sizes(), mask, keepdim), out, values);
}

}  // namespace

Tensor Tensor::all() const {
  return logic_op(*this, reduced_dims(std::nullopt, dim()), false, true);
}
Tensor Tensor::all(int64_t d, bool keepdim) const {
  return logic_op(*this, reduced_dim(d, dim()), keepdim, true);
}
Tensor Tensor::any() const {
  return logic_op(*this, reduced_dims(std::nullopt, dim()), false, false);
}
Tensor Tensor::any(int64_t d, bool keepdim) const {
  return logic_op(*this, reduced_dim(d, dim()), keepdim, false);
}

Tensor all(const Tensor& self) { return self.all(); }
Tensor all(const Tensor& self, int64_t dim, bool keepdim) { return self.all(dim, keepdim); }
Tensor any(const Tensor& self) { return self.any(); }
Tensor any(const Tensor& self, int64_t dim, bool keepdim) { return self.any(dim, keepdim); }

}  // namespace parity::ref
