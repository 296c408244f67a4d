// The TensorIterator-style core for copy, convert and fill: one output and at
// most one input already broadcast to the output's shape. The plan drops
// size-1 dims, orders dims so the output's smallest stride is innermost,
// coalesces dims that are contiguous with each other, and then hands rows
// (a start pointer pair, a length, two byte strides) to a typed row kernel,
// split across OpenMP threads above kGrainSize elements.
#pragma once
#include <cstdint>

#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

namespace parity::fast::iter {

// Below this many elements an op runs on the calling thread: spawning costs
// more than it saves (torch uses the same 32K).
inline constexpr int64_t kGrainSize = 32768;

// dst/src: first element; stride in bytes; n elements.
using RowFn =
    void (*)(char* dst, const char* src, int64_t n, int64_t dst_stride, int64_t src_stride);

struct CopyPlan {
  // Innermost dim first, after dropping, ordering and coalescing.
  DimVector sizes;
  DimVector dst_strides;  // bytes
  DimVector src_strides;  // bytes; 0 on broadcast dims
  char* dst = nullptr;
  const char* src = nullptr;
  int64_t numel = 0;
  int64_t dst_itemsize = 0;
  int64_t src_itemsize = 0;
};

// sizes: the output shape; strides in elements; src_strides must already be
// broadcast to sizes (0 where src is expanded).
CopyPlan make_plan(IntArrayRef sizes,
                   char* dst,
                   IntArrayRef dst_strides,
                   size_t dst_itemsize,
                   const char* src,
                   IntArrayRef src_strides,
                   size_t src_itemsize);

// Runs fn over every row of the plan, in parallel when it is large.
void run(const CopyPlan& plan, RowFn fn);

}  // namespace parity::fast::iter
