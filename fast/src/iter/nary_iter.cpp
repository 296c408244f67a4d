#include "iter/nary_iter.h"

#include <algorithm>
#include <memory>

#include "core/threads.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace parity::fast::iter {
namespace {

constexpr int kN = kMaxNaryOperands;

void plan4(NaryPlan& p, IntArrayRef shape, const IntArrayRef* strides, const int64_t* items) {
  struct Dim {
    int64_t size;
    int64_t st[kN];
  };
  const size_t n = shape.size();
  std::unique_ptr<Dim[]> d(new Dim[n > 0 ? n : 1]);
  size_t m = 0;
  for (size_t i = n; i-- > 0;) {
    if (shape[i] == 1) continue;
    Dim& x = d[m++];
    x.size = shape[i];
    for (int k = 0; k < kN; ++k) x.st[k] = strides[k][i] * items[k];
  }
  auto key = [](int64_t s) { return s < 0 ? -s : s; };
  auto less = [&](const Dim& a, const Dim& b) {
    for (int k = 0; k < kN; ++k)
      if (key(a.st[k]) != key(b.st[k])) return key(a.st[k]) < key(b.st[k]);
    return false;
  };
  for (size_t i = 1; i < m; ++i) {
    Dim x = d[i];
    size_t j = i;
    for (; j > 0 && less(x, d[j - 1]); --j) d[j] = d[j - 1];
    d[j] = x;
  }
  size_t out = 0;
  for (size_t i = 0; i < m; ++i) {
    if (out > 0) {
      Dim& in = d[out - 1];
      bool ok = true;
      for (int k = 0; k < kN; ++k) ok = ok && d[i].st[k] == in.st[k] * in.size;
      if (ok) {
        in.size *= d[i].size;
        continue;
      }
    }
    d[out++] = d[i];
  }
  if (out == 0) {
    p.sizes.push_back(1);
    for (int k = 0; k < kN; ++k) p.strides[k].push_back(items[k]);
    return;
  }
  for (size_t i = 0; i < out; ++i) {
    p.sizes.push_back(d[i].size);
    for (int k = 0; k < kN; ++k) p.strides[k].push_back(d[i].st[k]);
  }
}

// Rows [rb, re) of the plan, each whole.
void run_rows(const NaryPlan& p, NaryRowFn fn, void* ctx, int64_t rb, int64_t re) {
  const size_t nd = p.sizes.size();
  char* ptr[kN];
  int64_t st0[kN];
  for (int64_t r = rb; r < re; ++r) {
    int64_t rest = r;
    for (int k = 0; k < kN; ++k) {
      ptr[k] = p.ptrs[k];
      st0[k] = p.strides[k][0];
    }
    for (size_t d = 1; d < nd; ++d) {
      const int64_t i = rest % p.sizes[d];
      rest /= p.sizes[d];
      for (int k = 0; k < kN; ++k) ptr[k] += i * p.strides[k][d];
    }
    fn(ctx, ptr, st0, p.sizes[0]);
  }
}

}  // namespace

NaryPlan make_nary_plan(IntArrayRef shape,
                        int nops,
                        char* const* ptrs,
                        const IntArrayRef* strides,
                        const int64_t* itemsizes) {
  NaryPlan p;
  p.nops = nops;
  if (nops <= 3) {
    p.small = make_elementwise_plan(shape, nops, ptrs, strides, itemsizes);
    p.numel = p.small.numel;
    return p;
  }
  p.numel = 1;
  for (int64_t s : shape) p.numel *= s;
  for (int k = 0; k < kN; ++k) p.ptrs[k] = ptrs[k];
  if (p.numel != 0) plan4(p, shape, strides, itemsizes);
  return p;
}

namespace detail {

void run_nary4(const NaryPlan& p, NaryRowFn fn, void* ctx) {
  if (p.numel == 0) return;
  const int64_t inner = p.sizes[0];
  const int64_t rows = p.numel / inner;
#ifdef _OPENMP
  if (p.numel >= kGrainSize && core::max_threads() > 1 && !omp_in_parallel()) {
    const int threads =
        static_cast<int>(std::min<int64_t>(core::max_threads(), p.numel / kGrainSize));
    if (rows >= threads && threads > 1) {
#pragma omp parallel num_threads(threads)
      {
        const int t = omp_get_thread_num(), nt = omp_get_num_threads();
        run_rows(p, fn, ctx, rows * t / nt, rows * (t + 1) / nt);
      }
      return;
    }
    if (rows == 1 && threads > 1) {
      // One long row: cut it into one piece per thread.
#pragma omp parallel num_threads(threads)
      {
        const int t = omp_get_thread_num(), nt = omp_get_num_threads();
        const int64_t b = inner * t / nt, e = inner * (t + 1) / nt;
        char* ptr[kN];
        for (int k = 0; k < kN; ++k) ptr[k] = p.ptrs[k] + b * p.strides[k][0];
        int64_t st0[kN];
        for (int k = 0; k < kN; ++k) st0[k] = p.strides[k][0];
        if (b < e) fn(ctx, ptr, st0, e - b);
      }
      return;
    }
  }
#endif
  run_rows(p, fn, ctx, 0, rows);
}

}  // namespace detail
}  // namespace parity::fast::iter
