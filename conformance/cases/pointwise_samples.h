// The sample inputs of the pointwise ops (spec/clauses/pointwise.md): per
// dtype, 24 values that the dtype holds exactly (floating ones with NaN, ±inf,
// -0.0 and rounding ties), laid out in the layouts the clauses name; and
// operand pairs in binary_samples.h's layouts with other values.
#pragma once
#include <cmath>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "binary_samples.h"

namespace parity::conf {

// 24 float64 values that convert exactly to `dt` (never out of its range).
template <class E, class D>
typename E::Tensor unaryValues(D dt) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const auto f64 = E::dtype(E::kFloat64);
  if (dt == E::kBool)
    return E::tensor({1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0,
                      0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0},
                     f64);
  if (dt == E::kUInt8)
    return E::tensor({3.0, 0.0,   255.0, 1.0, 2.0,  128.0, 7.0,  100.0, 127.0, 200.0, 10.0, 4.0,
                      6.0, 254.0, 8.0,   9.0, 11.0, 50.0,  64.0, 12.0,  13.0,  20.0,  30.0, 5.0},
                     f64);
  // Signed integers: int8's range, with the dtype's extremes at 2 and 20.
  double lo = -128.0, hi = 127.0;
  if (dt == E::kInt16) lo = -32768.0, hi = 32767.0;
  if (dt == E::kInt32) lo = -2147483648.0, hi = 2147483647.0;
  if (dt == E::kInt64) lo = -9223372036854775808.0, hi = 4611686018427387904.0;  // -2^63, 2^62
  if (dt == E::kInt8 || dt == E::kInt16 || dt == E::kInt32 || dt == E::kInt64)
    return E::tensor(
        {-3.0, 0.0,  lo,    1.0,  -1.0, 2.0,   -2.0, 100.0, -100.0, 5.0,    -7.0,  3.0,
         7.0,  10.0, -10.0, 64.0, 4.0,  -50.0, 50.0, 9.0,   hi,     -128.0, 127.0, 11.0},
        f64);
  // Floating: NaN at 2, -0.0 at 3, ties of round() at 0, 1, 4, 6, 7.
  return E::tensor({-2.5, 0.5, nan,  -0.0,  1.5,  -1.5, 2.5,   -0.5,   0.0, inf, -inf, 3.0,
                    -1.0, 1.0, 0.25, -0.75, 7.75, -3.0, 100.0, -100.0, 1e4, 0.1, 1e30, -2.0},
                   f64);
}

template <class E>
struct Sample {
  std::string layout;
  typename E::Tensor t;
};

// unaryValues in several layouts: contiguous, 0-d, empty, size-1,
// transposed, permuted, strided, expanded and offset views.
template <class E, class D>
std::vector<Sample<E>> unarySamples(D dt) {
  auto v = unaryValues<E>(dt).to(dt);
  return {
      {"1-d", v},
      {"0-d", v.select(0, 0)},
      {"0-d third", v.select(0, 2)},
      {"empty", v.slice(0, 0, 0).reshape({0, 3})},
      {"size-1", v.slice(0, 1, 2).reshape({1, 1})},
      {"transposed", v.reshape({12, 2}).t()},
      {"3-d permuted", v.reshape({2, 3, 4}).permute({2, 0, 1})},
      {"strided even", v.slice(0, 0, 24, 2)},
      {"strided odd columns", v.reshape({4, 6}).slice(1, 1, 6, 2)},
      {"expanded", v.slice(0, 0, 4).expand({3, 4})},
      {"offset", v.slice(0, 5, 24)},
  };
}

// Layouts that an in-place op may write: a fresh contiguous tensor, and a
// transposed and an offset view of a base (the base is what gets recorded).
template <class E, class D>
std::vector<Sample<E>> writableSamples(D dt) {
  auto v = unaryValues<E>(dt).to(dt);
  return {
      {"contiguous", v.clone()},
      {"transposed view", v.clone().reshape({6, 4}).t()},
      {"offset view", v.clone().reshape({4, 6}).slice(0, 1, 3)},
  };
}

// Non-negative exponents for pow (integers raise on negative ones).
template <class E>
typename E::Tensor exponents(typename E::Sizes sizes) {
  auto v = E::tensor({2.0, 0.0,  3.0, 1.0, 0.5, 2.5, 1.5, 4.0, 0.0, 3.0, 2.0, 1.0,
                      5.0, 0.25, 1.0, 2.0, 3.0, 0.0, 2.0, 1.0, 3.0, 2.0, 1.0, 0.0},
                     E::dtype(E::kFloat64));
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  if (n > v.numel()) return E::full(sizes, 2.0, E::dtype(E::kFloat64));
  return v.slice(0, 0, n).reshape(sizes);
}

// A bool mask of `sizes` taking both branches of where/masked_fill (built
// without the ops under test).
template <class E>
typename E::Tensor mask(typename E::Sizes sizes) {
  auto v = E::tensor({1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0,
                      1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 1.0},
                     E::dtype(E::kFloat64));
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  if (n > v.numel()) return E::ones(sizes, E::dtype(E::kBool));
  return v.slice(0, 0, n).reshape(sizes).to(E::kBool);
}

}  // namespace parity::conf
