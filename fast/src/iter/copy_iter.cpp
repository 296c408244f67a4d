#include "iter/copy_iter.h"

#include <algorithm>

#include "iter/binary_iter.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace parity::fast::iter {

// A copy is an elementwise op with one input: the same planner decides the
// dim order and coalescing for both (iter/binary_iter).
CopyPlan make_plan(IntArrayRef sizes,
                   char* dst,
                   IntArrayRef dst_strides,
                   size_t dst_itemsize,
                   const char* src,
                   IntArrayRef src_strides,
                   size_t src_itemsize) {
  char* ptrs[2] = {dst, const_cast<char*>(src)};  // the planner never writes through them
  const IntArrayRef strides[2] = {dst_strides, src_strides};
  const int64_t itemsizes[2] = {static_cast<int64_t>(dst_itemsize),
                                static_cast<int64_t>(src_itemsize)};
  ElementwisePlan e = make_elementwise_plan(sizes, 2, ptrs, strides, itemsizes);
  CopyPlan p;
  p.sizes = std::move(e.sizes);
  p.dst_strides = std::move(e.strides[0]);
  p.src_strides = std::move(e.strides[1]);
  p.dst = dst;
  p.src = src;
  p.numel = e.numel;
  p.dst_itemsize = itemsizes[0];
  p.src_itemsize = itemsizes[1];
  return p;
}

namespace {

// Runs rows [unit_begin, unit_end) where a unit is one chunk of one row.
void run_range(const CopyPlan& p,
               RowFn fn,
               int64_t chunk,
               int64_t chunks_per_row,
               int64_t unit_begin,
               int64_t unit_end) {
  const size_t nd = p.sizes.size();
  const int64_t inner = p.sizes[0];
  int64_t row = unit_begin / chunks_per_row;
  int64_t c = unit_begin % chunks_per_row;
  // Multi-index of `row` over the outer dims.
  DimVector idx(nd, 0);
  int64_t r = row;
  char* dst = p.dst;
  const char* src = p.src;
  for (size_t k = 1; k < nd; ++k) {
    idx[k] = r % p.sizes[k];
    r /= p.sizes[k];
    dst += idx[k] * p.dst_strides[k];
    src += idx[k] * p.src_strides[k];
  }
  for (int64_t u = unit_begin; u < unit_end;) {
    int64_t b = c * chunk;
    int64_t e = std::min(inner, b + chunk);
    fn(dst + b * p.dst_strides[0], src + b * p.src_strides[0], e - b, p.dst_strides[0],
       p.src_strides[0]);
    ++u;
    if (++c == chunks_per_row) {
      c = 0;
      for (size_t k = 1; k < nd; ++k) {
        dst += p.dst_strides[k];
        src += p.src_strides[k];
        if (++idx[k] < p.sizes[k]) break;
        dst -= idx[k] * p.dst_strides[k];
        src -= idx[k] * p.src_strides[k];
        idx[k] = 0;
      }
    }
  }
}

// A transposing copy: the output is contiguous along dim 0 but the input is
// contiguous along dim 1. Row by row, every input read would touch a new
// cache line; walking kTile x kTile tiles reuses each line kTile times.
// Small tiles: the rows of a tile are often a power of two apart (16 KiB for
// 4096 floats) and fall in the same L1 sets, so 64-row tiles evict themselves;
// 16 measured fastest of 8, 16, 32 and 64 (bench: copy_ from t()).
constexpr int64_t kTile = 16;

bool wants_tiles(const CopyPlan& p) {
  return p.sizes.size() >= 2 && p.dst_strides[0] == p.dst_itemsize &&
         p.src_strides[1] == p.src_itemsize && p.src_strides[0] != p.src_itemsize &&
         p.sizes[0] >= 16 && p.sizes[1] >= 16;
}

void run_tiles(const CopyPlan& p, RowFn fn, int64_t unit_begin, int64_t unit_end) {
  const int64_t n0 = p.sizes[0], n1 = p.sizes[1];
  const int64_t strips = (n1 + kTile - 1) / kTile;
  for (int64_t u = unit_begin; u < unit_end; ++u) {
    int64_t outer = u / strips, b1 = (u % strips) * kTile;
    char* dst = p.dst;
    const char* src = p.src;
    for (size_t k = 2; k < p.sizes.size(); ++k) {
      int64_t i = outer % p.sizes[k];
      outer /= p.sizes[k];
      dst += i * p.dst_strides[k];
      src += i * p.src_strides[k];
    }
    const int64_t e1 = std::min(n1, b1 + kTile);
    for (int64_t i0 = 0; i0 < n0; i0 += kTile) {
      const int64_t len = std::min(kTile, n0 - i0);
      for (int64_t i1 = b1; i1 < e1; ++i1)
        fn(dst + i1 * p.dst_strides[1] + i0 * p.dst_strides[0],
           src + i1 * p.src_strides[1] + i0 * p.src_strides[0], len, p.dst_strides[0],
           p.src_strides[0]);
    }
  }
}

}  // namespace

void run(const CopyPlan& p, RowFn fn) {
  if (p.numel == 0) return;
  if (wants_tiles(p)) {
    const int64_t units = p.numel / (p.sizes[0] * p.sizes[1]) * ((p.sizes[1] + kTile - 1) / kTile);
#ifdef _OPENMP
    if (p.numel >= kGrainSize && core::max_threads() > 1 && !omp_in_parallel()) {
      int threads = static_cast<int>(std::min<int64_t>(core::max_threads(), units));
#pragma omp parallel num_threads(threads)
      {
        int t = omp_get_thread_num(), nt = omp_get_num_threads();
        run_tiles(p, fn, units * t / nt, units * (t + 1) / nt);
      }
      return;
    }
#endif
    run_tiles(p, fn, 0, units);
    return;
  }
  const int64_t inner = p.sizes[0];
  const int64_t rows = p.numel / inner;
  if (p.sizes.size() == 1) {
    if (p.numel < kGrainSize) {
      fn(p.dst, p.src, inner, p.dst_strides[0], p.src_strides[0]);
      return;
    }
  } else if (p.numel < kGrainSize) {
    run_range(p, fn, inner, 1, 0, rows);
    return;
  }
#ifdef _OPENMP
  int threads = core::max_threads();
  if (threads > 1 && !omp_in_parallel()) {
    threads = static_cast<int>(std::min<int64_t>(threads, p.numel / kGrainSize));
    threads = std::max(threads, 1);
    // Few long rows: cut rows into chunks so every thread gets work.
    int64_t chunks_per_row = 1;
    if (rows < 4 * threads) chunks_per_row = std::max<int64_t>(1, (4 * threads + rows - 1) / rows);
    chunks_per_row = std::min(chunks_per_row, std::max<int64_t>(1, inner / 1024));
    int64_t chunk = (inner + chunks_per_row - 1) / chunks_per_row;
    chunks_per_row = (inner + chunk - 1) / chunk;
    int64_t units = rows * chunks_per_row;
#pragma omp parallel num_threads(threads)
    {
      int t = omp_get_thread_num(), nt = omp_get_num_threads();
      int64_t b = units * t / nt, e = units * (t + 1) / nt;
      if (b < e) run_range(p, fn, chunk, chunks_per_row, b, e);
    }
    return;
  }
#endif
  run_range(p, fn, inner, 1, 0, rows);
}

}  // namespace parity::fast::iter
