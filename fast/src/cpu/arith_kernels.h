// Row kernels of the binary pointwise ops over one computation dtype:
// remainder, fmod, integer pow, bitwise and logical ops, maximum/minimum.
#pragma once
#include <cstdint>

#include "iter/nary_iter.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::cpu {

enum class ArithOp {
  Remainder,     // Python's sign rule
  Fmod,          // C's
  PowInt,        // integer base and exponent tensors
  PowIntScalar,  // integer base, exponent in args.exponent
  BitAnd,
  BitOr,
  BitXor,
  Maximum,  // NaN-propagating
  Minimum,
  LogicalAnd,  // bool results
  LogicalOr,
  LogicalXor,
};

struct ArithArgs {
  ArithOp op = ArithOp::Remainder;
  ScalarType dtype = kLong;  // the common dtype
  int64_t exponent = 0;      // PowIntScalar
};

// dts: output dtype, then the inputs'. Throws "ZeroDivisionError" after an
// integer remainder or fmod met a zero divisor, as torch does.
void run_arith(const ArithArgs& args, const iter::NaryPlan& plan, const ScalarType* dts);

}  // namespace parity::fast::cpu
