#include "iter/binary_iter.h"

#include <memory>

namespace parity::fast::iter {

ElementwisePlan make_elementwise_plan(IntArrayRef shape,
                                      int nops,
                                      char* const* ptrs,
                                      const IntArrayRef* strides,
                                      const int64_t* itemsizes) {
  ElementwisePlan p;
  p.nops = nops;
  p.numel = 1;
  for (int k = 0; k < nops; ++k) p.ptrs[k] = ptrs[k];
  const size_t n = shape.size();
  for (size_t i = 0; i < n; ++i) p.numel *= shape[i];
  if (p.numel == 0) return p;

  struct Dim {
    int64_t size;
    int64_t st[kMaxOperands];
  };
  // Non-trivial dims, innermost (last) first, strides in bytes.
  // A stack array for the usual ranks: planning allocates nothing.
  Dim inline_dims[16];
  std::unique_ptr<Dim[]> heap;
  Dim* d = inline_dims;
  if (n > 16) {
    heap.reset(new Dim[n]);
    d = heap.get();
  }
  size_t m = 0;
  for (size_t i = n; i-- > 0;) {
    if (shape[i] == 1) continue;
    Dim& x = d[m++];
    x.size = shape[i];
    for (int k = 0; k < kMaxOperands; ++k) x.st[k] = k < nops ? strides[k][i] * itemsizes[k] : 0;
  }
  // Order by |output stride| (then the inputs'), smallest innermost, so the
  // writes stream. The stable insertion sort keeps the usual already-ordered
  // case linear and leaves ties in TensorIterator's order.
  auto key = [](int64_t s) { return s < 0 ? -s : s; };
  auto less = [&](const Dim& a, const Dim& b) {
    for (int k = 0; k < nops; ++k) {
      if (key(a.st[k]) != key(b.st[k])) return key(a.st[k]) < key(b.st[k]);
    }
    return false;
  };
  for (size_t i = 1; i < m; ++i) {
    Dim x = d[i];
    size_t j = i;
    while (j > 0 && less(x, d[j - 1])) {
      d[j] = d[j - 1];
      --j;
    }
    d[j] = x;
  }
  // Coalesce an outer dim into the inner one when, for every operand, its
  // stride is the inner stride times the inner size (0 * size = 0 keeps
  // broadcast dims coalescable with each other).
  size_t out = 0;
  for (size_t i = 0; i < m; ++i) {
    if (out > 0) {
      Dim& in = d[out - 1];
      bool ok = true;
      for (int k = 0; k < nops; ++k) ok = ok && d[i].st[k] == in.st[k] * in.size;
      if (ok) {
        in.size *= d[i].size;
        continue;
      }
    }
    d[out++] = d[i];
  }
  if (out == 0) {
    // Every dim had size 1: one element.
    p.sizes.push_back(1);
    for (int k = 0; k < nops; ++k) p.strides[k].push_back(itemsizes[k]);
    return p;
  }
  for (size_t i = 0; i < out; ++i) {
    p.sizes.push_back(d[i].size);
    for (int k = 0; k < nops; ++k) p.strides[k].push_back(d[i].st[k]);
  }
  return p;
}

}  // namespace parity::fast::iter
