// Internal: type promotion (c10::promoteTypes, at::native::result_type,
// c10::canCast).
#pragma once
#include <vector>

#include "parity/ref/tensor.h"

namespace parity::ref {

// One input of an op. A Scalar argument becomes a 0-d tensor of its kind's
// dtype (bool -> kBool, int -> kLong, float -> kDouble) marked "wrapped
// number" (at::wrapped_scalar_tensor).
struct Operand {
  Tensor tensor;
  bool wrapped = false;
};
Operand wrap_scalar(const Scalar& s);

// The promotion lattice for two dtypes.
ScalarType promote_types(ScalarType a, ScalarType b);
// torch.result_type over the inputs of one op.
ScalarType result_type_of(const std::vector<Operand>& inputs);
// Whether a value of dtype `from` may be written to an output of dtype `to`.
bool can_cast(ScalarType from, ScalarType to);

}  // namespace parity::ref
