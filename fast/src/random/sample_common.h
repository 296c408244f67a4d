// RAND-11: what every sampler shares: the checks an in-place draw makes, the
// order TensorIterator visits the output in, and block generation of words
// that are then transformed (in parallel: each element depends only on its
// own words, so results are the same for any thread count).
#pragma once
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "iter/outer_loop.h"
#include "parity/fast/tensor.h"
#include "random/generator_impl.h"
#include "random/uniform_kernels.h"

namespace parity::fast::random {

// AT_DISPATCH's error.
[[noreturn]] void not_implemented(const char* name, ScalarType t);
// Refuses half/bfloat16/integral/bool where only floating types are allowed.
void require_floating(const char* name, ScalarType t);
// The checks before an in-place draw: autograd's leaf check, then
// TensorIterator's on an output it writes (no internal overlap).
void check_output(const Tensor& self);

// Element offsets (elements from data()) in TensorIterator's visiting order:
// the dims ordered by the output's strides, then `input`'s (already
// broadcast to the output's shape; empty when none). Empty result: the
// output is non-overlapping and dense, visited in memory order from data().
// in_offsets (when given) receives the input's offsets in the same order
// and forces the explicit list.
std::vector<int64_t> visit_offsets(const TensorImpl& out,
                                   IntArrayRef input_strides = {},
                                   std::vector<int64_t>* in_offsets = nullptr);

// Runs produce(T* buf, n) (the next n values in draw order) and stores them
// into t in TensorIterator order.
template <class T, class Produce>
void fill_ordered(const Tensor& t, Produce&& produce) {
  const TensorImpl& impl = *t.unsafeGetTensorImpl();
  const int64_t n = impl.numel();
  if (n == 0) return;
  T* base = reinterpret_cast<T*>(impl.data());
  std::vector<int64_t> offsets = visit_offsets(impl);
  if (offsets.empty()) {
    produce(base, n);
    return;
  }
  std::unique_ptr<T[]> buf(new T[static_cast<size_t>(n)]);
  produce(buf.get(), n);
  for (int64_t k = 0; k < n; ++k) base[offsets[k]] = buf[k];
}

// out[k] = f(word k) for n words of 32 (Word = uint32_t) or 64 bits drawn in
// a row. Words land in out's own memory when T is as wide; else in chunks.
template <class Word, class T, class F>
void generate(GeneratorImpl& g, T* out, int64_t n, F f) {
  auto draw = [&g](Word* w, int64_t m) {
    if constexpr (std::is_same_v<Word, uint32_t>) {
      g.engine.fill(w, m);
    } else {
      g.engine.fill64(w, m);
    }
  };
  if constexpr (sizeof(T) == sizeof(Word)) {
    draw(reinterpret_cast<Word*>(out), n);
    iter::parallel_units(n, n, [&](int64_t b, int64_t e) {
      for (int64_t k = b; k < e; ++k) {
        Word w;
        std::memcpy(&w, out + k, sizeof w);
        out[k] = f(w);
      }
    });
  } else {
    constexpr int64_t kChunk = 4096;
    Word words[kChunk];
    for (int64_t s = 0; s < n; s += kChunk) {
      const int64_t m = std::min(kChunk, n - s);
      draw(words, m);
      for (int64_t k = 0; k < m; ++k) out[s + k] = f(words[k]);
    }
  }
}

// generate() for a UniformReal: float32 and float64 go through the
// vectorised in-place kernels.
template <class T, class Dist>
void generate_uniform(GeneratorImpl& g, T* out, int64_t n, const Dist& dist) {
  if constexpr (std::is_same_v<T, float>) {
    g.engine.fill(reinterpret_cast<uint32_t*>(out), n);
    uniform_f32_inplace(out, n, dist.from, dist.range);
  } else if constexpr (std::is_same_v<T, double>) {
    g.engine.fill64(reinterpret_cast<uint64_t*>(out), n);
    uniform_f64_inplace(out, n, dist.from, dist.range);
  } else {
    generate<typename Dist::Word>(g, out, n, dist);
  }
}

}  // namespace parity::fast::random
