// Reduction kernels: one plan (iter/reduce_iter.h), one op, one input dtype.
// Compiled for AVX-512, AVX2 and baseline x86-64; the best one this CPU
// runs is picked once. All three give the same bits (lane counts are fixed
// in the source, never taken from the vector width).
#pragma once
#include "iter/reduce_iter.h"

namespace parity::fast::cpu {

enum class ReduceOp {
  Sum,   // int64 for integral and bool inputs
  Prod,  // likewise
  Max,   // NaN propagates
  Min,
  All,  // bool or uint8 input only
  Any,
  NormSq,       // sum x^2   (float inputs only, for the norms)
  NormSqWide,   // the same, bfloat16 accumulating in float32 (torch's vectorised 2-norm)
  NormAbs,      // sum |x|
  NormMaxAbs,   // max |x|
  NormMinAbs,   // min |x|
  NormPow,      // sum |x|^p
  NormNonzero,  // count of x != 0
  SumDouble,    // sum in float64, float64 result (float inputs; std/var's mean)
  SumSqDev      // sum (x - center[result])^2 in float64 (std/var)
};

// Applied to each result before it is stored.
enum class ReducePost {
  None,
  Div,   // mean: (result rounded to its dtype) / divisor, in the dtype's math
  Sqrt,  // 2-norm
  Root   // p-norm: result^(1/p)
};

struct ReduceArgs {
  ReduceOp op = ReduceOp::Sum;
  ScalarType in = kFloat;
  ReducePost post = ReducePost::None;
  double divisor = 1.0;
  double p = 2.0;
  const double* center = nullptr;  // SumSqDev: one value per result, in result order
};

// The result dtype the kernel writes for (op, input dtype).
ScalarType reduce_out_dtype(ReduceOp op, ScalarType in);

// out: the contiguous result buffer (plan.oout's layout).
void run_reduce(const iter::ReducePlan& plan, const char* in, char* out, const ReduceArgs& args);

}  // namespace parity::fast::cpu
