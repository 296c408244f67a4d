// Loops for ops that work along one dim (gather, scatter, sort, ...): a
// cursor over the other dims in row-major order carrying byte offsets of a
// few operands, and a deterministic split of units across OpenMP threads.
#pragma once
#include <algorithm>
#include <cstdint>

#include "core/threads.h"
#include "iter/copy_iter.h"
#include "parity/fast/small_vector.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace parity::fast::iter {

// Calls f(begin, end) on contiguous ranges of [0, units), one per thread
// when the total work (elements) pays for threads. Which thread runs a unit
// never changes what is computed, so results do not depend on the count.
template <class F>
void parallel_units(int64_t units, int64_t work, F&& f) {
  if (units <= 0) return;
#ifdef _OPENMP
  if (work >= kGrainSize && units > 1 && core::max_threads() > 1 && !omp_in_parallel()) {
    const int threads = static_cast<int>(
        std::min<int64_t>({core::max_threads(), units, std::max<int64_t>(1, work / kGrainSize)}));
#pragma omp parallel num_threads(threads)
    {
      const int t = omp_get_thread_num(), nt = omp_get_num_threads();
      const int64_t b = units * t / nt, e = units * (t + 1) / nt;
      if (b < e) f(b, e);
    }
    return;
  }
#endif
  f(0, units);
}

inline constexpr int kMaxCursorOps = 4;

// A multi-index over `sizes` (last dim fastest) and the byte offset of each
// operand at it.
class OuterCursor {
 public:
  OuterCursor() = default;
  // strides[k]: operand k's byte strides over sizes.
  OuterCursor(IntArrayRef sizes, int nops, const DimVector* strides)
      : sizes_(sizes), nops_(nops), idx_(sizes.size(), 0) {
    for (int k = 0; k < nops; ++k) strides_[k] = strides[k];
  }
  int64_t count() const { return numel_of_sizes(); }
  void seek(int64_t linear) {
    for (int k = 0; k < nops_; ++k) off_[k] = 0;
    for (size_t d = sizes_.size(); d-- > 0;) {
      idx_[d] = linear % sizes_[d];
      linear /= sizes_[d];
      for (int k = 0; k < nops_; ++k) off_[k] += idx_[d] * strides_[k][d];
    }
  }
  void next() {
    for (size_t d = sizes_.size(); d-- > 0;) {
      for (int k = 0; k < nops_; ++k) off_[k] += strides_[k][d];
      if (++idx_[d] < sizes_[d]) return;
      for (int k = 0; k < nops_; ++k) off_[k] -= idx_[d] * strides_[k][d];
      idx_[d] = 0;
    }
  }
  int64_t offset(int k) const { return off_[k]; }
  int64_t index(size_t d) const { return idx_[d]; }

 private:
  int64_t numel_of_sizes() const {
    int64_t n = 1;
    for (int64_t s : sizes_) n *= s;
    return n;
  }
  DimVector sizes_;
  int nops_ = 0;
  DimVector strides_[kMaxCursorOps];
  DimVector idx_;
  int64_t off_[kMaxCursorOps] = {};
};

// An unsigned type of the given element size: ops that only move elements
// dispatch on this, not on the dtype.
template <class F>
decltype(auto) dispatch_bytes(size_t itemsize, F&& f) {
  switch (itemsize) {
    case 1:
      return f(uint8_t{});
    case 2:
      return f(uint16_t{});
    case 4:
      return f(uint32_t{});
    default:
      return f(uint64_t{});
  }
}

}  // namespace parity::fast::iter
