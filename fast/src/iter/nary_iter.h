// The elementwise plan for up to four operands (one output and up to three
// inputs: where, clamp with two tensor bounds, lerp with a tensor weight).
// Up to three operands it is binary_iter's plan (tiles for mixed layouts
// included); with four it applies the same steps (drop size-1 dims, order by
// the output's strides, coalesce) and hands out rows the same way. A row
// function sees operand pointers, byte strides and a length, as with
// iter::for_each_row.
#pragma once
#include <cstdint>

#include "iter/binary_iter.h"

namespace parity::fast::iter {

inline constexpr int kMaxNaryOperands = 4;

struct NaryPlan {
  int nops = 0;
  ElementwisePlan small;  // nops <= 3
  // nops == 4: innermost dim first, strides in bytes.
  DimVector sizes;
  DimVector strides[kMaxNaryOperands];
  char* ptrs[kMaxNaryOperands] = {};
  int64_t numel = 0;
};

// As make_elementwise_plan, for 1 to 4 operands (operand 0 the output).
NaryPlan make_nary_plan(IntArrayRef shape,
                        int nops,
                        char* const* ptrs,
                        const IntArrayRef* strides,
                        const int64_t* itemsizes);

using NaryRowFn = void (*)(void* ctx, char* const* ptrs, const int64_t* strides, int64_t n);

namespace detail {
void run_nary4(const NaryPlan& p, NaryRowFn fn, void* ctx);
}  // namespace detail

// Runs f(ptrs, strides, n) over every row, on OpenMP threads above
// kGrainSize elements; f must be safe to call concurrently on disjoint rows.
template <class F>
void for_each_nary_row(const NaryPlan& p, F&& f) {
  if (p.nops <= 3) {
    for_each_row(p.small, f);
    return;
  }
  auto thunk = [](void* ctx, char* const* ptrs, const int64_t* st, int64_t n) {
    (*static_cast<std::remove_reference_t<F>*>(ctx))(ptrs, st, n);
  };
  detail::run_nary4(p, thunk, &f);
}

}  // namespace parity::fast::iter
