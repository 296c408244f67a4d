// Row kernels of the elementwise arithmetic and comparison ops. Each op is
// instantiated once per computation dtype; inputs of another dtype are
// converted block by block (kBlock elements) into a stack buffer by the copy
// core's vectorised row converters, and an output of another dtype (float16
// and bfloat16 results, computed in float32; in-place writes into a narrower
// self) is converted back the same way. The arithmetic loops themselves only
// ever see one C++ type and unit or zero strides, so the compiler vectorises
// them.
#pragma once
#include "iter/binary_iter.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::cpu {

enum class BinaryOp { Add, Sub, AddAlpha, Mul, Div, DivTrunc, DivFloor, Eq, Ne, Lt, Le, Gt, Ge };

inline bool is_comparison(BinaryOp op) { return op >= BinaryOp::Eq; }

struct BinaryArgs {
  BinaryOp op = BinaryOp::Add;
  // The dtype the arithmetic runs in: the promoted dtype, with float16 and
  // bfloat16 replaced by float32. Never kHalf or kBFloat16.
  ScalarType compute = kFloat;
  ScalarType out = kFloat;  // operand 0
  ScalarType a = kFloat;    // operand 1
  ScalarType b = kFloat;    // operand 2
  // AddAlpha only: alpha already rounded to the promoted dtype.
  Scalar alpha;
};

// Runs the op over every row of the plan (operand 0 the output, 1 and 2 the
// inputs). Throws RuntimeError "ZeroDivisionError" after the run when an
// integer division met a zero divisor, as torch does.
void run_binary(const iter::ElementwisePlan& plan, const BinaryArgs& args);

}  // namespace parity::fast::cpu
