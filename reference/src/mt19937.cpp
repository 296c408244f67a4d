// The Mersenne Twister (Matsumoto and Nishimura 1998) as at::mt19937 runs
// it: seeding leaves `left` at 1 so the first output twists the whole state.
// Clause: RAND-1.
#include "mt19937.h"

namespace parity::ref {

void Mt19937::seed_with(uint64_t seed_in) {
  seed = seed_in;
  seeded = true;
  state[0] = static_cast<uint32_t>(seed_in & 0xffffffffu);
  for (uint32_t j = 1; j < kStateSize; ++j)
    state[j] = 1812433253u * (state[j - 1] ^ (state[j - 1] >> 30)) + j;
  left = 1;
  next = 0;
}

void Mt19937::twist() {
  constexpr uint32_t kMatrixA = 0x9908b0dfu;
  constexpr uint32_t kUpper = 0x80000000u;
  constexpr uint32_t kLower = 0x7fffffffu;
  for (int i = 0; i < kStateSize; ++i) {
    const uint32_t y = (state[i] & kUpper) | (state[(i + 1) % kStateSize] & kLower);
    state[i] = state[(i + kShift) % kStateSize] ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
  }
  left = kStateSize;
  next = 0;
}

uint32_t Mt19937::operator()() {
  if (--left == 0) twist();
  uint32_t y = state[next++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

bool Mt19937::is_valid() const {
  return seeded && left > 0 && left <= kStateSize && next <= kStateSize;
}

}  // namespace parity::ref
