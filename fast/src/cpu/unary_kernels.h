// Row kernels of the non-transcendental unary ops (abs, sign, rounding,
// bitwise/logical not, NaN tests, nan_to_num), one instantiation per
// computation dtype; float16/bfloat16 compute in float32.
#pragma once
#include <cstdint>

#include "iter/nary_iter.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::cpu {

enum class UnaryOp {
  Abs,
  Sign,
  Floor,
  Ceil,
  Round,
  Trunc,
  Frac,
  Reciprocal,
  BitwiseNot,
  LogicalNot,  // result computed as bool
  IsNan,       // bool
  IsInf,       // bool
  IsFinite,    // bool
  NanToNum,
  RoundDecimals,
};

struct UnaryArgs {
  UnaryOp op = UnaryOp::Abs;
  // The dtype of the result's values before the final store: the op's
  // dtype (float16/bfloat16 kept, the kernel computes those in float32).
  ScalarType dtype = kFloat;
  // NanToNum: replacements, already rounded to dtype.
  double nan = 0, posinf = 0, neginf = 0;
  int64_t decimals = 0;  // RoundDecimals
};

// dts: output dtype, input dtype.
void run_unary(const UnaryArgs& args, const iter::NaryPlan& plan, const ScalarType* dts);

}  // namespace parity::fast::cpu
