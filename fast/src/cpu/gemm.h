// Matrix products: float32/float64 through OpenBLAS (with its best kernels
// for this CPU selected at first use; single-threaded, called per block of C
// on the engine's threads), every other dtype through the engine's own
// kernels. Results are the same bits for any thread count.
#pragma once
#include <cstdint>

#include "parity/spec.h"

namespace parity::fast::cpu {

// A matrix operand: data and element strides of its rows and columns.
struct MatRef {
  const char* data;
  int64_t rs, cs;
};

// C = A[M,K] @ B[K,N] for one dtype; C is row-major contiguous [M, N].
// Integral dtypes wrap as in their own arithmetic. bfloat16 follows torch's
// two CPU paths: above 16^3 multiply-adds in the whole op (`op_size`, the
// batch included; M*N*K when 0) oneDNN accumulates in float32 and rounds
// once; below, torch's own loops round every step (see own_gemm).
void gemm(ScalarType dt,
          int64_t M,
          int64_t N,
          int64_t K,
          MatRef a,
          MatRef b,
          char* c,
          int64_t op_size = 0);

// Whether gemm hands this dtype to BLAS, which wants one unit stride per
// operand (the caller copies operands that have none).
bool gemm_uses_blas(ScalarType dt);

}  // namespace parity::fast::cpu
