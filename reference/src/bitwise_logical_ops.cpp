// bitwise_not/and/or/xor and logical_not/and/or/xor (ATen/native/
// BinaryOps.cpp, UnaryOps.cpp, torch 1.13).
// bitwise_*: the common dtype of the operands, integers and bool only (bool
// is the logical op); floating inputs raise the kernel's dispatch error.
// logical_*: the operands are compared in their common dtype (nonzero, NaN
// included, is true) and the result is kBool; the in-place forms write
// 0/1 into self's own dtype, whatever it is (no cast check).
#include <cstdint>

#include "parity/ref/pointwise.h"
#include "pointwise_support.h"

namespace parity::ref {

namespace {

enum class Bitwise { And, Or, Xor };

const char* kernel_name(Bitwise op) {
  switch (op) {
    case Bitwise::And:
      return "bitwise_and_cpu";
    case Bitwise::Or:
      return "bitwise_or_cpu";
    case Bitwise::Xor:
      return "bitwise_xor_cpu";
  }
  return "?";
}

template <class C>
C bitwise(Bitwise op, C x, C y) {
  if constexpr (std::is_same_v<C, bool>) {
    switch (op) {
      case Bitwise::And:
        return x && y;
      case Bitwise::Or:
        return x || y;
      case Bitwise::Xor:
        return x != y;
    }
  } else if constexpr (std::is_integral_v<C>) {
    switch (op) {
      case Bitwise::And:
        return static_cast<C>(x & y);
      case Bitwise::Or:
        return static_cast<C>(x | y);
      case Bitwise::Xor:
        return static_cast<C>(x ^ y);
    }
  }
  return x;  // floating: refused before the loop runs
}

Tensor bitwise_op(Bitwise op, const Operand& a, const Operand& b, bool in_place) {
  const ScalarType common = result_type_of({a, b});
  const ElementwiseLoop loop =
      in_place ? plan_in_place({a, b}, common) : plan_out_of_place({a, b}, common, common);
  if (isFloatingType(common)) throw_not_implemented(kernel_name(op), common);
  run_elementwise(loop, [op](auto x, auto y) { return bitwise(op, x, y); });
  return loop.out;
}

Tensor bitwise_not_op(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop =
      in_place ? plan_in_place({{self}}, dtype) : plan_out_of_place({{self}}, dtype, dtype);
  if (isFloatingType(dtype)) throw_not_implemented("bitwise_not_cpu", dtype);
  run_elementwise(loop, [](auto x) {
    using C = decltype(x);
    if constexpr (std::is_same_v<C, bool>)
      return !x;
    else if constexpr (std::is_integral_v<C>)
      return static_cast<C>(~x);
    else
      return x;
  });
  return loop.out;
}

enum class Logical { And, Or, Xor };

Tensor logical_op(Logical op, const Tensor& a, const Tensor& b, bool in_place) {
  const std::vector<Operand> inputs = {{a}, {b}};
  const ScalarType common = result_type_of(inputs);
  const ElementwiseLoop loop =
      in_place ? plan_in_place_any_dtype(inputs, common) : plan_out_of_place(inputs, common, kBool);
  run_elementwise(loop, [op](auto x, auto y) {
    const bool p = x != decltype(x)(0), q = y != decltype(y)(0);
    return op == Logical::And ? p && q : op == Logical::Or ? p || q : p != q;
  });
  return loop.out;
}

Tensor logical_not_op(const Tensor& self, bool in_place) {
  const ScalarType dtype = self.scalar_type();
  const ElementwiseLoop loop = in_place ? plan_in_place_any_dtype({{self}}, dtype)
                                        : plan_out_of_place({{self}}, dtype, kBool);
  run_elementwise(loop, [](auto x) { return x == decltype(x)(0); });
  return loop.out;
}

Tensor& same(const Tensor& self) { return const_cast<Tensor&>(self); }

}  // namespace

Tensor Tensor::bitwise_and(const Tensor& other) const {
  return bitwise_op(Bitwise::And, {*this}, {other}, false);
}
Tensor Tensor::bitwise_and(const Scalar& other) const {
  return bitwise_op(Bitwise::And, {*this}, wrap_scalar(other), false);
}
Tensor Tensor::bitwise_or(const Tensor& other) const {
  return bitwise_op(Bitwise::Or, {*this}, {other}, false);
}
Tensor Tensor::bitwise_or(const Scalar& other) const {
  return bitwise_op(Bitwise::Or, {*this}, wrap_scalar(other), false);
}
Tensor Tensor::bitwise_xor(const Tensor& other) const {
  return bitwise_op(Bitwise::Xor, {*this}, {other}, false);
}
Tensor Tensor::bitwise_xor(const Scalar& other) const {
  return bitwise_op(Bitwise::Xor, {*this}, wrap_scalar(other), false);
}
Tensor Tensor::bitwise_not() const { return bitwise_not_op(*this, false); }

Tensor& Tensor::bitwise_and_(const Tensor& other) const {
  bitwise_op(Bitwise::And, {*this}, {other}, true);
  return same(*this);
}
Tensor& Tensor::bitwise_and_(const Scalar& other) const {
  bitwise_op(Bitwise::And, {*this}, wrap_scalar(other), true);
  return same(*this);
}
Tensor& Tensor::bitwise_or_(const Tensor& other) const {
  bitwise_op(Bitwise::Or, {*this}, {other}, true);
  return same(*this);
}
Tensor& Tensor::bitwise_or_(const Scalar& other) const {
  bitwise_op(Bitwise::Or, {*this}, wrap_scalar(other), true);
  return same(*this);
}
Tensor& Tensor::bitwise_xor_(const Tensor& other) const {
  bitwise_op(Bitwise::Xor, {*this}, {other}, true);
  return same(*this);
}
Tensor& Tensor::bitwise_xor_(const Scalar& other) const {
  bitwise_op(Bitwise::Xor, {*this}, wrap_scalar(other), true);
  return same(*this);
}
Tensor& Tensor::bitwise_not_() const {
  bitwise_not_op(*this, true);
  return same(*this);
}

Tensor Tensor::logical_and(const Tensor& other) const {
  return logical_op(Logical::And, *this, other, false);
}
Tensor Tensor::logical_or(const Tensor& other) const {
  return logical_op(Logical::Or, *this, other, false);
}
Tensor Tensor::logical_xor(const Tensor& other) const {
  return logical_op(Logical::Xor, *this, other, false);
}
Tensor Tensor::logical_not() const { return logical_not_op(*this, false); }
Tensor& Tensor::logical_and_(const Tensor& other) const {
  logical_op(Logical::And, *this, other, true);
  return same(*this);
}
Tensor& Tensor::logical_or_(const Tensor& other) const {
  logical_op(Logical::Or, *this, other, true);
  return same(*this);
}
Tensor& Tensor::logical_xor_(const Tensor& other) const {
  logical_op(Logical::Xor, *this, other, true);
  return same(*this);
}
Tensor& Tensor::logical_not_() const {
  logical_not_op(*this, true);
  return same(*this);
}

Tensor bitwise_and(const Tensor& self, const Tensor& other) { return self.bitwise_and(other); }
Tensor bitwise_and(const Tensor& self, const Scalar& other) { return self.bitwise_and(other); }
Tensor bitwise_or(const Tensor& self, const Tensor& other) { return self.bitwise_or(other); }
Tensor bitwise_or(const Tensor& self, const Scalar& other) { return self.bitwise_or(other); }
Tensor bitwise_xor(const Tensor& self, const Tensor& other) { return self.bitwise_xor(other); }
Tensor bitwise_xor(const Tensor& self, const Scalar& other) { return self.bitwise_xor(other); }
Tensor bitwise_not(const Tensor& self) { return self.bitwise_not(); }
Tensor logical_and(const Tensor& self, const Tensor& other) { return self.logical_and(other); }
Tensor logical_or(const Tensor& self, const Tensor& other) { return self.logical_or(other); }
Tensor logical_xor(const Tensor& self, const Tensor& other) { return self.logical_xor(other); }
Tensor logical_not(const Tensor& self) { return self.logical_not(); }

}  // namespace parity::ref
