// Helpers for case bodies, written over the engine adapter E like the cases.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "harness/registry.h"

namespace parity::conf {

// Every dtype, spelled the engine's way.
template <class E>
auto allDtypes() {
  return std::vector{E::kBool,  E::kUInt8,   E::kInt8,     E::kInt16,   E::kInt32,
                     E::kInt64, E::kFloat16, E::kBFloat16, E::kFloat32, E::kFloat64};
}

// 0, 1, 2, ... laid out in `sizes`, converted to `dtype` (bool: 0 then true).
template <class E, class D>
typename E::Tensor counting(typename E::Sizes sizes, D dtype) {
  int64_t n = 1;
  for (int64_t s : sizes) n *= s;
  return E::arange(n, E::dtype(E::kFloat64)).to(dtype).reshape(sizes);
}

// Records the repr of `t` under `name`.
template <class E>
void printed(Rec<E>& r, const std::string& name, const typename E::Tensor& t) {
  r.text(name, [&] { return E::repr(t); });
}

}  // namespace parity::conf
