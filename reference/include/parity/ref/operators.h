// The C++ operators of LibTorch's ATen/TensorOperators.h. A Scalar on the
// left of `-`, `/` or `%` is filled into a tensor like the right operand
// (empty_like(y).fill_(x).sub_(y)), so the result keeps y's dtype; the
// comparisons with a Scalar on the left flip to the mirrored comparison.
#pragma once
#include "parity/ref/factories.h"
#include "parity/ref/tensor.h"

namespace parity::ref {

inline Tensor operator+(const Tensor& x, const Tensor& y) { return x.add(y); }
inline Tensor operator+(const Tensor& x, const Scalar& y) { return x.add(y); }
inline Tensor operator+(const Scalar& x, const Tensor& y) { return y.add(x); }
inline Tensor operator*(const Tensor& x, const Tensor& y) { return x.mul(y); }
inline Tensor operator*(const Tensor& x, const Scalar& y) { return x.mul(y); }
inline Tensor operator*(const Scalar& x, const Tensor& y) { return y.mul(x); }
inline Tensor operator-(const Tensor& x, const Tensor& y) { return x.sub(y); }
inline Tensor operator-(const Tensor& x, const Scalar& y) { return x.sub(y); }
inline Tensor operator-(const Scalar& x, const Tensor& y) { return empty_like(y).fill_(x).sub_(y); }
inline Tensor operator/(const Tensor& x, const Tensor& y) { return x.div(y); }
inline Tensor operator/(const Tensor& x, const Scalar& y) { return x.div(y); }
inline Tensor operator/(const Scalar& x, const Tensor& y) { return empty_like(y).fill_(x).div_(y); }
inline Tensor operator%(const Tensor& x, const Tensor& y) { return x.remainder(y); }
inline Tensor operator%(const Tensor& x, const Scalar& y) { return x.remainder(y); }
inline Tensor operator%(const Scalar& x, const Tensor& y) {
  return empty_like(y).fill_(x).remainder_(y);
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

inline Tensor operator==(const Tensor& x, const Tensor& y) { return x.eq(y); }
inline Tensor operator==(const Tensor& x, const Scalar& y) { return x.eq(y); }
inline Tensor operator==(const Scalar& x, const Tensor& y) { return y.eq(x); }
inline Tensor operator!=(const Tensor& x, const Tensor& y) { return x.ne(y); }
inline Tensor operator!=(const Tensor& x, const Scalar& y) { return x.ne(y); }
inline Tensor operator!=(const Scalar& x, const Tensor& y) { return y.ne(x); }
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

}  // namespace parity::ref
