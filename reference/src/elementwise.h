// Internal: the elementwise-op core, a plain TensorIterator. Planning
// (shape, dtypes, output, checks) is in elementwise.cpp; the typed loop is
// the template below.
#pragma once
#include <type_traits>
#include <vector>

#include "dispatch.h"
#include "promotion.h"
#include "tensor_impl.h"

namespace parity::ref {

// One planned op: inputs converted to `common` and expanded to the
// broadcast shape, and the output to write (fresh, or self when in place).
struct ElementwiseLoop {
  std::vector<Tensor> inputs;
  Tensor out;
  ScalarType common;
  bool in_place = false;
};

// Out of place: the output is allocated as TensorIterator allocates it,
// with dtype `out_dtype` (kBool for comparisons, else `common`).
ElementwiseLoop plan_out_of_place(const std::vector<Operand>& inputs,
                                  ScalarType common,
                                  ScalarType out_dtype);
// In place on self (inputs[0] is self): refuses an expanded self, partial
// overlap, a broadcast that would resize self, and a common dtype that
// cannot be cast to self's dtype. Bumps self's version once.
ElementwiseLoop plan_in_place(const std::vector<Operand>& inputs, ScalarType common);

// The type arithmetic runs in: float16 and bfloat16 compute in float.
template <class T>
using compute_t =
    std::conditional_t<std::is_same_v<T, Half> || std::is_same_v<T, BFloat16>, float, T>;

template <class C>
C load(const Scalar& s) {
  if constexpr (std::is_same_v<C, bool>)
    return s.toBool();
  else if constexpr (std::is_integral_v<C>)
    return static_cast<C>(s.toLong());
  else
    return static_cast<C>(s.toDouble());
}

template <class V>
Scalar to_scalar(V v) {
  if constexpr (std::is_same_v<V, bool>)
    return Scalar(v);
  else if constexpr (std::is_integral_v<V>)
    return Scalar(static_cast<int64_t>(v));
  else
    return Scalar(static_cast<double>(v));
}

// Writes values (row-major order) into loop.out, converting to its dtype;
// in place, bumps the version counter once.
void write_results(const ElementwiseLoop& loop, const std::vector<Scalar>& values);

// Runs f(x, y, ...) on every element, all of the inputs read before the
// output is written. f receives compute_t<T> values for T the common
// dtype's C++ type and returns the result in any arithmetic type.
template <class F>
void run_elementwise(const ElementwiseLoop& loop, F f) {
  std::vector<std::vector<Scalar>> in;
  for (const Tensor& t : loop.inputs) in.push_back(read_all(t));
  std::vector<Scalar> out(loop.out.numel());
  dispatch_dtype(loop.common, [&]<class T>() {
    using C = compute_t<T>;
    for (size_t i = 0; i < out.size(); ++i) {
      if constexpr (std::is_invocable_v<F&, C>)
        out[i] = to_scalar(f(load<C>(in[0][i])));
      else
        out[i] = to_scalar(f(load<C>(in[0][i]), load<C>(in[1][i])));
    }
  });
  write_results(loop, out);
}

}  // namespace parity::ref
