// The elementwise core for one output and up to two inputs (binary and, with
// a stride-0 scalar, unary ops). Like copy_iter's plan, but over three
// operands: size-1 dims are dropped, dims are ordered so the output's
// smallest stride is innermost, and dims that continue each other in every
// operand are coalesced. What is left is a list of rows: three start
// pointers, a length and three byte strides; a row kernel sees whether each
// stride is "contiguous", 0 (a broadcast scalar) or anything else, and picks
// its path per row, never per element.
#pragma once
#include <algorithm>
#include <cstdint>

#include "core/threads.h"
#include "iter/copy_iter.h"
#include "parity/fast/small_vector.h"
#include "parity/fast/vocabulary.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace parity::fast::iter {

inline constexpr int kMaxOperands = 3;

struct ElementwisePlan {
  int nops = 0;  // operand 0 is the output
  // Innermost dim first, after dropping, ordering and coalescing.
  DimVector sizes;
  DimVector strides[kMaxOperands];  // bytes; 0 on broadcast dims
  char* ptrs[kMaxOperands] = {};
  int64_t numel = 0;
};

// shape: the broadcast shape; strides[i] in elements, already broadcast to
// shape (meta::broadcast_strides); itemsizes[i] in bytes.
ElementwisePlan make_elementwise_plan(IntArrayRef shape,
                                      int nops,
                                      char* const* ptrs,
                                      const IntArrayRef* strides,
                                      const int64_t* itemsizes);

namespace detail {

// Calls f(ptrs, strides, n) for every row piece in units [ub, ue), a unit
// being one chunk of one row (rows are cut into chunks only when there are
// too few of them to feed every thread).
template <class F>
void run_units(const ElementwisePlan& p, F& f, int64_t chunk, int64_t cpr, int64_t ub, int64_t ue) {
  const size_t nd = p.sizes.size();
  const int n = p.nops;
  const int64_t inner = p.sizes[0];
  DimVector idx(nd, 0);
  char* ptr[kMaxOperands];
  for (int k = 0; k < n; ++k) ptr[k] = p.ptrs[k];
  int64_t r = ub / cpr, c = ub % cpr;
  for (size_t d = 1; d < nd; ++d) {
    idx[d] = r % p.sizes[d];
    r /= p.sizes[d];
    for (int k = 0; k < n; ++k) ptr[k] += idx[d] * p.strides[k][d];
  }
  int64_t inner_strides[kMaxOperands];
  for (int k = 0; k < n; ++k) inner_strides[k] = p.strides[k][0];
  for (int64_t u = ub; u < ue; ++u) {
    const int64_t b = c * chunk, e = std::min(inner, b + chunk);
    char* rp[kMaxOperands];
    for (int k = 0; k < n; ++k) rp[k] = ptr[k] + b * inner_strides[k];
    f(rp, inner_strides, e - b);
    if (++c == cpr) {
      c = 0;
      for (size_t d = 1; d < nd; ++d) {
        for (int k = 0; k < n; ++k) ptr[k] += p.strides[k][d];
        if (++idx[d] < p.sizes[d]) break;
        for (int k = 0; k < n; ++k) ptr[k] -= idx[d] * p.strides[k][d];
        idx[d] = 0;
      }
    }
  }
}

// A mixed-stride op (a.t() + b): the output is contiguous along dim 0 but
// some input is contiguous along dim 1, so row by row every read of that
// input touches a new cache line. Walking the rows tile by tile reuses each
// line many times. Tiles are kTile0 elements along dim 0 (long enough rows
// for the row kernel) by kTile along dim 1 (few enough lines of the
// transposed input to stay cached; their 4 KiB-aliased addresses compete
// for the same L1 sets). Sizes picked by measurement on [4096, 4096].
inline constexpr int64_t kTile = 32;
inline constexpr int64_t kTile0 = 128;

inline bool wants_tiles(const ElementwisePlan& p) {
  if (p.sizes.size() < 2 || p.sizes[0] < 16 || p.sizes[1] < 16) return false;
  auto mag = [](int64_t s) { return s < 0 ? -s : s; };
  for (int k = 1; k < p.nops; ++k) {
    const int64_t s0 = mag(p.strides[k][0]), s1 = mag(p.strides[k][1]);
    if (s0 != 0 && s1 != 0 && s1 < s0) return true;
  }
  return false;
}

// Units are (outer index, strip of kTile dim-1 indices); each unit walks its
// strip in kTile0-long pieces of dim 0.
template <class F>
void run_tiles(const ElementwisePlan& p, F& f, int64_t ub, int64_t ue) {
  const int n = p.nops;
  const int64_t n0 = p.sizes[0], n1 = p.sizes[1];
  const int64_t strips = (n1 + kTile - 1) / kTile;
  int64_t st0[kMaxOperands];
  for (int k = 0; k < n; ++k) st0[k] = p.strides[k][0];
  for (int64_t u = ub; u < ue; ++u) {
    int64_t outer = u / strips;
    const int64_t b1 = (u % strips) * kTile, e1 = std::min(n1, b1 + kTile);
    char* base[kMaxOperands];
    for (int k = 0; k < n; ++k) base[k] = p.ptrs[k];
    for (size_t d = 2; d < p.sizes.size(); ++d) {
      const int64_t i = outer % p.sizes[d];
      outer /= p.sizes[d];
      for (int k = 0; k < n; ++k) base[k] += i * p.strides[k][d];
    }
    for (int64_t i0 = 0; i0 < n0; i0 += kTile0) {
      const int64_t len = std::min(kTile0, n0 - i0);
      for (int64_t i1 = b1; i1 < e1; ++i1) {
        char* rp[kMaxOperands];
        for (int k = 0; k < n; ++k) rp[k] = base[k] + i1 * p.strides[k][1] + i0 * st0[k];
        f(rp, st0, len);
      }
    }
  }
}

}  // namespace detail

// Runs f over every row of the plan; on OpenMP threads above kGrainSize
// elements. f must be safe to call concurrently on disjoint rows.
template <class F>
void for_each_row(const ElementwisePlan& p, F&& f) {
  if (p.numel == 0) return;
  if (detail::wants_tiles(p)) {
    const int64_t units =
        p.numel / (p.sizes[0] * p.sizes[1]) * ((p.sizes[1] + detail::kTile - 1) / detail::kTile);
#ifdef _OPENMP
    if (p.numel >= kGrainSize && core::max_threads() > 1 && !omp_in_parallel()) {
      const int threads = static_cast<int>(std::min<int64_t>(core::max_threads(), units));
#pragma omp parallel num_threads(threads)
      {
        const int t = omp_get_thread_num(), nt = omp_get_num_threads();
        detail::run_tiles(p, f, units * t / nt, units * (t + 1) / nt);
      }
      return;
    }
#endif
    detail::run_tiles(p, f, 0, units);
    return;
  }
  const int64_t inner = p.sizes[0];
  const int64_t rows = p.numel / inner;
  if (p.numel < kGrainSize) {
    if (rows == 1) {
      int64_t st[kMaxOperands];
      char* rp[kMaxOperands];
      for (int k = 0; k < p.nops; ++k) {
        st[k] = p.strides[k][0];
        rp[k] = p.ptrs[k];
      }
      f(rp, st, inner);
    } else {
      detail::run_units(p, f, inner, 1, 0, rows);
    }
    return;
  }
#ifdef _OPENMP
  int threads = core::max_threads();
  if (threads > 1 && !omp_in_parallel()) {
    threads =
        static_cast<int>(std::max<int64_t>(1, std::min<int64_t>(threads, p.numel / kGrainSize)));
    int64_t cpr = 1;
    if (rows < 4 * threads) cpr = std::max<int64_t>(1, (4 * threads + rows - 1) / rows);
    cpr = std::min(cpr, std::max<int64_t>(1, inner / 1024));
    const int64_t chunk = (inner + cpr - 1) / cpr;
    cpr = (inner + chunk - 1) / chunk;
    const int64_t units = rows * cpr;
#pragma omp parallel num_threads(threads)
    {
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      const int64_t b = units * t / nt, e = units * (t + 1) / nt;
      if (b < e) detail::run_units(p, f, chunk, cpr, b, e);
    }
    return;
  }
#endif
  detail::run_units(p, f, inner, 1, 0, rows);
}

}  // namespace parity::fast::iter
