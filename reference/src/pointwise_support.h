// Internal: what the pointwise ops (unary_math_ops.cpp ... where_ops.cpp)
// share beyond the elementwise core: LibTorch's dispatch error, the in-place
// plan of ops that skip the cast check, checked Scalar conversion, and
// rounding to float16/bfloat16 between steps where torch rounds.
#pragma once
#include <string>
#include <type_traits>
#include <vector>

#include "elementwise.h"
#include "half.h"

namespace parity::ref {

// AT_DISPATCH's error: "<name>" not implemented for '<dtype>'.
[[noreturn]] void throw_not_implemented(const std::string& kernel, ScalarType dtype);

// In place on self without the "result type ... can't be cast" check (the
// comparison-style ops write their bool result into any dtype): overlap
// and shape checks as plan_in_place, inputs converted to `common`.
ElementwiseLoop plan_in_place_any_dtype(const std::vector<Operand>& inputs, ScalarType common);

// c10::Scalar::to<T>() for dtype's T: range-checked ("value cannot be
// converted to type ... without overflow"), then converted.
Scalar checked_value(const Scalar& s, ScalarType dtype);

// A float rounded to T and back: T's arithmetic rounds every result.
template <class T>
float round_to(float x) {
  if constexpr (std::is_same_v<T, Half>)
    return half_bits_to_float(float_to_half_bits(x));
  else if constexpr (std::is_same_v<T, BFloat16>)
    return bfloat16_bits_to_float(float_to_bfloat16_bits(x));
  else
    return x;
}

// Writes one value into every element of loop.out (torch's fill_ of the
// output in ops' special cases), with the loop's version bump.
void fill_results(const ElementwiseLoop& loop, const Scalar& value);

}  // namespace parity::ref
