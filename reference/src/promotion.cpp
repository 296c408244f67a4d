// Type promotion as torch 1.13 does it (c10/core/ScalarType.h promoteTypes,
// ATen/native/TypeProperties.cpp result_type and canCast).
#include "promotion.h"

#include <optional>

#include "parity/ref/factories.h"
#include "parity/ref/ops.h"

namespace parity::ref {

namespace {

int rank_in_kind(ScalarType t) {  // widths ordered within signed ints / floats
  switch (t) {
    case kChar:
      return 0;
    case kShort:
      return 1;
    case kInt:
      return 2;
    case kLong:
      return 3;
    case kHalf:
      return 0;
    case kFloat:
      return 1;
    case kDouble:
      return 2;
    default:
      return 0;
  }
}

}  // namespace

// The lattice: bool is below everything; uint8 with a signed integer goes to
// the next signed type that holds both (int8 -> int16); any integer with a
// float gives the float; float16 with bfloat16 gives float32; otherwise the
// wider type wins.
ScalarType promote_types(ScalarType a, ScalarType b) {
  if (a == b) return a;
  if (a == kBool) return b;
  if (b == kBool) return a;
  const bool fa = isFloatingType(a), fb = isFloatingType(b);
  if (fa != fb) return fa ? a : b;
  if (fa) {
    if (a == kBFloat16) return b == kHalf ? kFloat : b;
    if (b == kBFloat16) return a == kHalf ? kFloat : a;
    return rank_in_kind(a) > rank_in_kind(b) ? a : b;
  }
  if (a == kByte) return b == kChar ? kShort : b;
  if (b == kByte) return a == kChar ? kShort : a;
  return rank_in_kind(a) > rank_in_kind(b) ? a : b;
}

namespace {

using Slot = std::optional<ScalarType>;  // nullopt is c10's Undefined

Slot promote_slot(Slot a, ScalarType b) { return a ? promote_types(*a, b) : b; }

// c10's combine_categories: the lower-priority result only matters if it
// is of a higher category (bool < integral < floating).
Slot combine_categories(Slot higher, Slot lower) {
  if (higher && isFloatingType(*higher)) return higher;
  if (!lower) return higher;
  if (!higher) return lower;
  if (*higher == kBool || isFloatingType(*lower)) return promote_types(*higher, *lower);
  return higher;
}

}  // namespace

// Three priority levels: dimensioned tensors, 0-d tensors, wrapped numbers
// (a wrapped float counts as the default dtype, float32).
ScalarType result_type_of(const std::vector<Operand>& inputs) {
  Slot dim_result, zero_result, wrapped_result;
  for (const Operand& op : inputs) {
    ScalarType t = op.tensor.scalar_type();
    if (op.wrapped && isFloatingType(t)) t = kFloat;
    if (op.tensor.dim() > 0)
      dim_result = promote_slot(dim_result, t);
    else if (op.wrapped)
      wrapped_result = promote_slot(wrapped_result, t);
    else
      zero_result = promote_slot(zero_result, t);
  }
  const Slot result =
      combine_categories(dim_result, combine_categories(zero_result, wrapped_result));
  return result.value_or(kFloat);
}

// c10::canCast without complex: floating -> integral and non-bool -> bool
// are refused.
bool can_cast(ScalarType from, ScalarType to) {
  if (isFloatingType(from) && isIntegralType(to, /*includeBool=*/false)) return false;
  return from == kBool || to != kBool;
}

Operand wrap_scalar(const Scalar& s) {
  const ScalarType dtype = s.isBoolean() ? kBool : s.isIntegral(false) ? kLong : kDouble;
  return {full({}, s, TensorOptions().dtype(dtype)), true};
}

ScalarType result_type(const Tensor& a, const Tensor& b) {
  return result_type_of({{a, false}, {b, false}});
}
ScalarType result_type(const Tensor& a, const Scalar& b) {
  return result_type_of({{a, false}, wrap_scalar(b)});
}
ScalarType result_type(const Scalar& a, const Tensor& b) {
  return result_type_of({wrap_scalar(a), {b, false}});
}

}  // namespace parity::ref
