#include "iter/reduce_iter.h"

#include <algorithm>

#include "meta/view_meta.h"

namespace parity::fast::iter {
namespace {

struct Dim {
  int64_t size, in, out;
};

int64_t mag(int64_t s) { return s < 0 ? -s : s; }

// A stack list: reductions plan without allocating.
struct Dims {
  Dim d[meta::kMaxReduceDims];
  size_t n = 0;
  void push_back(const Dim& x) { d[n++] = x; }
  bool empty() const { return n == 0; }
};

// Order by input stride (then output stride), smallest innermost, and merge
// a dim into the previous one when it continues it in input and output.
void order_and_coalesce(Dims& l) {
  Dim* d = l.d;
  std::stable_sort(d, d + l.n, [](const Dim& a, const Dim& b) {
    if (mag(a.in) != mag(b.in)) return mag(a.in) < mag(b.in);
    return mag(a.out) < mag(b.out);
  });
  size_t n = 0;
  for (size_t i = 0; i < l.n; ++i) {
    if (n > 0 && d[i].in == d[n - 1].in * d[n - 1].size &&
        d[i].out == d[n - 1].out * d[n - 1].size) {
      d[n - 1].size *= d[i].size;
      continue;
    }
    d[n++] = d[i];
  }
  l.n = n;
}

}  // namespace

ReducePlan make_reduce_plan(IntArrayRef sizes,
                            IntArrayRef in_strides,
                            const meta::DimMask& mask,
                            int64_t in_item,
                            int64_t out_item) {
  ReducePlan p;
  const size_t n = sizes.size();
  // Output strides: contiguous over the kept dims, in the input's dim order.
  DimVector out_strides(n, 0);
  int64_t acc = out_item;
  for (size_t i = n; i-- > 0;) {
    if (mask.test(i)) continue;
    out_strides[i] = acc;
    acc *= sizes[i];
  }
  Dims kept, red;
  for (size_t i = 0; i < n; ++i) {
    if (mask.test(i)) {
      p.n_red *= sizes[i];
      if (sizes[i] != 1) red.push_back({sizes[i], in_strides[i] * in_item, 0});
    } else {
      p.n_out *= sizes[i];
      if (sizes[i] != 1) kept.push_back({sizes[i], in_strides[i] * in_item, out_strides[i]});
    }
  }
  order_and_coalesce(kept);
  order_and_coalesce(red);
  if (red.empty()) red.push_back({1, in_item, 0});
  for (size_t i = 0; i < kept.n; ++i) {
    const Dim& d = kept.d[i];
    p.osz.push_back(d.size);
    p.oin.push_back(d.in);
    p.oout.push_back(d.out);
  }
  for (size_t i = 0; i < red.n; ++i) {
    const Dim& d = red.d[i];
    p.rsz.push_back(d.size);
    p.rin.push_back(d.in);
  }
  p.vertical = !kept.empty() && p.n_red > 1 && mag(kept.d[0].in) < mag(red.d[0].in);
  if (!p.vertical) {
    const int64_t row = p.rsz[0];
    p.pieces_per_row = std::max<int64_t>(1, (row + kReduceChunk - 1) / kReduceChunk);
    p.piece_len = (row + p.pieces_per_row - 1) / p.pieces_per_row;
    const int64_t pieces = row == 0 ? 0 : p.n_red / row * p.pieces_per_row;
    if (p.n_red >= 2 * kReduceChunk) {
      p.pieces_per_chunk = p.pieces_per_row > 1 ? 1 : std::max<int64_t>(1, kReduceChunk / row);
      p.chunks = (pieces + p.pieces_per_chunk - 1) / p.pieces_per_chunk;
    } else {
      p.pieces_per_chunk = pieces;
      p.chunks = 1;
    }
  }
  return p;
}

}  // namespace parity::fast::iter
