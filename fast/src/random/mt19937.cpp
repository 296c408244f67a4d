// RAND-1: the Mersenne Twister's twist and tempering, vectorised. The twist
// recurrence only reaches 227 words back, so blocks of 8 words are
// independent; tempering is per word.
#include "random/mt19937.h"

#include <algorithm>
#include <cstring>

namespace parity::fast::random {
namespace {

constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpper = 0x80000000u;
constexpr uint32_t kLower = 0x7fffffffu;

typedef uint32_t V8 __attribute__((vector_size(32)));

inline uint32_t mix(uint32_t cur, uint32_t nxt, uint32_t far) {
  uint32_t y = (cur & kUpper) | (nxt & kLower);
  return far ^ (y >> 1) ^ ((0u - (y & 1u)) & kMatrixA);
}
// Words [i, end) of the twist where the far word is i + offset (mod 624).
__attribute__((target_clones("arch=x86-64-v3", "default"))) void twist_range(uint32_t* s,
                                                                             int i,
                                                                             int end,
                                                                             int offset) {
  // Whole-vector locals only: no function passes a V8 (that would tie the
  // ABI to AVX).
  for (; i + 8 <= end; i += 8) {
    V8 cur, nxt, far;
    std::memcpy(&cur, s + i, sizeof cur);
    std::memcpy(&nxt, s + i + 1, sizeof nxt);
    std::memcpy(&far, s + i + offset, sizeof far);
    const V8 y = (cur & kUpper) | (nxt & kLower);
    const V8 r = far ^ (y >> 1) ^ ((V8{} - (y & 1u)) & kMatrixA);
    std::memcpy(s + i, &r, sizeof r);
  }
  for (; i < end; ++i) s[i] = mix(s[i], s[i + 1], s[i + offset]);
}

__attribute__((target_clones("arch=x86-64-v3", "default"))) void temper_block(const uint32_t* in,
                                                                              uint32_t* out,
                                                                              int64_t n) {
  for (int64_t k = 0; k < n; ++k) out[k] = MT19937::temper(in[k]);
}

}  // namespace

void MT19937::seed(uint64_t s) {
  seed_ = s;
  seeded_ = true;
  state_[0] = static_cast<uint32_t>(s & 0xffffffffu);
  for (int j = 1; j < kN; ++j)
    state_[j] = 1812433253u * (state_[j - 1] ^ (state_[j - 1] >> 30)) + static_cast<uint32_t>(j);
  left_ = 1;
  next_ = 0;
}

void MT19937::set_raw(uint64_t seed, int32_t left, bool seeded, uint32_t next, const uint32_t* st) {
  seed_ = seed;
  left_ = left;
  seeded_ = seeded;
  next_ = next;
  std::memcpy(state_, st, sizeof state_);
}

void MT19937::twist() {
  twist_range(state_, 0, kN - kM, kM);
  twist_range(state_, kN - kM, kN - 1, kM - kN);
  state_[kN - 1] = mix(state_[kN - 1], state_[0], state_[kM - 1]);
  left_ = kN;
  next_ = 0;
}

void MT19937::fill(uint32_t* out, int64_t n) {
  while (n > 0) {
    if (left_ == 1) {
      // The draw that twists takes word 0 without counting left down.
      twist();
      *out++ = temper(state_[next_++]);
      --n;
      continue;
    }
    const int64_t m = std::min<int64_t>(left_ - 1, n);
    temper_block(state_ + next_, out, m);
    next_ += static_cast<uint32_t>(m);
    left_ -= static_cast<int32_t>(m);
    out += m;
    n -= m;
  }
}

void MT19937::fill64(uint64_t* out, int64_t n) {
  // Draw the 2n words into the output's own memory, then pair them up in
  // place (front to back: pair k reads words 2k and 2k+1, at or after k).
  auto* words = reinterpret_cast<uint32_t*>(out);
  fill(words, 2 * n);
  for (int64_t k = 0; k < n; ++k) {
    uint32_t hi, lo;
    std::memcpy(&hi, words + 2 * k, 4);
    std::memcpy(&lo, words + 2 * k + 1, 4);
    out[k] = (static_cast<uint64_t>(hi) << 32) | lo;
  }
}

}  // namespace parity::fast::random
