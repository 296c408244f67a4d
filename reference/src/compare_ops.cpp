// eq ne lt le gt ge (ATen/native/BinaryOps.cpp comparison_op, torch 1.13):
// both inputs are converted to their common dtype (torch.result_type) and
// compared there; the result is kBool, laid out like any elementwise output.
#include <functional>

#include "elementwise.h"
#include "parity/ref/ops.h"

namespace parity::ref {

namespace {

template <class Compare>
Tensor compare(const Operand& a, const Operand& b, Compare cmp) {
  const ElementwiseLoop loop = plan_out_of_place({a, b}, result_type_of({a, b}), kBool);
  run_elementwise(loop, [&](auto x, auto y) { return static_cast<bool>(cmp(x, y)); });
  return loop.out;
}

}  // namespace

Tensor Tensor::eq(const Tensor& other) const {
  return compare({*this}, {other}, std::equal_to<>{});
}
Tensor Tensor::eq(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::equal_to<>{});
}
Tensor Tensor::ne(const Tensor& other) const {
  return compare({*this}, {other}, std::not_equal_to<>{});
}
Tensor Tensor::ne(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::not_equal_to<>{});
}
Tensor Tensor::lt(const Tensor& other) const { return compare({*this}, {other}, std::less<>{}); }
Tensor Tensor::lt(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::less<>{});
}
Tensor Tensor::le(const Tensor& other) const {
  return compare({*this}, {other}, std::less_equal<>{});
}
Tensor Tensor::le(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::less_equal<>{});
}
Tensor Tensor::gt(const Tensor& other) const { return compare({*this}, {other}, std::greater<>{}); }
Tensor Tensor::gt(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::greater<>{});
}
Tensor Tensor::ge(const Tensor& other) const {
  return compare({*this}, {other}, std::greater_equal<>{});
}
Tensor Tensor::ge(const Scalar& other) const {
  return compare({*this}, wrap_scalar(other), std::greater_equal<>{});
}

Tensor eq(const Tensor& self, const Tensor& other) { return self.eq(other); }
Tensor eq(const Tensor& self, const Scalar& other) { return self.eq(other); }
Tensor ne(const Tensor& self, const Tensor& other) { return self.ne(other); }
Tensor ne(const Tensor& self, const Scalar& other) { return self.ne(other); }
Tensor lt(const Tensor& self, const Tensor& other) { return self.lt(other); }
Tensor lt(const Tensor& self, const Scalar& other) { return self.lt(other); }
Tensor le(const Tensor& self, const Tensor& other) { return self.le(other); }
Tensor le(const Tensor& self, const Scalar& other) { return self.le(other); }
Tensor gt(const Tensor& self, const Tensor& other) { return self.gt(other); }
Tensor gt(const Tensor& self, const Scalar& other) { return self.gt(other); }
Tensor ge(const Tensor& self, const Tensor& other) { return self.ge(other); }
Tensor ge(const Tensor& self, const Scalar& other) { return self.ge(other); }

}  // namespace parity::ref
