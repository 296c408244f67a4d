// where and masked_fill (ATen/native/TensorCompare.cpp and
// TensorAdvancedIndexing.cpp, torch 1.13).
// where(condition, self, other): the condition is bool (uint8 is accepted,
// deprecated, nonzero = true); self and other are converted to their
// torch.result_type; the three broadcast together and the result is laid
// out as TensorIterator lays out an output of those three inputs. A Scalar
// self or other becomes a 0-d tensor of the result type (range-checked).
// masked_fill: the result is self expanded to the mask's broadcast shape,
// cloned contiguous, then masked_fill_. masked_fill_ fills where the mask
// is set: value converted to self's dtype with c10's range check; a Tensor
// value must be 0-d. LibTorch 1.13's CPU kernel reads each mask element's
// first byte as a bool whatever the mask's dtype: 0 keeps, 1 fills, any
// other byte is an error. We read the same byte.
#include <cstddef>
#include <sstream>

#include "broadcast.h"
#include "index_walk.h"
#include "layout.h"
#include "overlap.h"
#include "parity/ref/factories.h"
#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

Tensor where_op(const Tensor& condition, const Tensor& self, const Tensor& other) {
  const ScalarType cond_dtype = condition.scalar_type();
  if (cond_dtype != kBool && cond_dtype != kByte)
    throw Error(std::string("where expected condition to be a boolean tensor, but got a tensor "
                            "with dtype ") +
                toString(cond_dtype));
  const ScalarType common = result_type_of({{self}, {other}});
  const std::vector<Tensor> inputs = {condition.to(kBool), self.to(common), other.to(common)};
  std::vector<int64_t> shape;
  for (const Tensor& t : inputs) shape = broadcast_shape(shape, t.sizes());
  const Tensor out = empty_strided(shape, elementwise_output_strides(shape, inputs), common);
  const std::vector<Scalar> cond = read_all(inputs[0].expand(shape));
  const std::vector<Scalar> a = read_all(inputs[1].expand(shape));
  const std::vector<Scalar> b = read_all(inputs[2].expand(shape));
  std::vector<Scalar> values(cond.size());
  for (size_t i = 0; i < values.size(); ++i) values[i] = cond[i].toBool() ? a[i] : b[i];
  write_results({{}, out, common}, values);
  return out;
}

// A Scalar operand of where: a 0-d tensor of the result type.
Tensor scalar_operand(const Scalar& s, ScalarType dtype) {
  return full({}, s, TensorOptions().dtype(dtype));
}

// The first byte of the mask element at a storage index (see file comment).
bool mask_bit(const TensorImpl& mask, int64_t storage_index) {
  const std::byte b =
      mask.storage->bytes[static_cast<size_t>(storage_index) * elementSize(mask.dtype)];
  if (b != std::byte{0} && b != std::byte{1})
    throw Error("Mask tensor can take 0 and 1 values only");
  return b == std::byte{1};
}

void masked_fill_in_place(const Tensor& self, const Tensor& mask, const Scalar& value) {
  check_no_partial_overlap(self, mask);
  const std::vector<int64_t> shape = broadcast_shape(self.sizes(), mask.sizes());
  if (IntArrayRef(shape) != self.sizes()) {
    std::ostringstream msg;
    msg << "output with shape " << self.sizes() << " doesn't match the broadcast shape "
        << IntArrayRef(shape);
    throw Error(msg.str());
  }
  const Scalar fill = checked_value(value, self.scalar_type());
  // Walk self and the expanded mask together, in row-major order.
  const Tensor m = mask.expand(shape);
  std::vector<int64_t> mask_at, self_at;
  for_each_index(m.sizes(), m.strides(), m.storage_offset(),
                 [&](int64_t i) { mask_at.push_back(i); });
  for_each_index(self.sizes(), self.strides(), self.storage_offset(),
                 [&](int64_t i) { self_at.push_back(i); });
  for (size_t k = 0; k < self_at.size(); ++k)
    if (mask_bit(*m.impl(), mask_at[k])) write_at(*self.impl(), self_at[k], fill);
  self.impl()->storage->version++;
}

Scalar value_of(const Tensor& value) {
  if (value.dim() != 0)
    throw Error("masked_fill_ only supports a 0-dimensional value tensor, but got tensor with " +
                std::to_string(value.dim()) + " dimension(s).");
  return value.item();
}

Tensor masked_fill_op(const Tensor& self, const Tensor& mask, const Scalar& value) {
  const std::vector<int64_t> shape = broadcast_shape(mask.sizes(), self.sizes());
  const Tensor result = empty_contiguous(shape, self.scalar_type());
  copy_values(result, self.expand(shape));
  masked_fill_in_place(result, mask, value);
  result.impl()->storage->version = 0;  // a fresh result, not a user's write
  return result;
}

}  // namespace

Tensor Tensor::where(const Tensor& condition, const Tensor& other) const {
  return where_op(condition, *this, other);
}

Tensor Tensor::masked_fill(const Tensor& mask, const Scalar& value) const {
  return masked_fill_op(*this, mask, value);
}
Tensor Tensor::masked_fill(const Tensor& mask, const Tensor& value) const {
  broadcast_shape(mask.sizes(), sizes());  // LibTorch expands before it looks at the value
  return masked_fill_op(*this, mask, value_of(value));
}
Tensor& Tensor::masked_fill_(const Tensor& mask, const Scalar& value) const {
  masked_fill_in_place(*this, mask, value);
  return const_cast<Tensor&>(*this);
}
Tensor& Tensor::masked_fill_(const Tensor& mask, const Tensor& value) const {
  masked_fill_in_place(*this, mask, value_of(value));
  return const_cast<Tensor&>(*this);
}

Tensor where(const Tensor& condition, const Tensor& self, const Tensor& other) {
  return where_op(condition, self, other);
}
Tensor where(const Tensor& condition, const Scalar& self, const Tensor& other) {
  const ScalarType common = result_type_of({wrap_scalar(self), {other}});
  return where_op(condition, scalar_operand(self, common), other.to(common));
}
Tensor where(const Tensor& condition, const Tensor& self, const Scalar& other) {
  const ScalarType common = result_type_of({{self}, wrap_scalar(other)});
  return where_op(condition, self.to(common), scalar_operand(other, common));
}
Tensor where(const Tensor& condition, const Scalar& self, const Scalar& other) {
  const ScalarType common = result_type_of({wrap_scalar(self), wrap_scalar(other)});
  return where_op(condition, scalar_operand(self, common), scalar_operand(other, common));
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Scalar& value) {
  return self.masked_fill(mask, value);
}
Tensor masked_fill(const Tensor& self, const Tensor& mask, const Tensor& value) {
  return self.masked_fill(mask, value);
}

}  // namespace parity::ref
