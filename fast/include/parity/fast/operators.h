// Elementwise operators (spec/API.md, "Operators, first slice"): the free
// functions, result_type, broadcast_tensors, and the C++ operators exactly as
// LibTorch's ATen/TensorOperators.h spells them (so `2 - t` is
// empty_like(t).fill_(2).sub_(t), in t's dtype, as in LibTorch).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "parity/fast/functions.h"
#include "parity/fast/tensor.h"

namespace parity::fast {

Tensor add(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor add(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Tensor& other, const Scalar& alpha = 1);
Tensor sub(const Tensor& self, const Scalar& other, const Scalar& alpha = 1);
Tensor mul(const Tensor& self, const Tensor& other);
Tensor mul(const Tensor& self, const Scalar& other);
Tensor div(const Tensor& self, const Tensor& other);
Tensor div(const Tensor& self, const Scalar& other);
Tensor div(const Tensor& self, const Tensor& other, std::optional<std::string_view> rounding_mode);
Tensor div(const Tensor& self, const Scalar& other, std::optional<std::string_view> rounding_mode);
Tensor eq(const Tensor& self, const Tensor& other);
Tensor eq(const Tensor& self, const Scalar& other);
Tensor ne(const Tensor& self, const Tensor& other);
Tensor ne(const Tensor& self, const Scalar& other);
Tensor lt(const Tensor& self, const Tensor& other);
Tensor lt(const Tensor& self, const Scalar& other);
Tensor le(const Tensor& self, const Tensor& other);
Tensor le(const Tensor& self, const Scalar& other);
Tensor gt(const Tensor& self, const Tensor& other);
Tensor gt(const Tensor& self, const Scalar& other);
Tensor ge(const Tensor& self, const Tensor& other);
Tensor ge(const Tensor& self, const Scalar& other);

// torch.result_type: dimensioned tensors over 0-d tensors over Scalars.
ScalarType result_type(const Tensor& a, const Tensor& b);
ScalarType result_type(const Tensor& a, const Scalar& b);
ScalarType result_type(const Scalar& a, const Tensor& b);

// Expanded views of every tensor to their common broadcast shape.
std::vector<Tensor> broadcast_tensors(const std::vector<Tensor>& tensors);

inline Tensor operator+(const Tensor& x, const Tensor& y) { return x.add(y); }
inline Tensor operator+(const Tensor& x, const Scalar& y) { return x.add(y); }
inline Tensor operator+(const Scalar& x, const Tensor& y) { return y.add(x); }
inline Tensor operator*(const Tensor& x, const Tensor& y) { return x.mul(y); }
inline Tensor operator*(const Tensor& x, const Scalar& y) { return x.mul(y); }
inline Tensor operator*(const Scalar& x, const Tensor& y) { return y.mul(x); }
inline Tensor operator-(const Tensor& x, const Tensor& y) { return x.sub(y); }
inline Tensor operator-(const Tensor& x, const Scalar& y) { return x.sub(y); }
inline Tensor operator-(const Scalar& x, const Tensor& y) {
  Tensor r = empty_like(y);
  r.fill_(x);
  r.sub_(y);
  return r;
}
inline Tensor operator/(const Tensor& x, const Tensor& y) { return x.div(y); }
inline Tensor operator/(const Tensor& x, const Scalar& y) { return x.div(y); }
inline Tensor operator/(const Scalar& x, const Tensor& y) {
  Tensor r = empty_like(y);
  r.fill_(x);
  r.div_(y);
  return r;
}
inline Tensor operator<(const Tensor& x, const Tensor& y) { return x.lt(y); }
inline Tensor operator<(const Tensor& x, const Scalar& y) { return x.lt(y); }
inline Tensor operator<(const Scalar& x, const Tensor& y) { return y.gt(x); }
inline Tensor operator<=(const Tensor& x, const Tensor& y) { return x.le(y); }
inline Tensor operator<=(const Tensor& x, const Scalar& y) { return x.le(y); }
inline Tensor operator<=(const Scalar& x, const Tensor& y) { return y.ge(x); }
inline Tensor operator>(const Tensor& x, const Tensor& y) { return x.gt(y); }
inline Tensor operator>(const Tensor& x, const Scalar& y) { return x.gt(y); }
inline Tensor operator>(const Scalar& x, const Tensor& y) { return y.lt(x); }
inline Tensor operator>=(const Tensor& x, const Tensor& y) { return x.ge(y); }
inline Tensor operator>=(const Tensor& x, const Scalar& y) { return x.ge(y); }
inline Tensor operator>=(const Scalar& x, const Tensor& y) { return y.le(x); }
inline Tensor operator==(const Tensor& x, const Tensor& y) { return x.eq(y); }
inline Tensor operator==(const Tensor& x, const Scalar& y) { return x.eq(y); }
inline Tensor operator==(const Scalar& x, const Tensor& y) { return y.eq(x); }
inline Tensor operator!=(const Tensor& x, const Tensor& y) { return x.ne(y); }
inline Tensor operator!=(const Tensor& x, const Scalar& y) { return x.ne(y); }
inline Tensor operator!=(const Scalar& x, const Tensor& y) { return y.ne(x); }
// % is remainder (Scalar % Tensor keeps the tensor's dtype, as `-` and `/`);
// & | ^ are the bitwise ops, commutative with a Scalar on the left.
inline Tensor operator%(const Tensor& x, const Tensor& y) { return x.remainder(y); }
inline Tensor operator%(const Tensor& x, const Scalar& y) { return x.remainder(y); }
inline Tensor operator%(const Scalar& x, const Tensor& y) {
  Tensor r = empty_like(y);
  r.fill_(x);
  r.remainder_(y);
  return r;
}
inline Tensor operator&(const Tensor& x, const Tensor& y) { return x.bitwise_and(y); }
inline Tensor operator&(const Tensor& x, const Scalar& y) { return x.bitwise_and(y); }
inline Tensor operator&(const Scalar& x, const Tensor& y) { return y.bitwise_and(x); }
inline Tensor operator|(const Tensor& x, const Tensor& y) { return x.bitwise_or(y); }
inline Tensor operator|(const Tensor& x, const Scalar& y) { return x.bitwise_or(y); }
inline Tensor operator|(const Scalar& x, const Tensor& y) { return y.bitwise_or(x); }
inline Tensor operator^(const Tensor& x, const Tensor& y) { return x.bitwise_xor(y); }
inline Tensor operator^(const Tensor& x, const Scalar& y) { return x.bitwise_xor(y); }
inline Tensor operator^(const Scalar& x, const Tensor& y) { return y.bitwise_xor(x); }

}  // namespace parity::fast
