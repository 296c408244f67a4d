// Helpers shared by the pointwise ops (see pointwise_support.h).
#include "pointwise_support.h"

#include <sstream>

#include "broadcast.h"
#include "overlap.h"
#include "parity/ref/factories.h"

namespace parity::ref {

void throw_not_implemented(const std::string& kernel, ScalarType dtype) {
  throw Error("\"" + kernel + "\" not implemented for '" + toString(dtype) + "'");
}

ElementwiseLoop plan_in_place_any_dtype(const std::vector<Operand>& inputs, ScalarType common) {
  const Tensor& self = inputs.front().tensor;
  check_no_internal_overlap(*self.impl());
  for (const Operand& op : inputs) check_no_partial_overlap(self, op.tensor);
  std::vector<int64_t> shape;
  for (const Operand& op : inputs) shape = broadcast_shape(shape, op.tensor.sizes());
  if (IntArrayRef(shape) != self.sizes()) {
    std::ostringstream msg;
    msg << "output with shape " << self.sizes() << " doesn't match the broadcast shape "
        << IntArrayRef(shape);
    throw Error(msg.str());
  }
  std::vector<Tensor> cast;
  for (const Operand& op : inputs) cast.push_back(op.tensor.to(common).expand(shape));
  return {cast, self, common, true};
}

Scalar checked_value(const Scalar& s, ScalarType dtype) {
  return full({}, s, TensorOptions().dtype(dtype)).item();
}

void fill_results(const ElementwiseLoop& loop, const Scalar& value) {
  write_results(loop, std::vector<Scalar>(static_cast<size_t>(loop.out.numel()), value));
}

}  // namespace parity::ref
