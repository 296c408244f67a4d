// The elementwise-op core: what TensorIterator's build() does for a binary
// or unary op on CPU (ATen/TensorIterator.cpp), in its order: memory
// overlap checks, broadcast shape, output shape check, common dtype and the
// cast check, inputs converted with .to(common), output allocation.
#include "elementwise.h"

#include <sstream>

#include "broadcast.h"
#include "index_walk.h"
#include "layout.h"
#include "overlap.h"

namespace parity::ref {

namespace {

std::vector<int64_t> shape_of(const std::vector<Operand>& inputs) {
  std::vector<int64_t> shape;
  for (const Operand& op : inputs) shape = broadcast_shape(shape, op.tensor.sizes());
  return shape;
}

std::vector<Tensor> converted(const std::vector<Operand>& inputs, ScalarType common) {
  std::vector<Tensor> result;
  for (const Operand& op : inputs) result.push_back(op.tensor.to(common));
  return result;
}

std::vector<Tensor> expanded(std::vector<Tensor> inputs, const std::vector<int64_t>& shape) {
  for (Tensor& t : inputs) t = t.expand(shape);
  return inputs;
}

}  // namespace

ElementwiseLoop plan_out_of_place(const std::vector<Operand>& inputs,
                                  ScalarType common,
                                  ScalarType out_dtype) {
  const std::vector<int64_t> shape = shape_of(inputs);
  const std::vector<Tensor> cast = converted(inputs, common);
  Tensor out = empty_strided(shape, elementwise_output_strides(shape, cast), out_dtype);
  return {expanded(cast, shape), out, common};
}

ElementwiseLoop plan_in_place(const std::vector<Operand>& inputs, ScalarType common) {
  const Tensor& self = inputs.front().tensor;
  check_no_internal_overlap(*self.impl());
  for (const Operand& op : inputs) check_no_partial_overlap(self, op.tensor);
  const std::vector<int64_t> shape = shape_of(inputs);
  if (IntArrayRef(shape) != self.sizes()) {
    std::ostringstream msg;
    msg << "output with shape " << self.sizes() << " doesn't match the broadcast shape "
        << IntArrayRef(shape);
    throw Error(msg.str());
  }
  if (!can_cast(common, self.scalar_type()))
    throw Error("result type " + std::string(toString(common)) +
                " can't be cast to the desired output type " +
                std::string(toString(self.scalar_type())));
  return {expanded(converted(inputs, common), shape), self, common, true};
}

void write_results(const ElementwiseLoop& loop, const std::vector<Scalar>& values) {
  const TensorImpl& out = *loop.out.impl();
  size_t k = 0;
  for_each_index(out.sizes, out.strides, out.offset,
                 [&](int64_t i) { write_at(out, i, values[k++]); });
  if (loop.in_place) out.storage->version++;
}

}  // namespace parity::ref
