// RAND-1: LibTorch's at::mt19937 (32-bit Mersenne Twister with its seeding,
// its lazy twist and its left/next bookkeeping, which get_state exposes),
// plus block output: n draws in one call equal n single draws.
#pragma once
#include <cstdint>

namespace parity::fast::random {

class MT19937 {
 public:
  static constexpr int kN = 624;

  void seed(uint64_t s);

  // One 32-bit output; the state twists lazily, on the draw that needs it.
  uint32_t operator()() {
    if (--left_ == 0) twist();
    return temper(state_[next_++]);
  }
  // n outputs in a row, exactly as n calls of operator().
  void fill(uint32_t* out, int64_t n);
  // n 64-bit outputs, each (first << 32) | second, as CPUGeneratorImpl::random64.
  void fill64(uint64_t* out, int64_t n);

  // Raw fields, as get_state/set_state carry them.
  uint64_t seed_value() const { return seed_; }
  int32_t left() const { return left_; }
  bool seeded() const { return seeded_; }
  uint32_t next() const { return next_; }
  const uint32_t* state() const { return state_; }
  void set_raw(uint64_t seed, int32_t left, bool seeded, uint32_t next, const uint32_t* state);
  // at::mt19937::is_valid.
  bool valid() const { return seeded_ && left_ > 0 && left_ <= kN && next_ <= kN; }

  static uint32_t temper(uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
  }

 private:
  void twist();  // regenerates all 624 words; left = 624, next = 0

  uint64_t seed_ = 0;
  int32_t left_ = 1;
  bool seeded_ = false;
  uint32_t next_ = 0;
  alignas(64) uint32_t state_[kN] = {};
};

}  // namespace parity::fast::random
