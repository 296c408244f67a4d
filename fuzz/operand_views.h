// Random operands for the operator fuzzers: a shape (0-4 dims, sizes 0-3,
// often broadcastable with a partner, sometimes not) and a layout that
// reaches it as a view with odd strides — a stepped slice, a permutation, an
// expanded size-1 dim, a storage offset — so that every property also runs
// over TensorIterator's non-contiguous paths.
#pragma once
#include <rapidcheck.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "binary_samples.h"

namespace parity::fuzz {

using Shape = std::vector<int64_t>;

inline Shape drawShape(int max_rank = 4) {
  Shape s;
  const int rank = *rc::gen::inRange(0, max_rank + 1);
  for (int i = 0; i < rank; ++i)
    s.push_back(*rc::gen::weightedElement<int64_t>({{1, 0}, {4, 1}, {3, 2}, {3, 3}}));
  return s;
}

// Usually broadcastable with `a` (its trailing dims, some set to 1, maybe a new
// leading dim); one time in six an unrelated shape, which may not broadcast.
inline Shape drawPartner(const Shape& a) {
  if (*rc::gen::inRange(0, 6) == 0) return drawShape();
  const size_t keep = *rc::gen::inRange<size_t>(0, a.size() + 1);
  Shape b(a.end() - keep, a.end());
  for (auto& s : b)
    if (*rc::gen::inRange(0, 3) == 0) s = 1;
  if (*rc::gen::inRange(0, 4) == 0) b.insert(b.begin(), *rc::gen::inRange<int64_t>(1, 3));
  return b;
}

// A random permutation of v (Fisher-Yates over RapidCheck draws, so it shrinks).
template <class T>
std::vector<T> shuffled(std::vector<T> v) {
  for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[*rc::gen::inRange<size_t>(0, i)]);
  return v;
}

// How an operand of `shape` is laid out in memory.
struct Layout {
  Shape shape;
  std::vector<int64_t> step;   // slice step per dim (1 or 2)
  std::vector<int64_t> perm;   // the base holds the dims in this order
  std::vector<bool> expanded;  // a size-1 base dim expanded to shape[d]
  int64_t offset = 0;          // leading elements skipped in dim 0 of the base
};

inline Layout drawLayout(const Shape& shape) {
  Layout l;
  l.shape = shape;
  const size_t n = shape.size();
  l.perm.resize(n);
  std::iota(l.perm.begin(), l.perm.end(), 0);
  const int kind = *rc::gen::inRange(0, 4);  // 0: contiguous; else odd strides
  l.step.assign(n, 1);
  l.expanded.assign(n, false);
  if (kind == 0 || n == 0) return l;
  for (size_t d = 0; d < n; ++d) {
    if (*rc::gen::inRange(0, 3) == 0) l.step[d] = 2;
    if (shape[d] > 1 && *rc::gen::inRange(0, 5) == 0) l.expanded[d] = true;
  }
  if (n > 1 && *rc::gen::inRange(0, 2) == 0) l.perm = shuffled(l.perm);
  l.offset = *rc::gen::inRange<int64_t>(0, 2);
  return l;
}

inline std::string describe(const Layout& l) {
  auto list = [](const std::vector<int64_t>& v) {
    std::string t = "{";
    for (size_t i = 0; i < v.size(); ++i) t += (i ? ", " : "") + std::to_string(v[i]);
    return t + "}";
  };
  std::string s = list(l.shape);
  bool plain = l.offset == 0;
  for (size_t d = 0; d < l.shape.size(); ++d)
    plain = plain && l.step[d] == 1 && !l.expanded[d] && l.perm[d] == static_cast<int64_t>(d);
  if (plain) return s;
  std::vector<int64_t> ex;
  for (bool e : l.expanded) ex.push_back(e);
  return s + " as view(step " + list(l.step) + ", perm " + list(l.perm) + ", expanded " + list(ex) +
         ", offset " + std::to_string(l.offset) + ")";
}

// Builds the operand on engine E from `values` (dividends or divisors of
// binary_samples.h), converted to `dtype`.
template <class E, class Values, class D>
typename E::Tensor materialize(const Layout& l, Values values, D dtype) {
  const size_t n = l.shape.size();
  Shape base(n);
  for (size_t i = 0; i < n; ++i) {
    const int64_t d = l.perm[i];
    const int64_t size = l.expanded[d] ? 1 : l.shape[d];
    base[i] = size * l.step[d] + (i == 0 ? l.offset : 0);
  }
  if (n == 0) return values(base).to(dtype);
  auto t = values(base).to(dtype);
  // Undo the offset and the steps in the base's order, then permute back.
  for (size_t i = 0; i < n; ++i) {
    const int64_t d = l.perm[i];
    const int64_t start = i == 0 ? l.offset : 0;
    const int64_t size = l.expanded[d] ? 1 : l.shape[d];
    t = t.slice(static_cast<int64_t>(i), start, start + size * l.step[d], l.step[d]);
  }
  std::vector<int64_t> inverse(n);
  for (size_t i = 0; i < n; ++i) inverse[l.perm[i]] = static_cast<int64_t>(i);
  t = t.permute(inverse);
  return t.expand(l.shape);
}

}  // namespace parity::fuzz
