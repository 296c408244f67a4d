#include "meta/promotion.h"

namespace parity::fast::meta {
namespace {

// Lattice rank inside a category, so that promote_types needs no 10x10 table:
// integers promote by width (uint8 being the odd one out), floats by width
// except the two 16-bit formats, which meet at float32.
int int_rank(ScalarType t) {
  switch (t) {
    case kByte:
      return 1;
    case kChar:
      return 1;
    case kShort:
      return 2;
    case kInt:
      return 3;
    default:
      return 4;  // kLong
  }
}

// combine_categories(higher, lower): `lower` (a lower-priority rank) only
// counts when it raises the category of `higher`.
int combine(int higher, int lower) {
  constexpr int kUndef = -1;
  if (higher == kUndef) return lower;
  if (lower == kUndef) return higher;
  auto h = static_cast<ScalarType>(higher), l = static_cast<ScalarType>(lower);
  if (isFloatingType(h)) return higher;
  if (h == kBool || isFloatingType(l)) return static_cast<int>(promote_types(h, l));
  return higher;
}

}  // namespace

ScalarType promote_types(ScalarType a, ScalarType b) {
  if (a == b) return a;
  if (a == kBool) return b;
  if (b == kBool) return a;
  const bool fa = isFloatingType(a), fb = isFloatingType(b);
  if (fa != fb) return fa ? a : b;
  if (fa) {
    if (a == kDouble || b == kDouble) return kDouble;
    return kFloat;  // float32 with a 16-bit float, or float16 with bfloat16
  }
  // Two different integer types. uint8 with int8 needs int16 to hold both.
  if ((a == kByte && b == kChar) || (a == kChar && b == kByte)) return kShort;
  return int_rank(a) >= int_rank(b) ? a : b;
}

bool can_cast(ScalarType from, ScalarType to) {
  if (isFloatingType(from) && isIntegralType(to, true)) return false;
  if (from != kBool && to == kBool) return false;
  return true;
}

ScalarType ResultTypeState::result() const {
  return static_cast<ScalarType>(combine(dim_, combine(zero_, wrapped_)));
}

}  // namespace parity::fast::meta
