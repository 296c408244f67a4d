// The steps every pointwise op of pointwise.h shares, in TensorIterator's
// order: promotion over tensors and wrapped Scalars, the up-front rounding of
// inputs to a float16/bfloat16 common dtype, the output (a fresh one laid out
// as TensorIterator lays it out, or the checked in-place self), then one plan
// over the output and the inputs broadcast to its shape, handed to a kernel.
#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "iter/nary_iter.h"
#include "parity/fast/tensor.h"

namespace parity::fast::pw {

// An input: a tensor, or a Scalar as torch wraps it (a 0-d Bool, Long or
// Double "wrapped number" that only ranks lowest in promotion).
struct Input {
  Tensor t;
  Scalar s;
  // Read the elements as this dtype instead (masked_fill's non-bool masks,
  // whose first byte torch reads as uint8).
  std::optional<ScalarType> read_as;
  Input(const Tensor& x) : t(x) {}  // NOLINT
  Input(const Scalar& x) : s(x) {}  // NOLINT
  bool is_tensor() const { return t.defined(); }
  ScalarType dtype() const {
    if (t.defined()) return t.dtype();
    return s.isFloatingPoint() ? kDouble : s.isBoolean() ? kBool : kLong;
  }
};

// torch.result_type over the inputs.
ScalarType common_dtype(std::span<const Input> ins);

// Rounds every input not of dtype to it when dtype is float16/bfloat16
// (torch's up-front cast; the kernels compute those in float32).
void round_to_reduced(std::span<Input> ins, ScalarType dtype);

// A fresh output of dtype laid out by TensorIterator over ins (all of them
// shape it; Scalars are 0-d operands). On the CPU torch first casts inputs
// to the common dtype with .to(), so an input of another dtype than
// `cast_to` takes part with the strides that copy would have.
Tensor fresh_output(std::span<const Input> ins,
                    ScalarType dtype,
                    std::optional<ScalarType> cast_to = std::nullopt);

// The checks of an in-place write into self with these inputs: the
// in-place guards, internal and partial overlap, and that the inputs
// broadcast to exactly self's shape.
void check_inplace_out(const Tensor& self, std::span<const Input> ins);

// "result type X can't be cast to the desired output type Y" unless
// c10::canCast(from, to).
void check_can_cast(ScalarType from, ScalarType to);

// "\"<kernel>\" not implemented for '<Dtype>'".
[[noreturn]] void not_implemented(const char* kernel, ScalarType t);

using Kernel = std::function<void(const iter::NaryPlan&, const ScalarType*)>;

// Runs kernel over out and ins broadcast to out's shape (nothing when out
// is empty). dts passed to the kernel: out's dtype, then each input's.
void run(const Tensor& out, std::span<const Input> ins, const Kernel& kernel);

}  // namespace parity::fast::pw
