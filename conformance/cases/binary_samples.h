// The sample inputs of the binary operators (an OpInfo-style table, not one
// case per op): pairs of operands in several layouts, built from fixed values
// that every dtype holds, and a divisor set without zeros.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "case_util.h"

namespace parity::conf {

// Fixed values for shapes up to 24 elements; larger shapes count up from 0.
template <class E>
typename E::Tensor dividends(typename E::Sizes sizes) {
  auto v = E::tensor({-5.0, 3.0,  7.5, -0.5, 2.0,  11.0, -8.25, 4.0,  1.0, -2.0, 6.5,  9.0,
                      0.0,  -3.0, 5.0, 10.0, -7.0, 2.5,  8.0,   -1.5, 3.5, -9.0, 12.0, 0.5},
                     E::dtype(E::kFloat64));
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  if (n > v.numel()) return counting<E>(sizes, E::kFloat64);
  return v.slice(0, 0, n).reshape(sizes);
}

template <class E>
typename E::Tensor divisors(typename E::Sizes sizes) {
  auto v = E::tensor({2.0,  -3.0, 1.5, 4.0,  -1.0, 5.0,  2.5,  -6.0, 3.0, 7.0,  -2.0, 1.0,
                      -4.0, 6.0,  3.5, -2.5, 8.0,  1.25, -5.0, 9.0,  2.0, -7.0, 4.5,  3.0},
                     E::dtype(E::kFloat64));
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  if (n > v.numel()) return counting<E>(sizes, E::kFloat64).add(1);  // no zero divisors
  return v.slice(0, 0, n).reshape(sizes);
}

template <class E>
struct OperandPair {
  std::string layout;
  typename E::Tensor a, b;
};

// Pairs of operands of dtypes (da, db) from two value generators (sizes ->
// float64 tensor), in the layouts the clauses name: same shape, broadcast,
// 0-d, empty, transposed, expanded, offset, strided.
template <class E, class D>
std::vector<OperandPair<E>> layoutPairs(
    D da,
    D db,
    const std::function<typename E::Tensor(typename E::Sizes)>& va,
    const std::function<typename E::Tensor(typename E::Sizes)>& vb) {
  auto a = [&](typename E::Sizes s) { return va(s).to(da); };
  auto b = [&](typename E::Sizes s) { return vb(s).to(db); };
  return {
      {"same shape", a({2, 3}), b({2, 3})},
      {"row broadcast", a({2, 3}), b({3})},
      {"outer broadcast", a({3, 1}), b({1, 4})},
      {"0-d with 2-d", a(std::vector<int64_t>{}), b({2, 3})},
      {"2-d with 0-d", a({2, 3}), b(std::vector<int64_t>{})},
      {"empty", a({0, 3}), b({3})},
      {"transposed", a({3, 2}).t(), b({2, 3})},
      {"both transposed", a({3, 2}).t(), b({3, 2}).t()},
      {"expanded", a({3}).expand({2, 3}), b({2, 3})},
      {"offset", a({4, 3}).slice(0, 1, 3), b({2, 3})},
      {"strided", a({2, 6}).slice(1, 0, 6, 2), b({3})},
      {"3-d permuted", a({2, 3, 4}).permute({2, 0, 1}), b({4, 1, 3})},
  };
}

// The binary operators' pairs: dividends and divisors.
template <class E, class D>
std::vector<OperandPair<E>> operandPairs(D da, D db) {
  return layoutPairs<E>(da, db, dividends<E>, divisors<E>);
}

}  // namespace parity::conf
