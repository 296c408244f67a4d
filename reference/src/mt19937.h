// Internal: the Mersenne Twister of LibTorch's CPU generator (at::mt19937).
// Its 32-bit outputs equal std::mt19937 seeded with the low 32 bits of the
// seed; the record also keeps the full 64-bit seed, as LibTorch's does.
// Clause: RAND-1.
#pragma once
#include <array>
#include <cstdint>

namespace parity::ref {

struct Mt19937 {
  static constexpr int kStateSize = 624;  // N
  static constexpr int kShift = 397;      // M

  uint64_t seed = 0;  // as given, all 64 bits (current_seed reports it)
  int32_t left = 1;   // outputs left before the next twist, plus one
  bool seeded = false;
  uint32_t next = 0;  // index of the next state word to temper
  std::array<uint32_t, kStateSize> state{};

  // Knuth's initialisation from the low 32 bits of `seed_in`.
  void seed_with(uint64_t seed_in);
  // One tempered 32-bit output.
  uint32_t operator()();
  // The checks set_state makes before accepting a record.
  bool is_valid() const;

 private:
  void twist();
};

}  // namespace parity::ref
