// Row kernels that select between values: where, masked_fill and clamp
// (scalar or tensor bounds).
#pragma once
#include "iter/nary_iter.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::cpu {

// where: inputs (condition, self, other); condition bool or uint8 (nonzero
// selects self); dtype: the common dtype of self and other.
void run_where(ScalarType dtype, const iter::NaryPlan& plan, const ScalarType* dts);

// masked_fill in place: inputs (self, mask); the mask read as bool, or as
// uint8 whose values must be 0 or 1 ("Mask tensor can take 0 and 1 values
// only"). value: already converted to dtype (checked) and back.
void run_masked_fill(ScalarType dtype,
                     const Scalar& value,
                     const iter::NaryPlan& plan,
                     const ScalarType* dts);

// clamp with Scalar bounds (either may be absent), already converted to
// dtype: one input.
void run_clamp_scalar(ScalarType dtype,
                      const std::optional<Scalar>& lo,
                      const std::optional<Scalar>& hi,
                      const iter::NaryPlan& plan,
                      const ScalarType* dts);

// clamp with both bounds tensors: inputs (self, min, max); NaN anywhere
// gives NaN.
void run_clamp_tensor(ScalarType dtype, const iter::NaryPlan& plan, const ScalarType* dts);

}  // namespace parity::fast::cpu
