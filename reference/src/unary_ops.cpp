// Negation, the unary `-` (ATen/native/UnaryOps.cpp neg, torch 1.13):
// refuses bool; integers wrap (-INT_MIN == INT_MIN); floats flip the sign
// (so -0.0 and nan keep working). The output keeps the input's layout.
#include <cstdint>

#include "elementwise.h"

namespace parity::ref {

Tensor Tensor::neg() const {
  if (scalar_type() == kBool)
    throw Error(
        "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.");
  const ElementwiseLoop loop = plan_out_of_place({{*this}}, scalar_type(), scalar_type());
  run_elementwise(loop, [](auto x) {
    using C = decltype(x);
    if constexpr (std::is_integral_v<C>)
      return static_cast<C>(0 - static_cast<uint64_t>(x));
    else
      return -x;
  });
  return loop.out;
}

}  // namespace parity::ref
