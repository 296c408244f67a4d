// Row kernels of the floating-point math: the transcendental unary
// functions, atan2, floating pow and lerp. Computed in float (float32,
// float16, bfloat16 results) or double. Each op is a functor over one
// element, so a vector math routine can replace its body later without
// touching the plan or the runner.
#pragma once
#include "iter/nary_iter.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::cpu {

enum class MathOp {
  Exp,
  Exp2,
  Expm1,
  Log,
  Log2,
  Log10,
  Log1p,
  Sqrt,
  Rsqrt,
  Sin,
  Cos,
  Tan,
  Asin,
  Acos,
  Atan,
  Sinh,
  Cosh,
  Tanh,
  Sigmoid,
  Atan2,       // binary
  Pow,         // binary, tensor exponent
  PowScalar,   // unary, exponent in args.scalar
  Lerp,        // binary (start, end), weight in args.scalar
  LerpTensor,  // ternary (start, end, weight)
};

struct MathArgs {
  MathOp op = MathOp::Exp;
  ScalarType dtype = kFloat;  // the result dtype (float16/bfloat16/float/double)
  double scalar = 0;          // PowScalar's exponent, Lerp's weight (rounded to dtype)
};

// dts: output dtype, then the inputs'.
void run_math(const MathArgs& args, const iter::NaryPlan& plan, const ScalarType* dts);

}  // namespace parity::fast::cpu
