// Type promotion as torch 1.13 does it: c10's promoteTypes lattice, the
// ResultTypeState that at::result_type and TensorIterator build over their
// operands, and canCast. Pure functions of dtypes; no data is touched.
#pragma once
#include "parity/fast/vocabulary.h"

namespace parity::fast::meta {

// c10::promoteTypes: the least dtype both a and b convert to (uint8 + int8 ->
// int16, float16 + bfloat16 -> float32, any integer + a float -> that float).
ScalarType promote_types(ScalarType a, ScalarType b);

// c10::canCast: no floating -> integral, no non-bool -> bool.
bool can_cast(ScalarType from, ScalarType to);

// at::native::ResultTypeState. Participants are ranked: tensors with dim > 0,
// then 0-d tensors, then wrapped Python scalars; a lower rank can only raise
// the category (bool < integral < floating) of the ranks above it.
class ResultTypeState {
 public:
  void add_tensor(ScalarType t, bool zero_dim) {
    (zero_dim ? zero_ : dim_) = merge(zero_dim ? zero_ : dim_, t);
  }
  // A Scalar as torch wraps it: bool -> Bool, int -> Long, float -> the
  // default dtype (Float).
  void add_scalar(const Scalar& s) {
    ScalarType t = s.isFloatingPoint() ? kFloat : s.isBoolean() ? kBool : kLong;
    wrapped_ = merge(wrapped_, t);
  }
  ScalarType result() const;

 private:
  static constexpr int kUndefined = -1;
  static int merge(int acc, ScalarType t) {
    return acc == kUndefined ? static_cast<int>(t)
                             : static_cast<int>(promote_types(static_cast<ScalarType>(acc), t));
  }
  int dim_ = kUndefined, zero_ = kUndefined, wrapped_ = kUndefined;
};

}  // namespace parity::fast::meta
